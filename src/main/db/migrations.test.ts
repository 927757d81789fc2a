import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { tempDirsForEachTest } from '../../../test/node/temp-dir'
import { DATABASE_FILE, openDatabase } from './database'
import { LATEST_SCHEMA_VERSION, type Migration, migrate, schemaVersion } from './migrations'

const tempDir = tempDirsForEachTest()
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

describe('openDatabase', () => {
  it('creates the database at the latest schema with durable settings', () => {
    const db = openDatabase(tempDir())
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
    expect(tables).toContain('patients')
    db.close()
  })

  it('reopens an existing database without re-running migrations', () => {
    const dir = tempDir()
    const first = openDatabase(dir)
    first
      .prepare(
        "INSERT INTO patients (id, full_name, search_name, created_at, updated_at) VALUES ('a', 'Ann', 'ann', 'x', 'x')",
      )
      .run()
    first.close()
    const again = openDatabase(dir)
    expect(again.prepare('SELECT full_name FROM patients').pluck().all()).toEqual(['Ann'])
    again.close()
  })

  it('refuses a database written by a newer Stipple and leaves the file untouched', () => {
    const dir = tempDir()
    const file = path.join(dir, DATABASE_FILE)
    const future = new Database(file)
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    future.close()
    const before = sha(file)

    expect(() => openDatabase(dir)).toThrow(/newer version of Stipple/)
    expect(sha(file)).toBe(before)
    expect(fs.existsSync(`${file}-wal`)).toBe(false)
  })
})

describe('migrate', () => {
  it('rolls a failing migration back whole and keeps the previous version', () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite3'))
    const migrations: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE one (x)') },
      {
        version: 2,
        name: 'broken',
        up: (d) => {
          d.exec('CREATE TABLE two (x)')
          throw new Error('boom')
        },
      },
    ]
    expect(() => migrate(db, migrations)).toThrow('boom')
    expect(schemaVersion(db)).toBe(1)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
    expect(tables).toEqual(['one'])
    db.close()
  })

  it('applies only the migrations newer than the stored version', () => {
    const db = new Database(':memory:')
    const ran: number[] = []
    const migrations: Migration[] = [1, 2, 3].map((version) => ({
      version,
      name: `m${version}`,
      up: () => ran.push(version),
    }))
    db.pragma('user_version = 2')
    expect(migrate(db, migrations)).toBe(3)
    expect(ran).toEqual([3])
  })
})
