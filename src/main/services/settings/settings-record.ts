import type { Database } from 'better-sqlite3'
import { createStamp } from '../clock'
import { ServiceError } from '../service-error'

/** One row of the settings table: a whole record saved as JSON, with a revision against lost updates. */
export interface SettingsRecord {
  /** The stored value, parsed, and its revision; null while nothing is saved. */
  read(): { value: unknown; revision: number } | null
  /**
   * Saves the whole value over `baseRevision` (0 while nothing is saved), or refuses with a
   * conflict, changing nothing, when the record was saved elsewhere since.
   */
  write(baseRevision: number, value: unknown): void
  /** Forgets the saved value. */
  remove(): void
}

export function createSettingsRecord(
  db: Database,
  key: string,
  options: { now: () => Date; conflictMessage: string },
): SettingsRecord {
  const stamp = createStamp(options.now)
  const byKey = db.prepare<[string], { value: string; revision: number }>(
    'SELECT value, revision FROM settings WHERE key = ?',
  )
  const insert = db.prepare('INSERT INTO settings (key, value, updated_at, revision) VALUES (@key, @value, @now, 1)')
  const update = db.prepare(
    `UPDATE settings SET value = @value, updated_at = @now, revision = revision + 1
     WHERE key = @key AND revision = @baseRevision`,
  )
  const removeRow = db.prepare('DELETE FROM settings WHERE key = ?')

  const write = db.transaction((baseRevision: number, value: unknown) => {
    const current = byKey.get(key)?.revision ?? 0
    if (current !== baseRevision) throw new ServiceError('conflict', options.conflictMessage)
    const params = { key, value: JSON.stringify(value), now: stamp() }
    if (current === 0) insert.run(params)
    else update.run({ ...params, baseRevision })
  })

  return {
    read() {
      const row = byKey.get(key)
      return row ? { value: JSON.parse(row.value), revision: row.revision } : null
    },
    write: (baseRevision, value) => write.immediate(baseRevision, value),
    remove() {
      removeRow.run(key)
    },
  }
}
