import { fork } from 'node:child_process'
import { once } from 'node:events'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { validFields } from '../../../../test/fixtures/patients'
import { flatJpeg } from '../../../../test/node/images'
import { filesUnder } from '../../../../test/node/photo-backend'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import { HeldFile } from '../../../shared/files/held-file'
import { PHOTO_LIMITS } from '../../../shared/photos/photo-fields'
import { openDatabase } from '../../db/database'
import { RESOLVE_SOURCE_IMPORTS, SOURCE_EXEC_ARGV } from '../../workers/entry-files'
import { HeavyWorkStopped } from '../../workers/worker-pool'
import { createPatientService } from '../patients/patient-service'
import { createPhotoFiles } from '../photos/photo-files'
import { createPhotoService } from '../photos/photo-service'
import { ServiceError } from '../service-error'
import { createDecodeHost, type DecodeHostOptions } from './decode-host'
import type { DecodeLauncher } from './decode-launcher'
import { DECODE_MEMORY_BUDGET_MB } from './decoding'
import { createNodeLauncher, decodeChildEntry, nodeLauncher, residentBytesFromProc } from './node-launcher'

const tempDir = tempDirsForEachTest()
const hosts: ReturnType<typeof createDecodeHost>[] = []
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close()
})

/** Node's launcher (or `base`), counting the processes alive at once. */
function countingLauncher(base: DecodeLauncher = nodeLauncher) {
  const count = { alive: 0, most: 0, started: 0 }
  const launcher: DecodeLauncher = {
    launch(options) {
      count.started++
      count.most = Math.max(count.most, ++count.alive)
      return base.launch({
        ...options,
        onExit: () => {
          count.alive--
          options.onExit()
        },
      })
    },
  }
  return { launcher, count }
}

function newHost(options: Partial<DecodeHostOptions> = {}, base?: DecodeLauncher) {
  const counting = countingLauncher(base)
  const workDir = tempDir()
  const host = createDecodeHost({
    launcher: () => counting.launcher,
    size: 1,
    memoryBudgetMb: DECODE_MEMORY_BUDGET_MB,
    heapMb: 320,
    keepBelowMb: 192,
    workDir,
    ...options,
  })
  hosts.push(host)
  return { host, count: counting.count, workDir }
}

const LONG = { timeoutMs: 60_000 }

/** The largest square JPEG a cap lets through, one flat colour: small to send, costly to decode. */
async function jpegAtCap(megapixels: number, progressive: boolean) {
  const side = Math.floor(Math.sqrt(megapixels * 1_000_000))
  return new Uint8Array(
    await sharp({ create: { width: side, height: side, channels: 3, background: '#a07050' } })
      .jpeg({ quality: 30, progressive })
      .toBuffer(),
  )
}

describe('decoding in a process of its own', () => {
  it('kills a decode that passes its memory budget, refuses it as memory, and decodes the next in a fresh process', async () => {
    const { host, count, workDir } = newHost({ memoryBudgetMb: 160, heapMb: 96 })
    const large = await jpegAtCap(PHOTO_LIMITS.maxProgressiveMegapixels, true)
    await expect(host.run('prepareImage', { bytes: large, format: 'jpeg' }, LONG)).rejects.toEqual(
      new HeavyWorkStopped('memory'),
    )
    expect(count.alive).toBe(0)
    const small = await host.run(
      'prepareImage',
      { bytes: new Uint8Array(await flatJpeg(64, 48)), format: 'jpeg' },
      LONG,
    )
    expect([small.width, small.height]).toEqual([64, 48])
    expect(count.started).toBe(2)
    expect(fs.readdirSync(workDir)).toEqual([])
  }, 120_000)

  it("holds the memory budget by the process's own watchdog where its memory cannot be read from outside (macOS, Windows)", async () => {
    const unreadable = createNodeLauncher(async () => null)
    const { host, count, workDir } = newHost({ memoryBudgetMb: 160, heapMb: 96 }, unreadable)
    const large = await jpegAtCap(PHOTO_LIMITS.maxProgressiveMegapixels, true)
    await expect(host.run('prepareImage', { bytes: large, format: 'jpeg' }, LONG)).rejects.toEqual(
      new HeavyWorkStopped('memory'),
    )
    expect(count.alive).toBe(0)
    expect(await host.run('sha256', { bytes: new Uint8Array(0) }, LONG)).toMatch(/^e3b0/)
    expect(count.started).toBe(2)
    expect(fs.readdirSync(workDir)).toEqual([])
  }, 120_000)

  it("lets a job over the app's own files have the budget it is given instead of the host's", async () => {
    const { host, count } = newHost({ memoryBudgetMb: 160, heapMb: 96 })
    const large = await jpegAtCap(PHOTO_LIMITS.maxProgressiveMegapixels, true)
    const decoded = await host.run('prepareImage', { bytes: large, format: 'jpeg' }, { ...LONG, memoryBudgetMb: 2048 })
    expect(decoded.width).toBeGreaterThan(0)
    expect(count.started).toBe(1)
  }, 120_000)

  it('kills a decode still running at its time limit, and serves the next job', async () => {
    const { host, count, workDir } = newHost()
    await host.run('sha256', { bytes: new Uint8Array(0) }, LONG)
    const large = await jpegAtCap(PHOTO_LIMITS.maxProgressiveMegapixels, true)
    await expect(host.run('prepareImage', { bytes: large, format: 'jpeg' }, { timeoutMs: 200 })).rejects.toEqual(
      new HeavyWorkStopped('time'),
    )
    expect(count.alive).toBe(0)
    expect(await host.run('sha256', { bytes: new Uint8Array(0) }, LONG)).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    )
    expect(fs.readdirSync(workDir)).toEqual([])
  }, 120_000)

  it('ends a job no longer wanted at once, and one let go while it waited is never started', async () => {
    const { host, count, workDir } = newHost()
    await host.run('sha256', { bytes: new Uint8Array(0) }, LONG)
    const large = await jpegAtCap(PHOTO_LIMITS.maxProgressiveMegapixels, true)
    const unwanted = new AbortController()
    const running = host.run('prepareImage', { bytes: large, format: 'jpeg' }, { ...LONG, signal: unwanted.signal })
    const waiting = new AbortController()
    const queued = host.run('sha256', { bytes: new Uint8Array([1]) }, { ...LONG, signal: waiting.signal })
    const reason = new Error('let go')
    waiting.abort(reason)
    // Well into decoding a photo that takes seconds.
    await new Promise((r) => setTimeout(r, 300))
    const asked = performance.now()
    unwanted.abort(reason)
    await expect(running).rejects.toBe(reason)
    await expect(queued).rejects.toBe(reason)
    // Ended, not left to finish a progressive decode at the cap (seconds of work).
    expect(performance.now() - asked).toBeLessThan(1000)
    expect(count.alive).toBe(0)
    expect(await host.run('sha256', { bytes: new Uint8Array(0) }, LONG)).toMatch(/^e3b0/)
    // The first process ran the first job and the one let go; the queued one started none.
    expect(count.started).toBe(2)
    expect(fs.readdirSync(workDir)).toEqual([])
  }, 120_000)

  it('queues many jobs at once on its few processes rather than starting one each', async () => {
    const { host, count } = newHost()
    const jobs = Array.from({ length: 8 }, (_, i) => host.run('sha256', { bytes: new Uint8Array([i]) }, LONG))
    const hashes = await Promise.all(jobs)
    expect(new Set(hashes).size).toBe(8)
    expect(count.most).toBe(1)
    expect(count.started).toBe(1)
  }, 120_000)

  it('serves the next job from a process prepared ahead of it, started once', async () => {
    const { host, count } = newHost()
    host.prepare()
    host.prepare()
    expect(count.started).toBe(1)
    expect(await host.run('sha256', { bytes: new Uint8Array(0) }, LONG)).toMatch(/^e3b0/)
    expect(count.started).toBe(1)
    host.prepare()
    expect(count.started).toBe(1)
  }, 60_000)

  it.runIf(process.platform === 'linux' && os.getPriority() < 10)(
    'decodes below the priority of the process that asked, so the app keeps its turn on busy cores',
    async () => {
      let pid: number | undefined
      const { host } = newHost(
        {},
        createNodeLauncher(async (each) => {
          pid = each
          return residentBytesFromProc(each)
        }),
      )
      const prepared = await host.run(
        'prepareImage',
        { bytes: new Uint8Array(await flatJpeg(640, 480)), format: 'jpeg' },
        LONG,
      )
      expect(prepared.width).toBe(640)
      if (pid === undefined) throw new Error('No decode process was started')
      // A thread's own priority, on Linux: each thread that decoded (libuv's, where sharp runs, and libvips' own) must have it.
      const threads = fs.readdirSync(`/proc/${pid}/task`).map((task) => ({
        name: fs.readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8').trim(),
        nice: Number(fs.readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8').split(') ')[1]?.split(' ')[16]),
      }))
      const decoders = threads.filter((each) => /^(libuv-worker|libvips worker)$/.test(each.name))
      const below = os.constants.priority.PRIORITY_BELOW_NORMAL
      expect(os.getPriority(pid)).toBe(below)
      expect(decoders.some((each) => each.name === 'libvips worker')).toBe(true)
      expect(decoders.filter((each) => each.nice !== below)).toEqual([])
    },
    120_000,
  )

  it('carries a refusal across as the same typed error and keeps the process', async () => {
    const { host, count } = newHost()
    const refused = host.run('prepareImage', { bytes: new Uint8Array([0xff, 0xd8, 0xff, 0, 0]), format: 'jpeg' }, LONG)
    await expect(refused).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/header/) })
    await host.run('sha256', { bytes: new Uint8Array(1) }, LONG)
    expect(count.started).toBe(1)
  }, 120_000)
})

describe('a job whose answer main passes on to files', () => {
  it('hands its byte arrays over as the files they were spilled to, there until used, then gone', async () => {
    const { host, workDir } = newHost()
    const bytes = new Uint8Array(await flatJpeg(640, 480))
    const made = await host.run('prepareImage', { bytes, format: 'jpeg' }, LONG)
    const kept = await host.runThen('prepareImage', { bytes, format: 'jpeg' }, LONG, async (prepared) => {
      expect(prepared.working).toBeInstanceOf(HeldFile)
      expect(prepared.width).toBe(640)
      return { working: fs.readFileSync(prepared.working.path), path: prepared.working.path }
    })
    expect(kept.working.equals(made.working)).toBe(true)
    expect(fs.existsSync(kept.path)).toBe(false)
    expect(fs.readdirSync(workDir)).toEqual([])
  }, 120_000)

  it('passes on a refusal of its use, and leaves no file', async () => {
    const { host, workDir } = newHost()
    const bytes = new Uint8Array(await flatJpeg(64, 48))
    const using = host.runThen('prepareImage', { bytes, format: 'jpeg' }, LONG, async () => {
      throw new ServiceError('unavailable', 'The disk is full.')
    })
    await expect(using).rejects.toEqual(new ServiceError('unavailable', 'The disk is full.'))
    expect(fs.readdirSync(workDir)).toEqual([])
  }, 120_000)

  it('lets the next job run while the answer is still being used', async () => {
    const { host } = newHost()
    const bytes = new Uint8Array(await flatJpeg(64, 48))
    let release = () => {}
    const held = new Promise<void>((done) => {
      release = done
    })
    let used = false
    const using = host.runThen('prepareImage', { bytes, format: 'jpeg' }, LONG, async () => {
      await held
      used = true
    })
    expect(await host.run('sha256', { bytes: new Uint8Array(0) }, LONG)).toMatch(/^e3b0/)
    expect(used).toBe(false)
    release()
    await using
  }, 120_000)
})

describe('a photo import whose decode is killed', () => {
  it('is refused in words, leaves no row and no file, and the next import works', async () => {
    const dataDir = tempDir()
    const db = openDatabase(dataDir)
    try {
      const patientId = createPatientService(db).create(validFields()).id
      const { host } = newHost({ memoryBudgetMb: 160, heapMb: 96 })
      const photos = createPhotoService(db, createPhotoFiles(dataDir), undefined, () => true, host)
      const large = await jpegAtCap(PHOTO_LIMITS.maxProgressiveMegapixels, true)
      const refused = photos.import({ patientId, name: 'huge.jpg', lastModified: null, bytes: large })
      await expect(refused).rejects.toBeInstanceOf(ServiceError)
      await expect(refused).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(/^huge\.jpg: .*needs more memory than Stipple allows for one picture/),
      })
      expect(photos.list(patientId)).toEqual([])
      expect(filesUnder(path.join(dataDir, 'photos'))).toEqual([])
      const next = await photos.import({
        patientId,
        name: 'small.jpg',
        lastModified: null,
        bytes: new Uint8Array(await flatJpeg(64, 48)),
      })
      expect(next.status).toBe('imported')
    } finally {
      db.close()
    }
  }, 120_000)
})

describe('a decode process whose main has gone', () => {
  it('ends by itself, mid-job, rather than fail sending an answer no one can hear', async () => {
    const child = fork(decodeChildEntry(), {
      execArgv: [...SOURCE_EXEC_ARGV, '--import', `data:text/javascript,${encodeURIComponent(RESOLVE_SOURCE_IMPORTS)}`],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    try {
      await once(child, 'message')
      const exited = once(child, 'exit')
      const dir = tempDir()
      const bytes = new Uint8Array(await flatJpeg(4000, 3000))
      child.send({ id: 1, name: 'prepareImage', input: { bytes, format: 'jpeg' }, dir, memoryBudgetMb: 512 })
      // What main's exit does to the channel, mid-job: the job's answer would have no one to go to.
      child.disconnect()
      const [code] = await Promise.race([
        exited,
        new Promise<unknown[]>((r) => setTimeout(() => r(['still running']), 5000)),
      ])
      expect(code).toBe(0)
    } finally {
      child.kill('SIGKILL')
    }
  })
})
