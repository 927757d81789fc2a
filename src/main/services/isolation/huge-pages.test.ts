import fs from 'node:fs'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { createDecodeHost } from './decode-host'
import { DECODE_MEMORY_BUDGET_MB } from './decoding'
import { withHugePages } from './huge-pages'
import { createNodeLauncher, residentBytesFromProc } from './node-launcher'

const hosts: ReturnType<typeof createDecodeHost>[] = []
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close()
})

const MB = 1024 * 1024

describe('withHugePages', () => {
  it('asks glibc for huge pages beside any tunables already set', () => {
    expect(withHugePages({ PATH: '/bin' })).toEqual({ PATH: '/bin', GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' })
    expect(withHugePages({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }).GLIBC_TUNABLES).toBe(
      'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1',
    )
  })

  it('leaves a choice made already, to turn them off too', () => {
    const env = { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }
    expect(withHugePages(env)).toBe(env)
  })
})

/** Whether the kernel grants transparent huge pages to a process that asks (`madvise`) or to all. */
const kernelGrantsHugePages = (() => {
  try {
    return /\[(always|madvise)\]/.test(fs.readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8'))
  } catch {
    return false
  }
})()

describe.runIf(process.platform === 'linux' && kernelGrantsHugePages)('a decode process started under Node', () => {
  // A progressive JPEG keeps every block's coefficients until its last pass: 36 MP at 4:2:0 holds
  // about 110 MB at once, the kind of fresh memory huge pages make cheap to fault in.
  it('decodes a large photo in huge pages', async () => {
    const side = 6000
    const bytes = await sharp({
      create: { width: side, height: side, channels: 3, background: '#a07050' },
    })
      .jpeg({ quality: 30, progressive: true })
      .toBuffer()
    let mostHugeBytes = 0
    const launcher = createNodeLauncher(async (pid) => {
      const rollup = await fs.promises.readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '')
      const huge = /AnonHugePages:\s+(\d+) kB/.exec(rollup)?.[1]
      if (huge) mostHugeBytes = Math.max(mostHugeBytes, Number(huge) * 1024)
      return residentBytesFromProc(pid)
    })
    const host = createDecodeHost({
      launcher: () => launcher,
      size: 1,
      memoryBudgetMb: DECODE_MEMORY_BUDGET_MB,
      heapMb: 320,
      keepBelowMb: 192,
    })
    hosts.push(host)
    const prepared = await host.run('prepareImage', { bytes, format: 'jpeg' }, { timeoutMs: 120_000 })
    expect(prepared.width).toBe(side)
    // Without the setting no page of it was huge here (THP on request only): 0 MB.
    expect(mostHugeBytes).toBeGreaterThan(32 * MB)
  }, 120_000)
})
