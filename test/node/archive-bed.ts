import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { unzipSync, type Zippable, zipSync } from 'fflate'
import { countsOf } from '../../src/main/services/archive/archive-check-records'
import { createRecordsReader } from '../../src/main/services/archive/archive-read'
import type { ArchiveManifest } from '../../src/shared/archive/archive-format'
import type { ArchiveRecords } from '../../src/shared/archive/archive-records'
import { CARBON_MEDIUM_GREY } from '../../src/shared/plan/default-pigments'
import { validDesign } from '../fixtures/designs'
import { validFields } from '../fixtures/patients'
import { session, share } from '../fixtures/plans'
import { flatJpeg, jpegWithGps, PALETTE } from './images'
import { filesUnder, type photoBackendsForEachTest } from './photo-backend'

export type Bed = ReturnType<ReturnType<typeof photoBackendsForEachTest>>

/**
 * A patient with something in every table an archive carries: two photos (one calibrated with a
 * measurement, one taken at a session), a design with two zones and comments on it, a plan whose
 * sessions use a shipped and a home-made pigment, and the audit trail all of that wrote.
 */
export async function patientWithEverything(bed: Bed) {
  const patient = bed.patients.create(
    validFields({
      fullName: 'Inés Ruiz-Okafor',
      medical: {
        keloid: false,
        alopeciaAreata: true,
        chemotherapy: false,
        hormonal: true,
        scalpCondition: false,
        pregnancy: false,
        bloodThinners: false,
        other: 'Finasteride since 2024',
      },
      transplantDate: '2025-06-01',
      notes: 'Prefers a soft, broken hairline.',
    }),
  )
  const front = (
    await bed.photos.import({
      patientId: patient.id,
      name: 'front.jpg',
      lastModified: 1_700_000_000_000,
      bytes: await flatJpeg(200, 150),
    })
  ).photo
  const crown = (
    await bed.photos.import({
      patientId: patient.id,
      name: 'crown.jpg',
      lastModified: null,
      // Taken on a phone: its position is removed at import, and the record that says so travels.
      bytes: await jpegWithGps(160, 120, PALETTE.blue),
    })
  ).photo
  const calibrated = bed.photos.calibrate(front.id, front.revision, {
    a: { x: 10, y: 140 },
    b: { x: 110, y: 140 },
    lengthMm: 10,
  })
  bed.photos.addMeasurement(front.id, {
    kind: 'distance',
    label: 'Temple gap',
    points: [
      { x: 10, y: 10 },
      { x: 60, y: 10 },
    ],
  })
  bed.photos.addMeasurement(front.id, {
    kind: 'area',
    label: 'Scar',
    points: [
      { x: 20, y: 20 },
      { x: 60, y: 20 },
      { x: 40, y: 50 },
    ],
  })
  const design = bed.designs.save(calibrated.id, null, validDesign())
  bed.comments.add({ designId: design.id, at: { x: 50, y: 60 }, author: 'Dr Lee', body: 'Lower the temples by 2 mm.' })
  const second = bed.comments.add({
    designId: design.id,
    at: { x: 120, y: 90 },
    author: 'Dana',
    body: 'Crown looks right.',
  })
  bed.comments.resolve(second.id, second.revision, 'Dr Lee')
  const blend = bed.pigments.save({ ...CARBON_MEDIUM_GREY, id: null, name: 'Studio blend', shade: '#202020' }, null)
  bed.plans.save(patient.id, 0, {
    technique: 'permanent',
    sessions: [
      session({ id: 'first', treatments: [share(design.id, 'z1', 0.3)] }),
      session({
        id: 'second',
        startsAt: '2026-03-24T10:30',
        pigmentId: blend.id,
        treatments: [share(design.id, 'z1', 0.4)],
      }),
    ],
  })
  const taken = bed.photos.get(crown.id)
  bed.photos.update(crown.id, taken.revision, { view: 'crown', caption: 'Day one', sessionId: 'first' })
  return { patientId: patient.id, front, crown, design, blend }
}

/** Every row an archive of the patient carries, as the tables hold them. */
export const recordsOf = (bed: Bed, patientId: string): ArchiveRecords | null => createRecordsReader(bed.db)(patientId)

const TABLES = [
  'patients',
  'photos',
  'photo_measurements',
  'designs',
  'treatment_plans',
  'sessions',
  'session_treatments',
  'pigments',
  'comments',
  'audit_log',
] as const

/** Row counts of every table an import writes, and every file in the photo folders: what must not move. */
export function footprint(bed: Bed) {
  const counts = Object.fromEntries(
    TABLES.map((table) => [table, bed.db.prepare(`SELECT count(*) AS n FROM ${table}`).pluck().get()]),
  )
  return { counts, files: filesUnder(path.join(bed.dataDir, 'photos')) }
}

/** A photo file's bytes in a data folder. */
export const storedBytes = (bed: Bed, file: string) => fs.readFileSync(path.join(bed.dataDir, 'photos', file))

/**
 * The archive with its entries changed by `change`, zipped again. With `resign`, the manifest's
 * counts, sizes and checksums are brought in line with the changed entries, as a forger would, so
 * what is checked beyond the container can be reached.
 */
export function tamper(
  bytes: Uint8Array,
  change: (entries: Record<string, Uint8Array>, manifest: ArchiveManifest) => void,
  options: { resign?: boolean } = {},
): Uint8Array<ArrayBuffer> {
  const entries = unzipSync(bytes)
  const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as ArchiveManifest
  change(entries, manifest)
  if (options.resign) {
    manifest.counts = countsOf(JSON.parse(new TextDecoder().decode(entries['records.json'])) as ArchiveRecords)
    manifest.entries = Object.entries(entries)
      .filter(([name]) => name !== 'manifest.json')
      .map(([name, content]) => ({
        path: name,
        size: content.byteLength,
        sha256: createHash('sha256').update(content).digest('hex'),
      }))
  }
  const zippable: Zippable = {}
  for (const [name, content] of Object.entries(entries)) zippable[name] = content
  zippable['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest))
  return zipSync(zippable)
}

/** records.json of an archive, parsed, and a way to write it back. */
export function editRecords(entries: Record<string, Uint8Array>, edit: (records: ArchiveRecords) => void) {
  const records = JSON.parse(new TextDecoder().decode(entries['records.json'])) as ArchiveRecords
  edit(records)
  entries['records.json'] = new TextEncoder().encode(JSON.stringify(records))
}

/** The archive re-signed as a forger would, one photo's record (by its original name) changed by `edit`. */
export function withPhotoRecord(
  bytes: Uint8Array,
  originalName: string,
  edit: (photo: ArchiveRecords['photos'][number]) => void,
): Uint8Array<ArrayBuffer> {
  return tamper(
    bytes,
    (entries) =>
      editRecords(entries, (records) => {
        const photo = records.photos.find((p) => p.original_name === originalName)
        if (!photo) throw new Error(`no ${originalName} in the archive's records`)
        edit(photo)
      }),
    { resign: true },
  )
}
