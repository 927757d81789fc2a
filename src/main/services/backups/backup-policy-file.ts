import fs from 'node:fs'
import path from 'node:path'
import { backupPolicySchema } from '../../../shared/backups/backup-schema'
import { type BackupPolicy, DEFAULT_BACKUP_POLICY } from '../../../shared/backups/backup-types'
import { writeAtomically } from '../../files/write-atomically'

/**
 * The rotation policy lives beside the backups rather than in the database, so it can still be
 * read when the database is damaged. A missing or unreadable file means the defaults.
 */
export function readBackupPolicy(backupsDir: string): BackupPolicy {
  try {
    const parsed = backupPolicySchema.safeParse(
      JSON.parse(fs.readFileSync(path.join(backupsDir, 'policy.json'), 'utf8')),
    )
    return parsed.success ? parsed.data : { ...DEFAULT_BACKUP_POLICY }
  } catch {
    return { ...DEFAULT_BACKUP_POLICY }
  }
}

export async function writeBackupPolicy(backupsDir: string, policy: BackupPolicy): Promise<void> {
  await writeAtomically(
    path.join(backupsDir, 'policy.json'),
    new TextEncoder().encode(`${JSON.stringify(policy, null, 2)}\n`),
  )
}
