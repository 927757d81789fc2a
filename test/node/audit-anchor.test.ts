import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { validFields } from '../fixtures/patients'
import { backendsForEachTest, databaseFileOf } from './backup-bed'
import { call } from './bridge-call'
import { tempDirsForEachTest } from './temp-dir'

const tempDir = tempDirsForEachTest()
const { open } = backendsForEachTest(tempDir)

/** A data folder whose history holds `edits` + 1 entries for one patient; the backend is closed. */
async function historyOf(edits: number, backupAfter = false) {
  const dataDir = tempDir()
  const backend = open(dataDir)
  let patient = await call(backend, 'patients.create', { fields: validFields() })
  for (let i = 0; i < edits; i++)
    patient = await call(backend, 'patients.update', {
      id: patient.id,
      revision: patient.revision,
      fields: validFields({ notes: `edit ${i + 1}` }),
    })
  if (backupAfter) await call(backend, 'backups.create', {})
  await backend.startupBackup
  backend.close()
  return dataDir
}

/** What an outside tool can do without computing any hash: cut the newest entries and roll the head back. */
function rollBack(dataDir: string, toSeq: number) {
  const db = new Database(databaseFileOf(dataDir))
  const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name LIKE 'audit%'")
  for (const { name } of triggers.all() as { name: string }[]) db.exec(`DROP TRIGGER ${name}`)
  const kept = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(toSeq) as { hash: string }
  db.prepare('DELETE FROM audit_log WHERE seq > ?').run(toSeq)
  db.prepare('UPDATE audit_head SET seq = ?, hash = ?').run(toSeq, kept.hash)
  db.close()
}

describe('the audit head is anchored outside the database', () => {
  it('names a tail cut with the head rolled back to an older entry', async () => {
    const dataDir = await historyOf(3)
    rollBack(dataDir, 2)
    const report = await call(open(dataDir), 'audit.verify', {})
    expect(report).toMatchObject({ intact: false, problem: { kind: 'tail-removed', seq: 3, missing: 2 } })
  })

  it('names it from the newest backup’s manifest when the anchor file is gone too', async () => {
    const dataDir = await historyOf(3, true)
    rollBack(dataDir, 2)
    fs.rmSync(path.join(dataDir, 'audit-anchor.json'))
    const report = await call(open(dataDir), 'audit.verify', {})
    expect(report).toMatchObject({ intact: false, problem: { kind: 'tail-removed', seq: 3 } })
  })

  it('raises no alarm after the user restores an older backup on purpose', async () => {
    const dataDir = tempDir()
    const backend = open(dataDir)
    const patient = await call(backend, 'patients.create', { fields: validFields() })
    const backup = await call(backend, 'backups.create', {})
    await call(backend, 'patients.update', {
      id: patient.id,
      revision: patient.revision,
      fields: validFields({ notes: 'after the backup' }),
    })
    await call(backend, 'backups.restore', { id: backup.id })
    expect(await call(backend, 'audit.verify', {})).toMatchObject({ intact: true })
  })
})
