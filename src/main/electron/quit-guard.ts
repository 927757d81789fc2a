import type { App } from 'electron'
import type { ShellLog } from './shell-log'

/** Long enough for a save or a backup of a large practice, short enough that quitting still feels like quitting. */
export const QUIT_WAIT_MS = 15_000

/**
 * Holds the quit until pending saves and a running backup are done, at most `limitMs`; then
 * `close` runs (the database is checkpointed and closed) and the quit goes on. The windows are
 * closed first: a quit from the menu or Cmd+Q comes before they close, and the page saves what
 * it still holds (its autosave flush) as it goes, so those saves must reach main before the wait.
 */
export function holdQuitForPendingWork(
  app: Pick<App, 'on' | 'quit'>,
  options: {
    closeWindows(): Promise<void>
    settled(): Promise<void>
    close(): void
    log: ShellLog
    limitMs?: number
  },
): void {
  let state: 'running' | 'waiting' | 'done' = 'running'
  app.on('before-quit', (event) => {
    if (state === 'done') return
    event.preventDefault()
    if (state === 'waiting') return
    state = 'waiting'
    const limit = options.limitMs ?? QUIT_WAIT_MS
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<'timed-out'>((resolve) => {
      timer = setTimeout(() => resolve('timed-out'), limit)
    })
    const settled = options
      .closeWindows()
      .then(() => options.settled())
      .then(
        () => 'settled' as const,
        () => 'settled' as const,
      )
    void Promise.race([settled, timeout]).then((outcome) => {
      clearTimeout(timer)
      if (outcome === 'timed-out') options.log.warn(`Quit after ${limit / 1000} s with work still running.`)
      state = 'done'
      try {
        options.close()
      } catch (error) {
        options.log.error('Closing the database at quit failed:', error)
      }
      app.quit()
    })
  })
}
