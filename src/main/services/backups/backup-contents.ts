import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { pipeline } from 'node:stream/promises'
import type Database from 'better-sqlite3'
import type { BackupManifest } from '../../../shared/backups/backup-schema'
import { schemaVersion } from '../../db/migrations'

type Contents = Pick<BackupManifest, 'schemaVersion' | 'counts' | 'patients' | 'photoFiles' | 'auditHead'>

const countOf = (db: Database.Database, table: string, where = '') =>
  (db.prepare(`SELECT count(*) AS n FROM ${table} ${where}`).get() as { n: number }).n

/** The sample patient (schema 8 on) is a teaching record: what a backup holds is counted without it. */
function realPatients(db: Database.Database): string {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(patients)').all()
  return columns.some((c) => c.name === 'sample') ? 'WHERE sample = 0' : ''
}

/** What a backup's database holds, read from the backup itself so the manifest describes exactly it. */
export function readContents(db: Database.Database): Contents {
  const auditHead = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1').get()
  const real = realPatients(db)
  return {
    ...(auditHead && { auditHead: { seq: auditHead.seq, hash: auditHead.hash } }),
    schemaVersion: schemaVersion(db),
    counts: {
      patients: countOf(db, 'patients', real),
      photos: countOf(db, 'photos'),
      designs: countOf(db, 'designs'),
      sessions: countOf(db, 'sessions'),
    },
    patients: db
      .prepare<[], { name: string; archived: number }>(
        `SELECT full_name AS name, archived_at IS NOT NULL AS archived FROM patients ${real} ORDER BY search_name, id`,
      )
      .all()
      .map((p) => ({ name: p.name, archived: p.archived === 1 })),
    photoFiles: db
      .prepare<[], { sha256: string }>('SELECT DISTINCT sha256 FROM photos ORDER BY sha256')
      .all()
      .map((p) => p.sha256),
  }
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(fs.createReadStream(file), hash)
  return hash.digest('hex')
}
