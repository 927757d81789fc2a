import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { PigmentArchiveRow } from '../../../shared/archive/archive-records'
import { importedName } from '../../../shared/archive/imported-name'
import { PLAN_LIMITS } from '../../../shared/plan/plan-limits'
import type { PigmentRow } from '../pigments/pigment-rows'

export interface PigmentOutcome {
  /** Each archive pigment id to the catalogue id its sessions use here. */
  ids: Map<string, string>
  added: string[]
  addedAsCopies: string[]
}

/** What makes two catalogue entries the same ink; the retired flag is only a picker's concern. */
function sameInk(a: Omit<PigmentRow, 'name'>, b: Omit<PigmentRow, 'name'>): boolean {
  const fadeA = JSON.parse(a.fade) as Record<string, number>
  const fadeB = JSON.parse(b.fade) as Record<string, number>
  return (
    a.shade.toLowerCase() === b.shade.toLowerCase() &&
    a.dilution === b.dilution &&
    a.family === b.family &&
    a.carbon_black === b.carbon_black &&
    a.drift === b.drift &&
    a.drift_colour.toLowerCase() === b.drift_colour.toLowerCase() &&
    ['tauYears', 'shape', 'floor'].every((k) => fadeA[k] === fadeB[k])
  )
}

const MARKED = / \(imported \d{4}-\d{2}-\d{2}\)$/

/**
 * Brings the pigments an archive's sessions use into this catalogue without changing any entry
 * already in it: a pigment this catalogue lacks is added as it is; one it holds under the same
 * id with other values (edited on one machine) is added beside it as a marked copy, and the
 * archive's sessions use that, so both machines' records keep what was really used. A copy
 * made by an earlier import is found again rather than added twice. Runs in the import's
 * transaction.
 */
export function createPigmentReconciler(db: Database) {
  const byId = db.prepare<[string], PigmentRow>('SELECT * FROM pigments WHERE id = ?')
  const all = db.prepare<[], PigmentRow>('SELECT * FROM pigments ORDER BY position, id')
  const insert = db.prepare(
    `INSERT INTO pigments (id, name, shade, dilution, family, carbon_black, fade, drift, drift_colour, retired,
       position, created_at, updated_at, revision)
     VALUES (@id, @name, @shade, @dilution, @family, @carbon_black, @fade, @drift, @drift_colour, @retired,
       (SELECT coalesce(max(position), -1) + 1 FROM pigments), @created_at, @updated_at, @revision)`,
  )

  return (pigments: readonly PigmentArchiveRow[], day: string): PigmentOutcome => {
    const outcome: PigmentOutcome = { ids: new Map(), added: [], addedAsCopies: [] }
    for (const pigment of pigments) {
      const incoming = pigment as PigmentRow
      const here = byId.get(pigment.id)
      if (!here) {
        insert.run(incoming)
        outcome.ids.set(pigment.id, pigment.id)
        outcome.added.push(pigment.name)
        continue
      }
      if (here.name === pigment.name && sameInk(here, incoming)) {
        outcome.ids.set(pigment.id, here.id)
        continue
      }
      const earlierCopy = all
        .all()
        .find((p) => p.id !== here.id && p.name.replace(MARKED, '') === pigment.name && sameInk(p, incoming))
      if (earlierCopy) {
        outcome.ids.set(pigment.id, earlierCopy.id)
        continue
      }
      const copy = { ...incoming, id: randomUUID(), name: importedName(pigment.name, day, PLAN_LIMITS.pigmentName) }
      insert.run(copy)
      outcome.ids.set(pigment.id, copy.id)
      outcome.addedAsCopies.push(copy.name)
    }
    return outcome
  }
}
