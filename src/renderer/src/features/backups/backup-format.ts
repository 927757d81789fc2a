import { BACKUP_REASONS, type BackupCounts, type BackupReason } from '../../../../shared/backups/backup-types'
import { plural } from '../../ui/format'

/** "2 patients · 5 photos · 3 sessions". */
export function formatCounts(counts: BackupCounts): string {
  return [plural(counts.patients, 'patient'), plural(counts.photos, 'photo'), plural(counts.sessions, 'session')].join(
    ' · ',
  )
}

export const reasonLabel = (reason: BackupReason): string =>
  BACKUP_REASONS.find((r) => r.value === reason)?.label ?? reason
