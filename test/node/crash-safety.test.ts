import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWriter, type CrashLoopOptions, crashLoop } from './crash/crash-loop'
import { scalpPhotoJpeg } from './scalp-photo'
import { tempDirsForEachTest } from './temp-dir'

/**
 * A writer process is killed with SIGKILL at random moments, over and over on one data folder.
 * `npm test` runs a short loop; `npm run test:crash` (also run by CI) sets STIPPLE_CRASH_KILLS
 * to the full count. STIPPLE_CRASH_SEED replays a failure's kill times and changes.
 */
const KILLS = Number(process.env.STIPPLE_CRASH_KILLS ?? 16)
const SEED = Number(process.env.STIPPLE_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 32))

const tempDir = tempDirsForEachTest()
let writer: Awaited<ReturnType<typeof buildWriter>>
let imagesDir: string

beforeAll(async () => {
  writer = await buildWriter()
  imagesDir = fs.mkdtempSync(path.join(writer.file, '..', 'images-'))
  // Real camera-sized photos (8 and 4 MP), so an import spends its time where a real one does.
  fs.writeFileSync(path.join(imagesDir, 'a.jpg'), await scalpPhotoJpeg({ width: 3264, height: 2448 }))
  fs.writeFileSync(path.join(imagesDir, 'b.jpg'), await scalpPhotoJpeg({ width: 2400, height: 1800, tone: 30 }))
}, 60_000)

afterAll(() => writer?.remove())

const loop = (mode: CrashLoopOptions['mode'], kills: number) =>
  crashLoop({ writer: writer.file, dataDir: tempDir(), imagesDir, mode, kills, seed: SEED })

describe('a writer killed with SIGKILL at random moments', () => {
  it(`loses no acknowledged change and never damages the database (${KILLS} kills)`, async () => {
    const report = await loop('records', KILLS)
    console.info(`crash loop, records (seed ${SEED}):`, report)
    expect(report.kills).toBe(KILLS)
    // The kills must land among the changes, not only at start-up or while the writer reads.
    expect(report.acknowledged).toBeGreaterThan(KILLS * 3)
    expect(report.inFlight).toBeGreaterThan(KILLS / 5)
  }, 600_000)

  it(`leaves no orphan file and no row without its files when killed mid photo import (${Math.ceil(KILLS / 2)} kills)`, async () => {
    const kills = Math.ceil(KILLS / 2)
    const report = await loop('photos', kills)
    console.info(`crash loop, photo imports (seed ${SEED}):`, report)
    expect(report.kills).toBe(kills)
    // Most kills land mid import (about two in three): over the full loop at least a third
    // must; over the short loop's 8, whose share swings with where the seed puts them, at least two.
    expect(report.midImport).toBeGreaterThanOrEqual(kills >= 30 ? kills / 3 : 2)
  }, 600_000)
})
