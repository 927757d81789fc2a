import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { createDispatch } from '../../src/main/bridge/dispatch'
import { createHandlers } from '../../src/main/bridge/handlers'
import { CLINIC_DEFAULTS } from '../../src/shared/clinic/clinic-details'
import type { MadeFile } from '../../src/shared/files/made-file'
import {
  OFFLINE_PHOTO_ATTRIBUTE,
  OFFLINE_REVIEW_ELEMENT_ID,
  type OfflineReview,
} from '../../src/shared/review-file/offline-review'
import { p, validDesign, zone } from '../fixtures/designs'
import { validFields } from '../fixtures/patients'
import { session, share } from '../fixtures/plans'
import { jpegOf, rawImage } from './images'
import { photoBackendsForEachTest } from './photo-backend'
import { tempDirsForEachTest } from './temp-dir'

const tempDir = tempDirsForEachTest()
const backend = photoBackendsForEachTest(tempDir)

const APP_SCRIPT = 'document.title = "</script><script>alert(1)</script>"'
const APP_STYLE = 'body { color: grey }'

/** A built renderer as electron-vite lays it out: index.html naming one module script and one stylesheet. */
function fakeRenderer(options: { split?: boolean } = {}): string {
  const dir = tempDir()
  fs.mkdirSync(path.join(dir, 'assets'))
  fs.writeFileSync(path.join(dir, 'assets/index-abc.js'), APP_SCRIPT)
  fs.writeFileSync(path.join(dir, 'assets/index-abc.css'), APP_STYLE)
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html><head>
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
    ${options.split ? '<link rel="modulepreload" crossorigin href="./assets/chunk-def.js">' : ''}
    <link rel="stylesheet" crossorigin href="./assets/index-abc.css">
    </head><body><div id="root"></div></body></html>`,
  )
  return dir
}

const PERSONAL = {
  dateOfBirth: '1979-11-23',
  phone: '+44 7700 900123',
  email: 'lena.okafor@example.org',
  notes: 'Prefers evening appointments; partner drives her home.',
  medical: {
    keloid: true,
    alopeciaAreata: true,
    chemotherapy: false,
    hormonal: true,
    scalpCondition: false,
    pregnancy: false,
    bloodThinners: false,
    other: 'Takes warfarin since 2023',
  },
} as const

/** A patient with every personal field filled, a photo carrying GPS EXIF, its design, a plan and a comment. */
async function reviewedPatient(bed: ReturnType<typeof backend>) {
  const patientId = bed.patients.create(validFields({ fullName: 'Lena Okafor', ...PERSONAL })).id
  const bytes = await jpegOf(
    rawImage(200, 150, () => [120, 90, 70]),
    {
      exif: { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 2628/100' } },
    },
  )
  const { photo } = await bed.photos.import({ patientId, name: 'Lena-Okafor-home.jpg', lastModified: 0, bytes })
  bed.photos.calibrate(photo.id, photo.revision, { a: p(10, 140), b: p(110, 140), lengthMm: 10 })
  const design = bed.designs.save(
    photo.id,
    null,
    validDesign([zone({ id: 'z1', name: 'Crown', points: [p(40, 30), p(160, 30), p(160, 120), p(40, 120)] })]),
  )
  bed.plans.save(patientId, 0, {
    technique: 'permanent',
    sessions: [session({ startsAt: '2026-03-02T09:00', treatments: [share(design.id, 'z1', 0.3)] })],
  })
  bed.comments.add({ designId: design.id, at: p(100, 80), author: 'Dr Imani Bello', body: 'Soften the crown edge.' })
  return { patientId, photo, design }
}

function dispatchWith(bed: ReturnType<typeof backend>, rendererDir: string | null) {
  return createDispatch(
    createHandlers(bed, { version: '9.9.9-test', shell: 'web', dataDir: bed.dataDir }, {}, rendererDir),
    () => {},
  )
}

async function exported(
  bed: ReturnType<typeof backend>,
  patientId: string,
  rendererDir: string,
): Promise<{ suggestedName: string; html: string }> {
  const result = await dispatchWith(bed, rendererDir)('review.exportFile', { patientId })
  if (!result.ok) throw new Error(result.error.message)
  const file = result.value as MadeFile
  return { suggestedName: file.suggestedName, html: new TextDecoder('utf-8', { fatal: true }).decode(file.bytes) }
}

function embeddedReview(html: string): OfflineReview {
  const json = new RegExp(`<script type="application/json" id="${OFFLINE_REVIEW_ELEMENT_ID}">([^<]*)</script>`).exec(
    html,
  )?.[1]
  return JSON.parse(json ?? '') as OfflineReview
}

function embeddedPhoto(html: string, key: string): Buffer {
  const base64 = new RegExp(`${OFFLINE_PHOTO_ATTRIBUTE}="${key}">([^<]*)</script>`).exec(html)?.[1]
  return Buffer.from(base64 ?? '', 'base64')
}

describe('the offline review file', () => {
  it('packs the app, the review and every photo of the patient into one page', async () => {
    const bed = backend()
    const { patientId, photo, design } = await reviewedPatient(bed)
    await bed.clinic.save(0, { ...CLINIC_DEFAULTS, name: 'Northside Hair Clinic', phone: '+44 20 0000 0000' })

    const file = await exported(bed, patientId, fakeRenderer())

    expect(file.suggestedName).toMatch(/^Lena Okafor review \d{4}-\d{2}-\d{2}\.html$/)
    const review = embeddedReview(file.html)
    expect(review.clinicName).toBe('Northside Hair Clinic')
    expect(review.appVersion).toBe('9.9.9-test')
    expect(review.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
    expect(review.photos.map((ph) => [ph.id, ph.calibration?.lengthMm])).toEqual([[photo.id, 10]])
    expect(review.designs.map((d) => d.id)).toEqual([design.id])
    expect(review.plan.sessions.map((s) => s.treatments)).toEqual([[share(design.id, 'z1', 0.3)]])
    expect(review.comments.map((c) => [c.author, c.body])).toEqual([['Dr Imani Bello', 'Soften the crown edge.']])
    expect(review.pigments.some((pg) => pg.id === 'smp-carbon-dark')).toBe(true)

    for (const variant of ['working', 'thumbnail'] as const) {
      const embedded = embeddedPhoto(file.html, `${variant}:${photo.sha256}`)
      expect(embedded.equals(fs.readFileSync(bed.photos.fileFor(photo.sha256, variant) as string)), variant).toBe(true)
      expect((await sharp(embedded).metadata()).exif, variant).toBeUndefined()
    }
    // The original (with its GPS tag) never goes into the file.
    expect(file.html).not.toContain(fs.readFileSync(bed.originalOf(photo)).toString('base64').slice(0, 200))
    expect(file.html).toContain(APP_STYLE)
    expect(file.html).toContain('document.title = "\\x3C/script><script>alert(1)\\x3C/script>"')
  })

  it('carries none of the record the review does not show, but keeps the warnings a clinician must see', async () => {
    const bed = backend()
    const { patientId } = await reviewedPatient(bed)
    await bed.clinic.save(0, { ...CLINIC_DEFAULTS, name: 'Northside', phone: '+44 20 1111 2222' })

    const { html } = await exported(bed, patientId, fakeRenderer())

    for (const secret of [
      PERSONAL.dateOfBirth,
      PERSONAL.phone,
      PERSONAL.email,
      PERSONAL.notes,
      PERSONAL.medical.other,
      'Lena-Okafor-home',
      '+44 20 1111 2222',
      'ludwig-2',
    ])
      expect(html, secret).not.toContain(secret)
    const { patient } = embeddedReview(html)
    expect(patient.fullName).toBe('Lena Okafor')
    expect(patient.medical).toEqual({
      keloid: true,
      alopeciaAreata: false,
      chemotherapy: false,
      hormonal: false,
      scalpCondition: false,
      pregnancy: false,
      bloodThinners: false,
      other: '',
    })
    expect([patient.sex, patient.fitzpatrick, patient.hairColour, patient.goals]).toEqual([null, null, null, []])
  })

  it('is about the size of its photos in base64 and the app, no more', async () => {
    const bed = backend()
    const { patientId, photo } = await reviewedPatient(bed)
    const { html } = await exported(bed, patientId, fakeRenderer())
    const photoBytes = (['working', 'thumbnail'] as const)
      .map((variant) => fs.statSync(bed.photos.fileFor(photo.sha256, variant) as string).size)
      .reduce((a, b) => a + b, 0)
    const size = Buffer.byteLength(html)
    expect(size).toBeGreaterThan((photoBytes * 4) / 3)
    // The review's JSON and the page around it stay small beside the photos.
    expect(size).toBeLessThan((photoBytes * 4) / 3 + APP_SCRIPT.length + 30_000)
  })

  it('names the clinic "Stipple" until the clinic details say otherwise', async () => {
    const bed = backend()
    const { patientId } = await reviewedPatient(bed)
    expect(embeddedReview((await exported(bed, patientId, fakeRenderer())).html).clinicName).toBe('Stipple')
  })

  it('is refused as unavailable where there is no built app, or one split into several scripts', async () => {
    const bed = backend()
    const { patientId } = await reviewedPatient(bed)
    for (const rendererDir of [null, tempDir(), fakeRenderer({ split: true })]) {
      const result = await dispatchWith(bed, rendererDir)('review.exportFile', { patientId })
      expect(result.ok ? 'ok' : result.error.code, String(rendererDir)).toBe('unavailable')
    }
  })

  it('is refused for a patient that does not exist, or an id that is not one', async () => {
    const bed = backend()
    const dispatch = dispatchWith(bed, fakeRenderer())
    const missing = await dispatch('review.exportFile', { patientId: '00000000-0000-4000-8000-000000000000' })
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found')
    const malformed = await dispatch('review.exportFile', { patientId: 'x' })
    expect(malformed.ok ? 'ok' : malformed.error.code).toBe('invalid_input')
  })
})
