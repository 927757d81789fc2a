import fs from 'node:fs'
import path from 'node:path'

export const LOCK_FILE = 'stipple.lock'

export interface DataFolderLock {
  release(): void
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still holds the folder.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Holds `stipple.lock` in the data folder for as long as this process runs, so two processes
 * never open one database, whatever Electron's own lock thinks (another user's session, a copy
 * of the app installed twice, a folder reached through two paths). A lock left by a process
 * that is gone (a crash, a power cut) is taken over. Returns null while a live process holds it.
 */
export function lockDataFolder(dataDir: string, pid = process.pid): DataFolderLock | null {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, LOCK_FILE)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(pid), { flag: 'wx' })
      return {
        release() {
          try {
            if (fs.readFileSync(file, 'utf8') === String(pid)) fs.rmSync(file)
          } catch {}
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(fs.readFileSync(file, 'utf8'))
      if (Number.isSafeInteger(holder) && holder > 0 && holder !== pid && alive(holder)) return null
      fs.rmSync(file, { force: true })
    }
  }
  return null
}
