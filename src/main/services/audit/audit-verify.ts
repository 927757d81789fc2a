import type { Database } from 'better-sqlite3'
import type { ChainProblem, ChainReport } from '../../../shared/audit/audit-types'
import { describeChainProblem } from '../../../shared/audit/chain-words'
import { entryHash, GENESIS_HASH } from './audit-chain'
import type { AuditRow } from './audit-rows'

type Where = Pick<AuditRow, 'seq' | 'at' | 'patient_id'> | null

function broken(
  checked: number,
  kind: ChainProblem['kind'],
  where: Where,
  options: { seq?: number | null; missing?: number } = {},
): ChainReport {
  const facts = {
    kind,
    seq: options.seq !== undefined ? options.seq : (where?.seq ?? null),
    at: where?.at ?? null,
    patientId: where?.patient_id ?? null,
    missing: options.missing ?? 0,
  }
  return { intact: false, checked, problem: { ...facts, message: describeChainProblem(facts) } }
}

/** A table rebuilt outside Stipple may hold a detail that is not JSON: that entry was altered too. */
function hashMatches(row: AuditRow): boolean {
  try {
    return entryHash(row) === row.hash
  } catch {
    return false
  }
}

/**
 * Walks the whole trail, oldest first, and reports the first place it does not hold: an entry
 * whose content no longer matches its hash (altered or forged), one that does not follow on from
 * the entry before it (inserted, replaced, or its predecessor rewritten), a gap in the numbers
 * (removed), and against the head: newest entries cut off, the newest replaced, entries added
 * past it, or the head itself gone. What it cannot see: someone who rewrites the entries and the
 * head with freshly computed hashes, since nothing here is secret.
 */
export function verifyChain(db: Database): ChainReport {
  const head = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1').get()
  let checked = 0
  let prevHash = GENESIS_HASH
  let last: AuditRow | null = null
  for (const row of db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq').iterate()) {
    const expected = (last?.seq ?? 0) + 1
    if (row.seq !== expected) return broken(checked, 'removed', row, { seq: expected, missing: row.seq - expected })
    if (row.prev_hash !== prevHash) return broken(checked, 'out-of-place', row)
    if (!hashMatches(row)) return broken(checked, 'altered', row)
    checked += 1
    prevHash = row.hash
    last = row
  }
  const lastSeq = last?.seq ?? 0
  if (!head) return broken(checked, 'head-missing', last, { seq: null })
  if (head.seq > lastSeq)
    return broken(checked, 'tail-removed', null, { seq: lastSeq + 1, missing: head.seq - lastSeq })
  if (head.seq < lastSeq) {
    const added = db.prepare<[number], AuditRow>('SELECT * FROM audit_log WHERE seq = ?').get(head.seq + 1) ?? null
    return broken(checked, 'added-after-head', added)
  }
  if (head.hash !== prevHash) return broken(checked, 'head-replaced', last)
  return { intact: true, checked }
}
