import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { DatabaseTooNewError, LATEST_SCHEMA_VERSION, migrate, schemaVersion } from './migrations'

export const DATABASE_FILE = 'stipple.sqlite3'

/**
 * Opens (creating if needed) the patient database in `dataDir` and brings its schema up to date.
 * The version is checked before any pragma that writes, so a database from a newer Stipple is
 * refused untouched.
 */
export function openDatabase(dataDir: string): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, DATABASE_FILE))
  try {
    const found = schemaVersion(db)
    if (found > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(found)
    db.pragma('journal_mode = WAL')
    // better-sqlite3 builds default WAL to NORMAL, which can lose the last commits on power loss.
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    // Deleted patient data is overwritten with zeros rather than left in free pages.
    db.pragma('secure_delete = ON')
    if (db.pragma('foreign_keys', { simple: true }) !== 1) throw new Error('SQLite refused to enable foreign keys')
    migrate(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}
