import { describe, expect, it } from 'vitest'
import { auditBed, PATIENT } from '../../../../test/node/audit-bed'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import { openDatabase } from '../../db/database'
import { ServiceError } from '../service-error'
import { GENESIS_HASH } from './audit-chain'
import { createAuditLog } from './audit-log'
import { verifyChain } from './audit-verify'

const tempDir = tempDirsForEachTest()

interface Row {
  seq: number
  prev_hash: string
  hash: string
  detail: string
}

describe('the audit log', () => {
  it('numbers entries from 1, chains each to the one before and keeps the head on the newest', () => {
    const bed = auditBed(tempDir())
    expect(bed.head()).toEqual({ seq: 0, hash: GENESIS_HASH })
    bed.appendMany(3)
    const rows = bed.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[]
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3])
    expect(rows.map((r) => r.prev_hash)).toEqual([GENESIS_HASH, rows[0]?.hash, rows[1]?.hash])
    expect(new Set(rows.map((r) => r.hash)).size).toBe(3)
    expect(bed.head()).toEqual({ seq: 3, hash: rows[2]?.hash })
    expect(bed.verify()).toEqual({ intact: true, checked: 3 })
  })

  it('is written only inside the transaction of the change it records', () => {
    const bed = auditBed(tempDir())
    expect(() =>
      bed.log.append({
        at: '2026-03-03T10:00:00.000Z',
        patientId: PATIENT,
        entityId: PATIENT,
        entity: 'patient',
        action: 'archived',
        detail: {},
      }),
    ).toThrow(/transaction/)
    expect(bed.count()).toBe(0)
  })

  it('loses the entry with a change that is rolled back, and numbers the next one as if it never was', () => {
    const bed = auditBed(tempDir())
    bed.appendOne()
    expect(() =>
      bed.db.transaction(() => {
        bed.appendOne('never saved')
        throw new Error('the change failed after its entry was appended')
      })(),
    ).toThrow('the change failed')
    expect(bed.count()).toBe(1)
    expect(bed.appendOne().seq).toBe(2)
    expect(bed.verify()).toEqual({ intact: true, checked: 2 })
  })

  it('refuses to change or delete an entry, and to move or delete the head by hand', () => {
    const bed = auditBed(tempDir())
    bed.appendMany(2)
    expect(() => bed.db.prepare("UPDATE audit_log SET detail = '{}' WHERE seq = 1").run()).toThrow(
      'The audit trail is append-only',
    )
    expect(() => bed.db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow('The audit trail is append-only')
    expect(() => bed.db.prepare('DELETE FROM audit_log').run()).toThrow('The audit trail is append-only')
    expect(() => bed.db.prepare('UPDATE audit_head SET seq = 1').run()).toThrow('only moves to the newest entry')
    expect(() => bed.db.prepare('DELETE FROM audit_head').run()).toThrow('The audit trail is append-only')
    expect(() =>
      bed.db
        .prepare(
          `INSERT INTO audit_log (seq, at, patient_id, entity, entity_id, action, detail, prev_hash, hash)
           VALUES (2, 'x', 'p', 'patient', 'p', 'archived', '{}', ?, ?)`,
        )
        .run(GENESIS_HASH, 'f'.repeat(64)),
    ).toThrow()
    expect(bed.count()).toBe(2)
    expect(bed.verify()).toEqual({ intact: true, checked: 2 })
  })

  it('refuses an entry that does not follow the newest one, even with its hash worked out', () => {
    const bed = auditBed(tempDir())
    bed.appendMany(2)
    const first = bed.db.prepare('SELECT * FROM audit_log WHERE seq = 1').get() as Row
    expect(() =>
      bed.db
        .prepare(
          `INSERT INTO audit_log (seq, at, patient_id, entity, entity_id, action, detail, prev_hash, hash)
           VALUES (3, '2026-03-03T11:00:00.000Z', ?, 'patient', ?, 'archived', '{}', ?, ?)`,
        )
        .run(PATIENT, PATIENT, first.hash, 'e'.repeat(64)),
    ).toThrow('An audit entry must follow the newest one')
  })

  it('carries on the same chain after the database is closed and opened again', () => {
    const dir = tempDir()
    const first = auditBed(dir)
    first.appendMany(2)
    first.db.close()

    const db = openDatabase(dir)
    const log = createAuditLog(db)
    db.transaction(() =>
      log.append({
        at: '2026-03-04T09:00:00.000Z',
        patientId: PATIENT,
        entityId: PATIENT,
        entity: 'patient',
        action: 'archived',
        detail: {},
      }),
    )()
    expect(verifyChain(db)).toEqual({ intact: true, checked: 3 })
    expect(db.prepare('SELECT seq, action FROM audit_log ORDER BY seq').all()).toEqual([
      { seq: 1, action: 'updated' },
      { seq: 2, action: 'updated' },
      { seq: 3, action: 'archived' },
    ])
    db.close()
  })

  it('keeps an entry whose text SQLite cannot store as given (a lone surrogate) verifiable', () => {
    const bed = auditBed(tempDir())
    bed.db.transaction(() =>
      bed.log.append({
        at: '2026-03-03T10:00:00.000Z',
        patientId: PATIENT,
        entityId: 'odd-\ud800-id',
        entity: 'photo',
        action: 'imported',
        detail: { photo: { name: 'scalp-\udc00.jpg', view: 'front', takenAt: '2026-03-03T09:00:00' } },
      }),
    )()
    expect(bed.verify()).toEqual({ intact: true, checked: 1 })
  })

  it('refuses a change, with a message, when the head has been taken away, rather than hide the damage', () => {
    const bed = auditBed(tempDir())
    bed.appendMany(2)
    bed.dropTrigger('audit_head_no_delete')
    bed.db.exec('DELETE FROM audit_head')
    const error = (() => {
      try {
        bed.appendOne()
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(ServiceError)
    expect((error as ServiceError).message).toMatch(/history of changes was damaged.*Restore a backup/)
    expect(bed.count()).toBe(2)
  })
})
