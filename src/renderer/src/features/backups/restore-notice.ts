import type { RestoreOutcome } from '../../../../shared/backups/backup-types'
import { formatMoment } from '../../ui/format'

const KEY = 'stipple.restoreNotice'

/** What the user is told once the app has reloaded over a restored database. */
export function restoreNoticeText(outcome: RestoreOutcome): string {
  const parts = [`The backup of ${formatMoment(outcome.restored.createdAt)} is restored.`]
  if (outcome.safetyBackup)
    parts.push(
      `What was there before is kept as a safety backup (${formatMoment(outcome.safetyBackup.createdAt)}) under Settings › Your data.`,
    )
  if (outcome.movedAside) parts.push(`The damaged database is kept in your data folder as ${outcome.movedAside}.`)
  return parts.join(' ')
}

/**
 * Every record the page holds may have changed, so the page reloads after a restore; the
 * notice waits in session storage to be shown by the reloaded page.
 */
export function reloadWithNotice(text: string): void {
  sessionStorage.setItem(KEY, text)
  window.location.reload()
}

/** The notice left by `reloadWithNotice`; `clearNotice` once it is shown, so it is shown once. */
export const readNotice = (): string | null => sessionStorage.getItem(KEY)

export const clearNotice = (): void => sessionStorage.removeItem(KEY)
