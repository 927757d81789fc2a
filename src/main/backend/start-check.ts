import type { RecoveryState } from '../../shared/backups/backup-types'
import { DATABASE_FILE } from '../db/database'
import type { DatabaseFileState } from '../services/backups/database-file'

export type RecoveryReason = Omit<RecoveryState, 'databaseFile'>

/**
 * The start-up check: a damaged database, or an empty or missing one while backups of it exist,
 * opens in recovery rather than empty (the file left exactly as found); null when it may open.
 */
export function recoveryNeeded(found: DatabaseFileState, hasBackups: boolean): RecoveryReason | null {
  if (found.kind === 'damaged') return { reason: 'damaged', detail: found.detail }
  if (found.kind === 'empty' && hasBackups) return { reason: 'damaged', detail: 'The database file is empty.' }
  if (found.kind === 'absent' && hasBackups)
    return {
      reason: 'missing',
      detail: `There is no ${DATABASE_FILE} in the data folder, but there are backups of it.`,
    }
  return null
}
