import { describe, expect, it } from 'vitest'
import { auditBed, PATIENT } from '../../../../test/node/audit-bed'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import { type ChainRow, entryHash } from './audit-chain'

const tempDir = tempDirsForEachTest()

/** Five entries, written 10:00 to 10:04 on 3 Mar 2026. */
function fiveEntries() {
  const bed = auditBed(tempDir())
  bed.appendMany(5)
  return bed
}

const problemOf = (report: ReturnType<ReturnType<typeof auditBed>['verify']>) => {
  if (report.intact) throw new Error('expected the chain to be reported broken')
  return report.problem
}

const rowAt = (bed: ReturnType<typeof auditBed>, seq: number) =>
  bed.db.prepare('SELECT * FROM audit_log WHERE seq = ?').get(seq) as ChainRow & { hash: string }

/** Writes an entry straight into the table, as an outside tool would once the guards are lifted. */
const insertRow = (bed: ReturnType<typeof auditBed>, row: ChainRow & { hash: string }) =>
  bed.db
    .prepare(
      `INSERT INTO audit_log (seq, at, patient_id, entity, entity_id, action, detail, prev_hash, hash)
       VALUES (@seq, @at, @patient_id, @entity, @entity_id, @action, @detail, @prev_hash, @hash)`,
    )
    .run(row)

describe('verifying the audit trail', () => {
  it('reports an intact trail with the number of entries checked, an empty one too', () => {
    expect(auditBed(tempDir()).verify()).toEqual({ intact: true, checked: 0 })
    expect(fiveEntries().verify()).toEqual({ intact: true, checked: 5 })
  })

  it('names an entry whose detail was edited by an outside tool', () => {
    const bed = fiveEntries()
    bed.dropTrigger('audit_log_no_update')
    bed.db.exec(`UPDATE audit_log SET detail = json_set(detail, '$.changes[0].after', 'edited') WHERE seq = 3`)
    const report = bed.verify()
    expect(report.checked).toBe(2)
    expect(problemOf(report)).toMatchObject({ kind: 'altered', seq: 3, patientId: PATIENT, missing: 0 })
    expect(problemOf(report).message).toMatch(
      /^Entry 3 \(3 Mar 2026, \d\d:02\) has been changed since Stipple wrote it/,
    )
  })

  it('names an entry whose time was moved, but not a detail merely re-spaced', () => {
    const bed = fiveEntries()
    bed.dropTrigger('audit_log_no_update')
    bed.db.exec(`UPDATE audit_log SET detail = json(' ' || detail || ' ') WHERE seq = 2`)
    bed.db.exec(`UPDATE audit_log SET detail = replace(detail, ':', ' : ') WHERE seq = 2`)
    expect(bed.verify()).toEqual({ intact: true, checked: 5 })
    bed.db.exec(`UPDATE audit_log SET at = '2026-03-01T08:00:00.000Z' WHERE seq = 4`)
    expect(problemOf(bed.verify())).toMatchObject({ kind: 'altered', seq: 4 })
  })

  it('names the entries deleted from the middle', () => {
    const bed = fiveEntries()
    bed.dropTrigger('audit_log_no_delete')
    bed.db.exec('DELETE FROM audit_log WHERE seq IN (2, 3)')
    const problem = problemOf(bed.verify())
    expect(problem).toMatchObject({ kind: 'removed', seq: 2, missing: 2 })
    expect(problem.message).toMatch(
      /^Entries 2 to 3 have been removed from the history; the entry after them is dated 3 Mar 2026/,
    )
  })

  it('names a forged entry put in place of a deleted one, even with its own hash worked out', () => {
    const bed = fiveEntries()
    bed.dropTrigger('audit_log_no_delete')
    bed.dropTrigger('audit_log_follows_head')
    bed.dropTrigger('audit_log_moves_head')
    const original = rowAt(bed, 3)
    bed.db.exec('DELETE FROM audit_log WHERE seq = 3')
    const forged: ChainRow = {
      ...original,
      detail: JSON.stringify({ changes: [{ field: 'notes', before: '', after: 'forged' }] }),
    }
    insertRow(bed, { ...forged, hash: entryHash(forged) })
    const problem = problemOf(bed.verify())
    expect(problem).toMatchObject({ kind: 'out-of-place', seq: 4 })
    expect(problem.message).toMatch(/^Entry 4 .* does not follow on from the entry before it/)
  })

  it('names a forged entry added at the end with a made-up hash', () => {
    const bed = fiveEntries()
    const head = bed.head()
    bed.dropTrigger('audit_head_forward_only')
    insertRow(bed, {
      seq: 6,
      at: '2026-03-03T11:00:00.000Z',
      patient_id: PATIENT,
      entity: 'patient',
      entity_id: PATIENT,
      action: 'archived',
      detail: '{}',
      prev_hash: head?.hash ?? '',
      hash: 'a'.repeat(64),
    })
    expect(problemOf(bed.verify())).toMatchObject({ kind: 'altered', seq: 6 })
  })

  it('names entries cut from the end, which the chain alone could not show, and still after new ones', () => {
    const bed = fiveEntries()
    bed.dropTrigger('audit_log_no_delete')
    bed.db.exec('DELETE FROM audit_log WHERE seq >= 4')
    const problem = problemOf(bed.verify())
    expect(problem).toMatchObject({ kind: 'tail-removed', seq: 4, missing: 2 })
    expect(problem.message).toBe(
      'The newest 2 entries of the history have been removed: it should run to entry 5 but ends at entry 3.',
    )

    // New entries are numbered from the head, so the gap stays in view.
    expect(bed.appendOne().seq).toBe(6)
    expect(problemOf(bed.verify())).toMatchObject({ kind: 'removed', seq: 4, missing: 2 })
  })

  it('names the newest entry replaced, and an entry slipped in past the head', () => {
    const replaced = fiveEntries()
    replaced.dropTrigger('audit_head_forward_only')
    replaced.db.prepare('UPDATE audit_head SET hash = ?').run('b'.repeat(64))
    expect(problemOf(replaced.verify())).toMatchObject({ kind: 'head-replaced', seq: 5 })

    const behind = fiveEntries()
    behind.dropTrigger('audit_head_forward_only')
    behind.dropTrigger('audit_log_moves_head')
    behind.appendOne()
    behind.db.prepare('UPDATE audit_head SET seq = 5, hash = ?').run(rowAt(behind, 5).hash)
    const problem = problemOf(behind.verify())
    expect(problem).toMatchObject({ kind: 'added-after-head', seq: 6 })
    expect(problem.message).toMatch(/^Entry 6 .* was added to the history outside Stipple\.$/)
  })

  it('says the head is gone, since cuts from the end could then go unnoticed', () => {
    const bed = fiveEntries()
    bed.dropTrigger('audit_head_no_delete')
    bed.db.exec('DELETE FROM audit_head')
    expect(bed.verify()).toMatchObject({ intact: false, checked: 5, problem: { kind: 'head-missing', seq: null } })
    expect(problemOf(bed.verify()).message).toMatch(/record of the newest entry has been removed/)
  })
})
