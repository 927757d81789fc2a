import { afterEach, describe, expect, it } from 'vitest'
import { createWorkerPool, HeavyWorkStopped } from './worker-pool'

const pools: ReturnType<typeof createWorkerPool>[] = []
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close()
})
const newPool = () => {
  const pool = createWorkerPool(1)
  pools.push(pool)
  return pool
}

describe('heavy work in worker threads', () => {
  it('hashes in a worker while the main event loop keeps turning', async () => {
    const pool = newPool()
    await pool.run('sha256', { bytes: new Uint8Array(1) }, { timeoutMs: 30_000 })
    let ticks = 0
    const ticker = setInterval(() => ticks++, 1)
    const sha = await pool.run('sha256', { bytes: new Uint8Array(96 * 1024 * 1024).fill(7) }, { timeoutMs: 30_000 })
    clearInterval(ticker)
    expect(sha).toMatch(/^[0-9a-f]{64}$/)
    expect(ticks).toBeGreaterThan(0)
  }, 60_000)

  it('stops a job that runs past its time, says so, and serves the next one', async () => {
    const pool = newPool()
    const bytes = new Uint8Array(64 * 1024 * 1024)
    await expect(pool.run('sha256', { bytes }, { timeoutMs: 1 })).rejects.toEqual(new HeavyWorkStopped('time'))
    expect(await pool.run('sha256', { bytes: new Uint8Array(0) }, { timeoutMs: 30_000 })).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    )
  }, 60_000)

  it('carries a refusal across as the same typed error', async () => {
    const pool = newPool()
    const refused = pool.run(
      'prepareImage',
      { bytes: new Uint8Array([0xff, 0xd8, 0xff, 0, 0]), format: 'jpeg' },
      {
        timeoutMs: 30_000,
      },
    )
    await expect(refused).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/header/) })
  }, 60_000)
})
