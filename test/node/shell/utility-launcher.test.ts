import path from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { createUtilityLauncher } from '../../../src/main/electron/utility-launcher'
import { createDecodeHost } from '../../../src/main/services/isolation/decode-host'
import { HeavyWorkStopped } from '../../../src/main/workers/worker-pool'
import { flatJpeg } from '../images'
import { StandInUtilityProcess, utilityMetrics } from './utility-process-stand-in'

// Electron's utilityProcess cannot run here: the launcher drives the stand-in, whose children are
// Node processes running the same decode-child entry.
const ENTRY = path.resolve(import.meta.dirname, '../../../src/main/services/isolation/decode-child.ts')
const launcher = createUtilityLauncher(
  { utilityProcess: { fork: StandInUtilityProcess.fork }, app: { getAppMetrics: utilityMetrics } },
  () => ENTRY,
)

const hosts: ReturnType<typeof createDecodeHost>[] = []
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close()
})
const newHost = (memoryBudgetMb: number) => {
  const host = createDecodeHost({ launcher: () => launcher, size: 1, memoryBudgetMb, heapMb: 96, keepBelowMb: 192 })
  hosts.push(host)
  return host
}
const LONG = { timeoutMs: 60_000 }

describe('decode processes as Electron utility processes (on the stand-in)', () => {
  it('starts the entry with the heap limit and a service name, and decodes in it', async () => {
    const host = newHost(512)
    const prepared = await host.run(
      'prepareImage',
      { bytes: new Uint8Array(await flatJpeg(64, 48)), format: 'jpeg' },
      LONG,
    )
    expect([prepared.width, prepared.height]).toEqual([64, 48])
    expect(StandInUtilityProcess.forks.at(-1)).toMatchObject({
      modulePath: ENTRY,
      options: { execArgv: ['--max-old-space-size=96'], serviceName: 'Stipple decoder' },
    })
  }, 120_000)

  it('kills a process whose working set in app.getAppMetrics() passes the budget, and the next job gets a fresh one', async () => {
    const host = newHost(160)
    const side = 7000
    const progressive = await sharp({ create: { width: side, height: side, channels: 3, background: '#a07050' } })
      .jpeg({ quality: 30, progressive: true })
      .toBuffer()
    const forksBefore = StandInUtilityProcess.forks.length
    await expect(
      host.run('prepareImage', { bytes: new Uint8Array(progressive), format: 'jpeg' }, LONG),
    ).rejects.toEqual(new HeavyWorkStopped('memory'))
    expect(StandInUtilityProcess.running.size).toBe(0)
    expect(await host.run('sha256', { bytes: new Uint8Array(0) }, LONG)).toMatch(/^e3b0/)
    expect(StandInUtilityProcess.forks.length).toBe(forksBefore + 2)
  }, 120_000)
})
