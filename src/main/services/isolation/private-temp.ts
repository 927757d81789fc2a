import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * The folders main keeps patient bytes in for a moment (decode jobs' files, held archives) are in
 * the OS's temp folder, each named with its process's id: removed as the process exits, and one
 * whose process is gone (killed, crashed, the power cut) is removed at the next start, so a
 * patient's archive or photo never stays behind in the temp folder.
 */
export type PrivateTempKind = 'decode' | 'held'

/** `stipple-<kind>-<pid>-<random>`: mkdtemp's random part is letters and digits only. */
const OWNED = /^stipple-(?:decode|held)-(\d+)-[A-Za-z0-9]+$/

export async function makePrivateTempFolder(kind: PrivateTempKind, base = os.tmpdir()): Promise<string> {
  const dir = await fs.promises.mkdtemp(path.join(base, `stipple-${kind}-${process.pid}-`))
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A process with this id exists (another user's too: it cannot be signalled, but it is there). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes the private temp folders whose process is no longer running; returns their names.
 * A folder another user's Stipple left is not this user's to remove, and stays.
 */
export async function sweepStaleTempFolders(base = os.tmpdir()): Promise<string[]> {
  const names = await fs.promises.readdir(base).catch(() => [] as string[])
  const removed: string[] = []
  for (const name of names) {
    const pid = Number(OWNED.exec(name)?.[1] ?? Number.NaN)
    if (!Number.isInteger(pid) || pid <= 0 || running(pid)) continue
    try {
      await fs.promises.rm(path.join(base, name), { recursive: true, force: true })
      removed.push(name)
    } catch {
      // Not ours to remove (another user's), or already gone.
    }
  }
  return removed
}
