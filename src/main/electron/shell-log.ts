import fs from 'node:fs'
import path from 'node:path'
import log from 'electron-log/node'

export const LOGS_FOLDER = 'logs'
export const LOG_FILE = 'main.log'
/** Past this size the log is rotated: main.log → main.1.log → … → main.4.log, the oldest dropped. */
export const LOG_MAX_BYTES = 2 * 1024 * 1024
const KEPT_ARCHIVES = 4

export interface ShellLog {
  info(...data: unknown[]): void
  warn(...data: unknown[]): void
  error(...data: unknown[]): void
  /** The folder the Help menu opens. */
  folder: string
  file: string
}

function rotate(file: string) {
  const { dir, name, ext } = path.parse(file)
  const archive = (n: number) => path.join(dir, `${name}.${n}${ext}`)
  fs.rmSync(archive(KEPT_ARCHIVES), { force: true })
  for (let n = KEPT_ARCHIVES - 1; n >= 1; n--) if (fs.existsSync(archive(n))) fs.renameSync(archive(n), archive(n + 1))
  fs.renameSync(file, archive(1))
}

/**
 * Main's log, in `logs/` of the data folder (where a clinic's IT person finds it beside the
 * data it concerns), rotated by size. electron-log's Node logger is used rather than its
 * Electron one: main needs only its file transport, and the Electron logger also listens for
 * renderer messages on IPC, a channel the page has no use for. Every `console` call in main
 * lands here too, so the backend's own error reports are kept.
 * Only failures and the shell's life events are written: never a patient's data.
 */
export function openShellLog(dataDir: string): ShellLog {
  const folder = path.join(dataDir, LOGS_FOLDER)
  const file = path.join(folder, LOG_FILE)
  try {
    fs.mkdirSync(folder, { recursive: true })
    log.transports.file.level = 'info'
  } catch {
    // A data folder that cannot be written is reported to the person at start-up; the log then
    // goes to the terminal only rather than stopping the app before it can say so.
    log.transports.file.level = false
  }
  log.transports.file.resolvePathFn = () => file
  log.transports.file.maxSize = LOG_MAX_BYTES
  // A terminal (npm start) sees warnings and failures; the file keeps everything.
  log.transports.console.level = 'warn'
  log.transports.file.archiveLogFn = (old) => {
    try {
      rotate(old.path)
    } catch {
      // A file another program holds open (Windows) cannot be renamed: start it afresh instead.
      old.clear()
    }
  }
  Object.assign(console, log.functions)
  return {
    info: (...data) => log.info(...data),
    warn: (...data) => log.warn(...data),
    error: (...data) => log.error(...data),
    folder,
    file,
  }
}
