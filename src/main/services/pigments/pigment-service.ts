import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { PigmentInput, SavedPigment } from '../../../shared/bridge/contract'
import type { PigmentId } from '../../../shared/plan/plan-types'
import { createStamp } from '../clock'
import { ServiceError } from '../service-error'
import { type PigmentRow, pigmentParams, rowToPigment } from './pigment-rows'

export interface PigmentService {
  list(includeRetired: boolean): SavedPigment[]
  /** Creates the pigment when its id is null or new (`baseRevision` null), else updates it from `baseRevision`. */
  save(pigment: PigmentInput, baseRevision: number | null): SavedPigment
  retire(id: PigmentId, retired: boolean): SavedPigment
  remove(id: PigmentId): { id: PigmentId }
}

/**
 * The pigment catalogue. A pigment a session names is the record of what went into a patient's
 * skin, so it can be retired (hidden from pickers) but never deleted.
 */
export function createPigmentService(db: Database, now: () => Date = () => new Date()): PigmentService {
  const stamp = createStamp(now)
  const byId = db.prepare<[string], PigmentRow>('SELECT * FROM pigments WHERE id = ?')
  const all = db.prepare<[number], PigmentRow>(
    'SELECT * FROM pigments WHERE retired = 0 OR ? ORDER BY position, created_at, id',
  )
  // A new pigment goes to the end of the list, where the person who added it will look.
  const insert = db.prepare(
    `INSERT INTO pigments (id, name, shade, dilution, family, carbon_black, fade, drift, drift_colour, retired,
       position, created_at, updated_at, revision)
     VALUES (@id, @name, @shade, @dilution, @family, @carbon_black, @fade, @drift, @drift_colour, @retired,
       (SELECT coalesce(max(position), -1) + 1 FROM pigments), @now, @now, 1)`,
  )
  const update = db.prepare(
    `UPDATE pigments SET name = @name, shade = @shade, dilution = @dilution, family = @family,
       carbon_black = @carbon_black, fade = @fade, drift = @drift, drift_colour = @drift_colour, retired = @retired,
       updated_at = @now, revision = revision + 1
     WHERE id = @id AND revision = @baseRevision`,
  )
  const setRetired = db.prepare(
    'UPDATE pigments SET retired = @retired, updated_at = @now, revision = revision + 1 WHERE id = @id',
  )
  // A session uses a pigment for all its zones or for one of them.
  const sessionsUsing = db.prepare<[string, string], { n: number }>(
    `SELECT count(*) AS n FROM sessions WHERE pigment_id = ?
       OR id IN (SELECT session_id FROM session_treatments WHERE pigment_id = ?)`,
  )
  const deleteRow = db.prepare('DELETE FROM pigments WHERE id = ?')

  const getRow = (id: PigmentId): PigmentRow => {
    const row = byId.get(id)
    if (!row) throw new ServiceError('not_found', 'That pigment is not in the catalogue; it may have been deleted.')
    return row
  }

  const save = db.transaction(({ id, ...fields }: PigmentInput, baseRevision: number | null): SavedPigment => {
    const existing = id === null ? undefined : byId.get(id)
    const params = { now: stamp(), ...pigmentParams(fields) }
    if (baseRevision === null) {
      if (existing)
        throw new ServiceError(
          'conflict',
          `The catalogue already has a pigment with this id (${existing.name}); reopen it to edit it.`,
        )
      const created = id ?? randomUUID()
      insert.run({ id: created, ...params })
      return rowToPigment(getRow(created))
    }
    if (id === null || !existing)
      throw new ServiceError('conflict', 'This pigment is no longer in the catalogue; it was deleted elsewhere.')
    if (update.run({ id, baseRevision, ...params }).changes === 0)
      throw new ServiceError(
        'conflict',
        `${existing.name} was changed elsewhere (revision ${existing.revision}); reopen it to see the latest.`,
      )
    return rowToPigment(getRow(id))
  })

  const remove = db.transaction((id: PigmentId) => {
    const row = getRow(id)
    const { n } = sessionsUsing.get(id, id) as { n: number }
    if (n > 0)
      throw new ServiceError(
        'conflict',
        `${row.name} is used by ${n === 1 ? 'one session' : `${n} sessions`}, so it stays on record; retire it to hide it from new sessions.`,
      )
    deleteRow.run(id)
    return { id }
  })

  return {
    list: (includeRetired) => all.all(Number(includeRetired)).map(rowToPigment),
    save: (pigment, baseRevision) => save.immediate(pigment, baseRevision),
    retire(id, retired) {
      const row = getRow(id)
      if (row.retired === Number(retired)) return rowToPigment(row)
      setRetired.run({ id, retired: Number(retired), now: stamp() })
      return rowToPigment(getRow(id))
    },
    remove: (id) => remove.immediate(id),
  }
}
