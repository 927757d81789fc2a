import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { validFields } from '../../../../test/fixtures/patients'
import { call } from '../../../../test/node/bridge-call'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import type { Progress } from '../../../shared/bridge/desktop-events'
import { createDispatch, type Dispatch } from '../../bridge/dispatch'
import { createHandlers } from '../../bridge/handlers'
import { percentReporter } from './archive-progress'

const tempDir = tempDirsForEachTest()
const newBed = photoBackendsForEachTest(tempDir)
type Bed = ReturnType<typeof newBed>

/** A camera-sized photo of noise, which JPEG cannot squeeze: over 1 MB, and no two alike. */
const noisyJpeg = () =>
  sharp({
    create: {
      width: 1600,
      height: 1200,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 70 },
    },
  })
    .jpeg({ quality: 95 })
    .toBuffer()

/** A patient with `count` large photos: an archive of several MB whose work takes many steps. */
async function patientWithLargePhotos(bed: Bed, count: number) {
  const patientId = bed.patients.create(validFields({ fullName: 'Inés Ruiz' })).id
  for (let i = 0; i < count; i++)
    await bed.photos.import({ patientId, name: `view-${i}.jpg`, lastModified: null, bytes: await noisyJpeg() })
  return patientId
}

/** Each percent rises on the one before it, from 0 to 100. */
function expectRisingToHundred(percents: number[]) {
  expect(percents[0]).toBe(0)
  expect(percents.at(-1)).toBe(100)
  for (let i = 1; i < percents.length; i++) expect(percents[i]).toBeGreaterThan(percents[i - 1] as number)
}

describe('progress of a large archive', () => {
  it('is told while the archive is exported and while it is checked, rising to 100', async () => {
    const source = newBed()
    const patientId = await patientWithLargePhotos(source, 5)
    const exporting: number[] = []
    const archive = await source.archives.export(patientId, '0.0.0-test', (percent) => exporting.push(percent))
    expect(archive.bytes.byteLength).toBeGreaterThan(5 * 1024 * 1024)
    expectRisingToHundred(exporting)
    // Each photo read, then the entries hashed by their bytes: many steps, not a jump to 100.
    expect(exporting.length).toBeGreaterThan(10)

    const target = newBed()
    const checking: number[] = []
    const shown = await target.archives.held.inspect(archive.bytes, (percent) => checking.push(percent))
    expect(shown.counts.photos).toBe(5)
    // Shown once proven, while its copies are still being made: its bar ends there, at 100.
    expectRisingToHundred(checking)
    expect(checking.length).toBeGreaterThan(10)
    const shownAt = checking.at(-2) as number

    // The import's bar goes on from where the whole check has got (copies made too), to 100.
    const importing: number[] = []
    await target.archives.held.import(shown.heldId, 'skip', (percent) => importing.push(percent))
    expect(importing[0]).toBeGreaterThanOrEqual(shownAt)
    expect(importing.at(-1)).toBe(100)
    for (let i = 1; i < importing.length; i++) expect(importing[i]).toBeGreaterThan(importing[i - 1] as number)

    // An archive imported in one call (no preview) is told from 0 to 100.
    const again: number[] = []
    await newBed().archives.import(archive.bytes, 'skip', (percent) => again.push(percent))
    expectRisingToHundred(again)
  }, 120_000)

  it('reaches the page that made the call as its progress events, named by task', async () => {
    const bed = newBed()
    const patientId = await patientWithLargePhotos(bed, 1)
    const shown: Progress[] = []
    const dispatch = createDispatch(
      createHandlers(
        {
          patients: bed.patients,
          photos: bed.photos,
          designs: bed.designs,
          settings: bed.settings,
          pigments: bed.pigments,
          plans: bed.plans,
          clinic: bed.clinic,
          comments: bed.comments,
          audit: bed.audit,
          backups: bed.backups,
          archives: bed.archives,
          charts: bed.charts,
          sample: bed.sample,
        },
        { version: '0.0.0-test', shell: 'desktop', dataDir: bed.dataDir },
      ),
      () => {},
    )
    const withProgress: Dispatch = (name, input) =>
      dispatch(name, input, { showProgress: (progress) => shown.push(progress) })
    const exported = await call({ dispatch: withProgress }, 'archives.export', { patientId })
    expect(shown.filter((p) => p.task === 'exporting').at(-1)).toEqual({ task: 'exporting', percent: 100 })
    await call({ dispatch: withProgress }, 'archives.inspect', { bytes: exported.bytes })
    expect(shown.filter((p) => p.task === 'checking').at(-1)).toEqual({ task: 'checking', percent: 100 })
    expect(new Set(shown.map((p) => p.task))).toEqual(new Set(['exporting', 'checking']))
    // Without a page to tell (no call context), the same calls answer as before.
    expect((await call(bed, 'archives.inspect', { bytes: exported.bytes })).counts.photos).toBe(1)
  }, 60_000)
})

describe('percentReporter', () => {
  it('reports each whole percent once, never going back, and clamps to 0–100', () => {
    const told: number[] = []
    const report = percentReporter((percent) => told.push(percent))
    for (const fraction of [-0.5, 0, 0.004, 0.01, 0.01, 0.5, 0.3, 0.999, 1, 1.2]) report(fraction)
    expect(told).toEqual([0, 1, 50, 99, 100])
  })
})
