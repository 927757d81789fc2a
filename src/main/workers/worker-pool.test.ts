import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDirsForEachTest } from '../../../test/node/temp-dir'
import { DATABASE_FILE, openDatabase } from '../db/database'
import { createWorkerPool, HeavyWorkStopped } from './worker-pool'

const tempDir = tempDirsForEachTest()
const pools: ReturnType<typeof createWorkerPool>[] = []
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close()
})
const newPool = () => {
  const pool = createWorkerPool(1)
  pools.push(pool)
  return pool
}

/** A sound SQLite file whose full integrity check takes a while: many rows under two indexes. */
function largeDatabase(rows: number): string {
  const file = path.join(tempDir(), 'large.db')
  const db = new Database(file)
  db.exec(
    'CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT); CREATE INDEX t_a ON t (a); CREATE INDEX t_b ON t (b)',
  )
  const insert = db.prepare('INSERT INTO t (a, b) VALUES (?, ?)')
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`a-${(i * 7919) % rows}-${'x'.repeat(40)}`, `b-${i}`)
  })()
  db.close()
  return file
}

/** The app's own database, with its audit trail, in a fresh data folder. */
function appDatabase(): string {
  const dir = tempDir()
  openDatabase(dir).close()
  return path.join(dir, DATABASE_FILE)
}

describe('whole-database checks in worker threads', () => {
  it('checks a large database in a worker while the main event loop keeps turning', async () => {
    const pool = newPool()
    const file = largeDatabase(100_000)
    await pool.run('checkDatabase', { file: appDatabase() }, { timeoutMs: 30_000 })
    let ticks = 0
    const ticker = setInterval(() => ticks++, 1)
    const problems = await pool.run('checkDatabase', { file }, { timeoutMs: 60_000 })
    clearInterval(ticker)
    expect(problems).toEqual([])
    expect(ticks).toBeGreaterThan(0)
  }, 120_000)

  it('stops a job that runs past its time, says so, and serves the next one', async () => {
    const pool = newPool()
    const file = largeDatabase(100_000)
    await expect(pool.run('checkDatabase', { file }, { timeoutMs: 1 })).rejects.toEqual(new HeavyWorkStopped('time'))
    expect(await pool.run('verifyAudit', { file: appDatabase() }, { timeoutMs: 30_000 })).toMatchObject({
      intact: true,
    })
  }, 120_000)

  it('carries a refusal across as the same error', async () => {
    const pool = newPool()
    const file = path.join(tempDir(), 'not-a-database.db')
    fs.writeFileSync(file, 'This is a letter, not a database.'.repeat(200))
    let onMain: unknown
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true })
      try {
        db.pragma('integrity_check')
      } finally {
        db.close()
      }
    } catch (error) {
      onMain = error
    }
    expect(onMain).toBeInstanceOf(Error)
    const { name, message } = onMain as Error
    await expect(pool.run('checkDatabase', { file }, { timeoutMs: 30_000 })).rejects.toMatchObject({ name, message })
  }, 60_000)
})
