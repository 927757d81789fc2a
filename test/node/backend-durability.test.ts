import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openBackend } from '../../src/main/backend'
import { DATABASE_FILE } from '../../src/main/db/database'
import { validFields } from '../fixtures/patients'
import { tempDirsForEachTest } from './temp-dir'

const tempDir = tempDirsForEachTest()
const walSize = (dataDir: string) => {
  const wal = path.join(dataDir, `${DATABASE_FILE}-wal`)
  return fs.existsSync(wal) ? fs.statSync(wal).size : 0
}

describe('the backend when idle and on close', () => {
  it('folds the write-ahead log back into the database once the app has been idle a moment', async () => {
    const dataDir = tempDir()
    const backend = openBackend({ dataDir, shell: 'web', version: 'test', idleCheckpointMs: 50 })
    const created = await backend.dispatch('patients.create', { fields: validFields() })
    expect(created.ok).toBe(true)
    expect(walSize(dataDir)).toBeGreaterThan(0)
    await expect.poll(() => walSize(dataDir), { timeout: 2000 }).toBe(0)
    backend.close()
  })

  it('leaves no write-ahead log behind when it closes', async () => {
    const dataDir = tempDir()
    const backend = openBackend({ dataDir, shell: 'web', version: 'test' })
    await backend.dispatch('patients.create', { fields: validFields() })
    backend.close()
    expect(walSize(dataDir)).toBe(0)
  })
})
