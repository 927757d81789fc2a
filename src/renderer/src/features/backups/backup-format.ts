import { BACKUP_REASONS, type BackupCounts, type BackupReason } from '../../../../shared/backups/backup-types'

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`

/** "Fri 20 Nov 2026, 09:00": day and month spelled out so they cannot be confused across locales. */
export function formatTaken(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
}

/** "3 hours ago", "yesterday", "12 days ago". */
export function formatAge(iso: string, now = new Date()): string {
  const minutes = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 60_000))
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`
  const hours = Math.round(minutes / 60)
  if (hours < 24) return `${plural(hours, 'hour')} ago`
  const days = Math.round(hours / 24)
  return days === 1 ? 'yesterday' : `${plural(days, 'day')} ago`
}

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** "2 patients · 5 photos · 3 sessions". */
export function formatCounts(counts: BackupCounts): string {
  return [plural(counts.patients, 'patient'), plural(counts.photos, 'photo'), plural(counts.sessions, 'session')].join(
    ' · ',
  )
}

export const reasonLabel = (reason: BackupReason): string =>
  BACKUP_REASONS.find((r) => r.value === reason)?.label ?? reason
