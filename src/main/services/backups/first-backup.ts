/**
 * A new install has no backup until its first full day has passed; work done in that first
 * hour deserves one too. A few minutes after the first change (long enough that a burst of
 * setting up is in it), the first automatic backup is taken; after that the daily one applies.
 */
export const FIRST_BACKUP_DELAY_MS = 3 * 60_000

/** Calls that write nothing of the user's: reads, files handed out, backups themselves, and the sample patient. */
const NOT_CHANGES = new Set([
  'sheets.pdf',
  'files.save',
  'review.exportFile',
  'archives.export',
  'archives.inspect',
  'audit.forPatient',
  'audit.verify',
])

export const isChange = (call: string) =>
  !/^(app|backups|database|sample)\./.test(call) &&
  !/\.(list|get|forPhoto|forPatient)$/.test(call) &&
  !NOT_CHANGES.has(call)

export interface FirstBackup {
  /** Told of each call answered; the first change schedules the backup when none exists yet. */
  answered(call: string, ok: boolean): void
  stop(): void
}

export function createFirstBackup(options: {
  hasBackups(): boolean
  takeBackup(): Promise<unknown>
  delayMs?: number
  onError(error: unknown): void
}): FirstBackup {
  let timer: ReturnType<typeof setTimeout> | null = null
  let settled = false
  return {
    answered(call, ok) {
      if (settled || timer || !ok || !isChange(call)) return
      if (options.hasBackups()) {
        settled = true
        return
      }
      timer = setTimeout(() => {
        timer = null
        settled = true
        options.takeBackup().catch(options.onError)
      }, options.delayMs ?? FIRST_BACKUP_DELAY_MS)
      timer.unref?.()
    },
    stop() {
      if (timer) clearTimeout(timer)
      timer = null
      settled = true
    },
  }
}
