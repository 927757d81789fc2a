import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { PHOTO_LIMITS } from '../../shared/photos/photo-fields'
import { createWorkerPool } from './worker-pool'

const pools: ReturnType<typeof createWorkerPool>[] = []
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close()
})

/** Issue 17's budget: the app's memory at most this far above its idle figure while it works. */
const BUDGET_MB = 512

/**
 * The process's resident memory, sampled from main while the workers decode: what the OS sees,
 * so libvips' and libjpeg's buffers count, not only V8's heap (which the worker's limit caps).
 */
async function peakGrowthMbWhile(work: () => Promise<unknown>) {
  const idle = process.memoryUsage.rss()
  let peak = idle
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, 2)
  try {
    await work()
  } finally {
    clearInterval(sampler)
  }
  return (peak - idle) / (1024 * 1024)
}

/** The largest square JPEG a cap lets through. */
async function jpegAtCap(megapixels: number, options: { progressive: boolean; orientation?: number }) {
  const side = Math.floor(Math.sqrt(megapixels * 1_000_000))
  const image = sharp({ create: { width: side, height: side, channels: 3, background: '#a07050' } })
  if (options.orientation) image.withMetadata({ orientation: options.orientation })
  return new Uint8Array(await image.jpeg({ quality: 30, progressive: options.progressive }).toBuffer())
}

async function warmPool() {
  const pool = createWorkerPool(1)
  pools.push(pool)
  // The worker's own start (V8, sharp's library) is not the decode's cost.
  await pool.run(
    'prepareImage',
    { bytes: await jpegAtCap(0.01, { progressive: false }), format: 'jpeg' },
    {
      timeoutMs: 60_000,
    },
  )
  return pool
}

// The worker's heap limit does not reach the decoders' native memory; what bounds it is the
// declared-size caps checked before decoding and the decode pool taking one file at a time.
describe('the native memory of decoding stays within the budget', () => {
  it('for three of the largest baseline JPEGs the caps allow, turned by EXIF, sent at once', async () => {
    const bytes = await jpegAtCap(PHOTO_LIMITS.maxMegapixels, { progressive: false, orientation: 6 })
    const pool = await warmPool()
    const grew = await peakGrowthMbWhile(() =>
      Promise.all([1, 2, 3].map(() => pool.run('prepareImage', { bytes, format: 'jpeg' }, { timeoutMs: 120_000 }))),
    )
    expect(grew).toBeLessThan(BUDGET_MB)
  }, 240_000)

  it('for the largest progressive JPEG the caps allow, which is decoded whole', async () => {
    const bytes = await jpegAtCap(PHOTO_LIMITS.maxProgressiveMegapixels, { progressive: true })
    const pool = await warmPool()
    const grew = await peakGrowthMbWhile(() =>
      pool.run('prepareImage', { bytes, format: 'jpeg' }, { timeoutMs: 120_000 }),
    )
    expect(grew).toBeLessThan(BUDGET_MB)
  }, 240_000)
})
