import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import sharp from 'sharp'
import { afterAll, expect, it } from 'vitest'
import { openDatabase } from '../src/main/db/database'
import { createPatientService } from '../src/main/services/patients/patient-service'
import { prepareImage } from '../src/main/services/photos/image-pipeline'
import { createPhotoFiles } from '../src/main/services/photos/photo-files'
import { createPhotoService } from '../src/main/services/photos/photo-service'
import { PHOTO_LIMITS } from '../src/shared/photos/photo-fields'
import { validFields } from '../test/fixtures/patients'

/**
 * How long importing one camera photo takes: a 24-megapixel JPEG (6000 × 4000, quality 92,
 * about 10 MB), against sharp alone doing the irreducible part of the work (decode, shrink to
 * the 4096 px working copy, encode). Prints min / median / max, and the longest task on this
 * thread while `photos.import` ran (its event loop's longest delay: hashing and decoding run in a
 * decode process, so this is main's own share) beside issue 17's 100 ms goal; asserts only that
 * imports work.
 */

const WIDTH = 6000
const HEIGHT = 4000
const RUNS = 7
const TARGET_MEDIAN_MS = 1500
const MAIN_TASK_GOAL_MS = 100

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stipple-bench-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** A smooth skin-toned gradient with a wavy texture and sensor-like noise: compresses like a photo, not like a flat fill or pure noise. */
async function cameraLikeJpeg(): Promise<Buffer> {
  const data = Buffer.allocUnsafe(WIDTH * HEIGHT * 3)
  let seed = 0x9e3779b9
  let i = 0
  for (let y = 0; y < HEIGHT; y++) {
    const gy = y / HEIGHT
    for (let x = 0; x < WIDTH; x++) {
      seed ^= seed << 13
      seed ^= seed >>> 17
      seed ^= seed << 5
      const noise = (((seed & 0xff) - 128) * 16) / 128
      const texture = 12 * Math.sin(x * 0.05 + Math.sin(y * 0.013) * 4) * Math.cos(y * 0.031)
      const base = 90 + 90 * (x / WIDTH) * (1 - gy) + texture + noise
      data[i++] = base + 50
      data[i++] = base + 10 * gy + noise * 0.5
      data[i++] = base - 20
    }
  }
  return sharp(data, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer()
}

/** The same photo with a JPEG comment after the start marker: other bytes, so no import is a duplicate. */
function variant(jpeg: Buffer, run: number): Buffer {
  const text = Buffer.from(`stipple bench run ${run}`, 'latin1')
  const segment = Buffer.alloc(4)
  segment.writeUInt16BE(0xfffe, 0)
  segment.writeUInt16BE(text.length + 2, 2)
  return Buffer.concat([jpeg.subarray(0, 2), segment, text, jpeg.subarray(2)])
}

interface Series {
  label: string
  times: number[]
}

const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`
function summary({ label, times }: Series): string {
  const sorted = [...times].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)] as number
  return `${label.padEnd(46)} min ${ms(sorted[0] as number)}   median ${ms(median)}   max ${ms(sorted.at(-1) as number)}`
}
const medianOf = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number

async function timed<T>(action: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now()
  const result = await action()
  return [performance.now() - started, result]
}

it(`imports a 24 MP camera JPEG (${RUNS} runs each)`, async () => {
  const [generateMs, jpeg] = await timed(cameraLikeJpeg)
  const file = path.join(dir, 'camera.jpg')
  fs.writeFileSync(file, jpeg)
  const inputs = Array.from({ length: RUNS + 1 }, (_, run) => variant(fs.readFileSync(file), run))
  for (const bytes of inputs) expect((await sharp(bytes).metadata()).width).toBe(WIDTH)

  const db = openDatabase(path.join(dir, 'data'))
  const patientId = createPatientService(db).create(validFields()).id
  const photos = createPhotoService(db, createPhotoFiles(path.join(dir, 'data')))

  const baseline: Series = { label: 'sharp alone: decode + 4096 px JPEG', times: [] }
  const pipeline: Series = { label: 'prepareImage: working copy + thumbnail', times: [] }
  const service: Series = { label: 'photos.import: + hash, files, record', times: [] }
  const sharpOnly = (bytes: Buffer) =>
    sharp(bytes)
      .resize({ width: PHOTO_LIMITS.workingLongSide, height: PHOTO_LIMITS.workingLongSide, fit: 'inside' })
      .jpeg({ quality: 90, chromaSubsampling: '4:4:4' })
      .toBuffer()

  // Run 0 warms up libvips, the disk cache and SQLite and is not counted; the rest interleave,
  // so drift on a busy machine falls on all three alike.
  const loop = monitorEventLoopDelay({ resolution: 5 })
  const mainTasks: number[] = []
  for (const [run, bytes] of inputs.entries()) {
    const [a] = await timed(() => sharpOnly(bytes))
    const [b, prepared] = await timed(() => prepareImage(bytes, 'jpeg'))
    loop.reset()
    loop.enable()
    const [c, outcome] = await timed(() =>
      photos.import({ patientId, name: `camera-${run}.jpg`, lastModified: null, bytes }),
    )
    loop.disable()
    if (run > 0) mainTasks.push(loop.max / 1e6)
    expect(prepared.working.length).toBeGreaterThan(0)
    expect(outcome.status).toBe('imported')
    expect(outcome.photo).toMatchObject({ width: WIDTH, height: HEIGHT })
    if (run === 0) continue
    baseline.times.push(a)
    pipeline.times.push(b)
    service.times.push(c)
  }
  const sample = photos.list(patientId)[0]
  const working = await sharp(photos.fileFor(sample?.sha256 ?? '', 'working') as string).metadata()
  expect([working.width, working.height]).toEqual([4096, 2731])
  db.close()

  const overhead = medianOf(service.times) - medianOf(baseline.times)
  console.log(
    [
      '',
      `Photo import benchmark: ${WIDTH} × ${HEIGHT} JPEG, ${(jpeg.length / 1024 / 1024).toFixed(1)} MB (generated in ${generateMs.toFixed(0)} ms)`,
      `Node ${process.versions.node}, sharp ${sharp.versions.sharp} / libvips ${sharp.versions.vips}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), libvips threads ${sharp.concurrency()}`,
      `${RUNS} timed runs each after one warm-up, interleaved:`,
      `  ${summary(baseline)}`,
      `  ${summary(pipeline)}`,
      `  ${summary(service)}`,
      `  import median over the sharp baseline: ${overhead >= 0 ? '+' : ''}${overhead.toFixed(0)} ms`,
      `  target: import median < ${TARGET_MEDIAN_MS} ms → ${medianOf(service.times) < TARGET_MEDIAN_MS ? 'met' : 'NOT met'}`,
      `  longest main-thread task during photos.import: ${Math.max(...mainTasks).toFixed(0)} ms (median of runs ${medianOf(mainTasks).toFixed(0)} ms), goal ≤ ${MAIN_TASK_GOAL_MS} ms → ${Math.max(...mainTasks) <= MAIN_TASK_GOAL_MS ? 'met' : 'NOT met'}; load ${os.loadavg()[0]?.toFixed(2)}`,
      '',
    ].join('\n'),
  )
})
