import type { BackupPolicy, BackupReason } from '../../../shared/backups/backup-types'

export interface RotationEntry {
  id: string
  createdAt: string
  reason: BackupReason
}

const DAY_MS = 24 * 60 * 60 * 1000
const pad = (n: number) => String(n).padStart(2, '0')

/** The local calendar day: a clinic thinks of "yesterday's backup" in its own time zone. */
const dayOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`

/** The local day of the Monday that starts the week. */
const weekOf = (d: Date) => dayOf(new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7)))

/** The newest backup of each of the `limit` most recent periods that have one. */
function newestPerPeriod(newestFirst: readonly RotationEntry[], periodOf: (d: Date) => string, limit: number) {
  const kept = new Map<string, string>()
  for (const entry of newestFirst) {
    const period = periodOf(new Date(entry.createdAt))
    if (kept.has(period)) continue
    if (kept.size === limit) break
    kept.set(period, entry.id)
  }
  return kept.values()
}

/**
 * The ids of the backups the policy no longer keeps. Periods are counted among those that have
 * a backup rather than on the calendar, so a clinic closed for a month does not come back to
 * find its older backups rotated away. Manual backups are the user's to delete; the newest
 * backup of all and the newest safety backup are always kept.
 */
export function backupsToDrop(backups: readonly RotationEntry[], policy: BackupPolicy, now: Date): string[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const automatic = newestFirst.filter((b) => b.reason === 'automatic')
  const safety = newestFirst.filter((b) => b.reason === 'safety')
  const keep = new Set<string>([
    ...newestFirst.filter((b) => b.reason === 'manual').map((b) => b.id),
    ...newestPerPeriod(automatic, dayOf, policy.daily),
    ...newestPerPeriod(automatic, weekOf, policy.weekly),
    ...safety.filter((b) => now.getTime() - Date.parse(b.createdAt) < policy.safetyDays * DAY_MS).map((b) => b.id),
  ])
  for (const newest of [newestFirst[0], safety[0]]) if (newest) keep.add(newest.id)
  return newestFirst.filter((b) => !keep.has(b.id)).map((b) => b.id)
}
