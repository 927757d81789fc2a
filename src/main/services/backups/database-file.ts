import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { DatabaseTooNewError, LATEST_SCHEMA_VERSION, schemaVersion } from '../../db/migrations'

/** What the start-up check found at the database's path, before anything is written to it. */
export type DatabaseFileState =
  | { kind: 'absent' }
  | { kind: 'empty' }
  | { kind: 'sound' }
  | { kind: 'damaged'; detail: string }

/** SQLite's codes for a file whose pages are broken or that is not a database at all. */
export function isDamage(error: unknown): error is InstanceType<typeof Database.SqliteError> {
  return (
    error instanceof Database.SqliteError && (error.code.startsWith('SQLITE_CORRUPT') || error.code === 'SQLITE_NOTADB')
  )
}

/** `quick_check` (the B-tree structure, fast) or `integrity_check` (also every index against its table). */
export function integrityProblems(db: Database.Database, depth: 'quick' | 'full'): string[] {
  const column = depth === 'quick' ? 'quick_check' : 'integrity_check'
  const rows = db.pragma(column) as Record<string, string>[]
  const lines = rows.map((row) => row[column] ?? '')
  return lines.length === 1 && lines[0] === 'ok' ? [] : lines
}

/**
 * Opens the file read-only and runs `quick_check`, so a damaged file is never written to: a
 * read-write connection would roll a hot journal back into it, or checkpoint a WAL into it on
 * close. A database from a newer Stipple is refused as before, untouched.
 */
export function inspectDatabaseFile(file: string): DatabaseFileState {
  if (!fs.existsSync(file)) return { kind: 'absent' }
  if (fs.statSync(file).size === 0) return { kind: 'empty' }
  let db: Database.Database | undefined
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const found = schemaVersion(db)
    if (found > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(found)
    const problems = integrityProblems(db, 'quick')
    return problems.length === 0 ? { kind: 'sound' } : { kind: 'damaged', detail: problems.slice(0, 3).join('; ') }
  } catch (error) {
    if (isDamage(error)) return { kind: 'damaged', detail: error.message }
    throw error
  } finally {
    db?.close()
  }
}

const pad = (n: number) => String(n).padStart(2, '0')
const localStamp = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}-${pad(d.getMinutes())}-${pad(d.getSeconds())}`

/** SQLite's companions of a database file, which belong with it wherever it goes. */
const COMPANIONS = ['-wal', '-shm', '-journal']

/**
 * Renames a damaged database (and its WAL, which may hold its last commits) to a dated name in
 * the same folder, never over an existing file. Returns the new name.
 */
export function moveAside(file: string, at: Date): string {
  const base = `${file}.damaged-${localStamp(at)}`
  let target = base
  for (let n = 2; [target, ...COMPANIONS.map((c) => `${target}${c}`)].some((f) => fs.existsSync(f)); n++)
    target = `${base}-${n}`
  fs.renameSync(file, target)
  for (const companion of COMPANIONS)
    if (fs.existsSync(`${file}${companion}`)) fs.renameSync(`${file}${companion}`, `${target}${companion}`)
  return path.basename(target)
}

function syncFolder(dir: string) {
  // Windows cannot open a folder to flush it; NTFS journals the rename itself.
  if (process.platform === 'win32') return
  const handle = fs.openSync(dir, 'r')
  try {
    fs.fsyncSync(handle)
  } finally {
    fs.closeSync(handle)
  }
}

/**
 * Puts a copy of `source` at `target` in one rename, after it is on disk, so a crash leaves the
 * old file or the whole new one. The target's WAL and shared-memory files go first: SQLite
 * would otherwise replay the old database's log over the new one.
 */
export async function installDatabaseFile(target: string, source: string): Promise<void> {
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await fs.promises.copyFile(source, temp, fs.constants.COPYFILE_EXCL)
    const handle = await fs.promises.open(temp, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    for (const companion of COMPANIONS) await fs.promises.rm(`${target}${companion}`, { force: true })
    await fs.promises.rename(temp, target)
    syncFolder(path.dirname(target))
  } catch (error) {
    await fs.promises.rm(temp, { force: true })
    throw error
  }
}
