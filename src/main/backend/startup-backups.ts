import type { BackupSummary } from '../../shared/backups/backup-types'
import type { BackupStore } from '../services/backups/backup-store'
import { createFirstBackup, type FirstBackup } from '../services/backups/first-backup'
import type { DatabaseSlot } from './database-slot'

/**
 * The backups the backend takes by itself: at start-up when the newest is older than a day, and
 * the first one on a new install, a while after its first change. `closing` says the app is
 * closing, when a backup cut short is no failure worth logging.
 */
export function startBackups(options: {
  slot: DatabaseSlot
  store: BackupStore
  closing: () => boolean
  firstBackupDelayMs: number | undefined
}): { startupBackup: Promise<BackupSummary | null>; firstBackup: FirstBackup } {
  const { slot, store, closing } = options
  const opened = slot.state()
  const startupBackup =
    opened.kind === 'open' && !slot.startedFresh
      ? opened.services.backups.backUpIfDue().catch((error: unknown) => {
          // Closing the app mid-backup abandons it; the next start takes it again.
          if (!closing()) console.error('The start-up backup failed:', error)
          return null
        })
      : Promise.resolve(null)

  const firstBackup = createFirstBackup({
    hasBackups: () => store.list().length > 0,
    takeBackup: async () => {
      const state = slot.state()
      return state.kind === 'open' ? state.services.backups.backUpIfDue() : null
    },
    onError: (error) => {
      if (!closing()) console.error('The first backup failed:', error)
    },
    ...(options.firstBackupDelayMs !== undefined && { delayMs: options.firstBackupDelayMs }),
  })
  return { startupBackup, firstBackup }
}
