import fs from 'node:fs'
import path from 'node:path'
import type { Database } from 'better-sqlite3'
import type { ChainReport } from '../../../shared/audit/audit-types'
import { describeChainProblem } from '../../../shared/audit/chain-words'
import type { PatientId } from '../../../shared/patients/patient'

/** The newest entry's number and hash, as last seen. */
export interface AuditHead {
  seq: number
  hash: string
}

/** A head kept outside the database, and where it was kept (for the message). */
export interface AnchoredHead extends AuditHead {
  /** When the user last put a database in place on purpose (restore, start empty): older anchors no longer bind. */
  since?: string
}

export const ANCHOR_FILE = 'audit-anchor.json'

const readHead = (db: Database) =>
  db.prepare<[], AuditHead>('SELECT seq, hash FROM audit_head WHERE id = 1').get() ?? null

/**
 * The audit head written beside the database after every change (`audit-anchor.json` in the
 * data folder): rolling the database's own head back to an older entry, which needs no hashing,
 * no longer goes unnoticed while this file, or a backup's manifest, remembers a later one.
 */
export type AuditAnchor = ReturnType<typeof createAuditAnchor>

export function createAuditAnchor(dataDir: string) {
  const file = path.join(dataDir, ANCHOR_FILE)
  let written: AnchoredHead | null = null

  const read = (): AnchoredHead | null => {
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<AnchoredHead>
      if (!Number.isSafeInteger(parsed.seq) || typeof parsed.hash !== 'string') return null
      return {
        seq: parsed.seq as number,
        hash: parsed.hash,
        ...(typeof parsed.since === 'string' && { since: parsed.since }),
      }
    } catch {
      return null
    }
  }

  const write = (anchor: AnchoredHead) => {
    const temp = `${file}.tmp`
    fs.writeFileSync(temp, JSON.stringify(anchor))
    fs.renameSync(temp, file)
    written = anchor
  }

  return {
    read,
    /** Moves the anchor up to the database's head; only forward, so a rolled-back head never lowers it. */
    record(db: Database) {
      const head = readHead(db)
      if (!head) return
      written ??= read()
      if (written && written.seq >= head.seq) return
      write({ ...head, ...(written?.since && { since: written.since }) })
    },
    /** The user put this database in place knowingly: its head is the new starting point. */
    reset(db: Database, at: Date) {
      const head = readHead(db)
      if (head) write({ ...head, since: at.toISOString() })
    },
  }
}

function cut(report: ChainReport, lastSeq: number, anchorSeq: number): ChainReport {
  const facts = {
    kind: 'tail-removed' as const,
    seq: lastSeq + 1,
    at: null,
    patientId: null,
    missing: anchorSeq - lastSeq,
  }
  return { intact: false, checked: report.checked, problem: { ...facts, message: describeChainProblem(facts) } }
}

/**
 * The chain's report checked against heads kept outside the database: each must still be in the
 * chain with the same hash. A head beyond the database's newest entry means entries were cut
 * from the end, however the database's own head was set.
 */
export function checkAnchors(db: Database, report: ChainReport, anchors: readonly AuditHead[]): ChainReport {
  if (!report.intact) return report
  const last = readHead(db)?.seq ?? 0
  const entryAt = db.prepare<[number], { hash: string; at: string; patient_id: string }>(
    'SELECT hash, at, patient_id FROM audit_log WHERE seq = ?',
  )
  for (const anchor of [...anchors].sort((a, b) => b.seq - a.seq)) {
    if (anchor.seq > last) return cut(report, last, anchor.seq)
    const entry = entryAt.get(anchor.seq)
    if (anchor.seq > 0 && entry && entry.hash !== anchor.hash) {
      const facts = {
        kind: 'altered' as const,
        seq: anchor.seq,
        at: entry.at,
        patientId: entry.patient_id as PatientId,
        missing: 0,
      }
      return { intact: false, checked: report.checked, problem: { ...facts, message: describeChainProblem(facts) } }
    }
  }
  return report
}
