import { afterEach, describe, expect, it } from 'vitest'
import { cdp } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { renderViewFile, type ViewRenderRequest } from '../../src/renderer/src/features/sheets/render-view'
import type { BlockContext } from '../../src/renderer/src/features/sheets/SheetBlocks'
import { SheetDocument } from '../../src/renderer/src/features/sheets/SheetDocument'
import { buildScene, sceneStyles } from '../../src/renderer/src/features/simulation/simulation-scene'
import '../../src/renderer/src/ui/tokens.css'
import '../../src/renderer/src/ui/base.css'
import '../../src/renderer/src/app/app.css'
import { CLINIC_DEFAULTS } from '../../src/shared/clinic/clinic-details'
import type { Design, DesignDocument } from '../../src/shared/design/design-types'
import type { Patient } from '../../src/shared/patients/patient'
import { DEFAULT_PIGMENTS } from '../../src/shared/plan/default-pigments'
import { addDays } from '../../src/shared/plan/plan-dates'
import type { PlanDraft } from '../../src/shared/plan/plan-types'
import { CLINICAL_DEFAULTS, type ClinicalSettings } from '../../src/shared/settings/clinical-defaults'
import { PX_PER_MM } from '../../src/shared/sheets/paper'
import { scaleBarFor } from '../../src/shared/sheets/scale-bar'
import { figureSize, sheetFrame } from '../../src/shared/sheets/sheet-layout'
import { buildSheet, type SheetOptions } from '../../src/shared/sheets/sheet-model'
import { p, zone } from '../fixtures/designs'
import { validFields } from '../fixtures/patients'
import { photoRecord } from '../fixtures/photo-record'
import { session, share } from '../fixtures/plans'
import { pngPixels } from './png-pixels'

/** Healed dots the size the drawing checks were made for (the fact sheet's are a pixel or two here). */
const settings: ClinicalSettings = {
  ...(structuredClone(CLINICAL_DEFAULTS) as ClinicalSettings),
  healedDotMm: { '1RL': 0.25, '3RL': 0.4 },
}
const ZONE = zone({
  id: 'frontal',
  name: 'Frontal',
  colour: '#4cc9f0',
  points: [p(300, 200), p(900, 200), p(900, 600), p(300, 600)],
})
const ZONE_RGB = [0x4c, 0xc9, 0xf0]
const DOCUMENT: DesignDocument = { schema: 1, objects: [ZONE] }
const DESIGN: Design = {
  id: 'design-1',
  patientId: 'patient-1',
  photoId: 'photo-1',
  revision: 1,
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  document: DOCUMENT,
}
// 1200 × 900 at 10 px/mm.
const PHOTO = photoRecord({
  id: 'photo-1',
  patientId: 'patient-1',
  view: 'front',
  calibration: { a: p(100, 850), b: p(600, 850), lengthMm: 50 },
})
const PATIENT: Patient = {
  ...validFields({ fullName: 'Iris Lindqvist' }),
  id: 'patient-1',
  createdAt: '2026-01-01T09:00:00.000Z',
  updatedAt: '2026-01-01T09:00:00.000Z',
  archivedAt: null,
  revision: 1,
}
const plan = (count: number): PlanDraft => ({
  technique: 'permanent',
  sessions: Array.from({ length: count }, (_, i) =>
    session({
      id: `s${i + 1}`,
      startsAt: `${addDays('2026-04-01', 14 * i)}T09:00`,
      treatments: i < 3 ? [share(DESIGN.id, ZONE.id, 0.3)] : [],
    }),
  ),
})

/** A flat skin-toned photo, as a URL the view renderer loads like a photo file. */
async function skinPhotoUrl(): Promise<string> {
  const canvas = new OffscreenCanvas(1200, 900)
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
  context.fillStyle = '#d8b49a'
  context.fillRect(0, 0, 1200, 900)
  return URL.createObjectURL(await canvas.convertToBlob({ type: 'image/png' }))
}

function pixels(picture: ImageData) {
  const { data, width } = picture
  const at = (x: number, y: number) => Array.from(data.subarray((y * width + x) * 4, (y * width + x) * 4 + 3))
  /** Share of a box's pixels darker than the skin by far: pigment dots, the scale bar. */
  const dark = (x0: number, y0: number, w: number, h: number) => {
    let n = 0
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) if ((at(x, y)[0] as number) < 110) n++
    return n / (w * h)
  }
  return { at, dark }
}

async function request(withLayers: boolean): Promise<ViewRenderRequest> {
  const draft = plan(3)
  const scene = buildScene({
    designId: DESIGN.id,
    document: DOCUMENT,
    pxPerMm: 10,
    draft,
    pigments: DEFAULT_PIGMENTS,
    settings,
  })
  if (!scene.input) throw new Error(scene.reason ?? 'no scene')
  return {
    photoUrl: await skinPhotoUrl(),
    image: { width: 1200, height: 900 },
    document: DOCUMENT,
    pxPerMm: 10,
    scaleBar: scaleBarFor(10, 1200),
    pigment: withLayers ? { input: scene.input, styles: sceneStyles(scene, '2026-04-29', settings) } : null,
    output: { width: 600, height: 450 },
    overlayWidth: 600,
  }
}

describe('a view drawn for a sheet or a PNG', () => {
  it('is the asked size, with the zone’s outline, the chosen sessions’ dots inside it only, and a scale bar', async () => {
    const picture = await pngPixels(await renderViewFile(await request(true), 'image/png'), 600, 450)
    expect([picture.width, picture.height]).toEqual([600, 450])
    const { at, dark } = pixels(picture)
    // The zone's left edge, x = 300 photo px, is 150 px across at half size: drawn in its colour.
    const onOutline = (y: number) =>
      [148, 149, 150, 151, 152].some((x) => at(x, y).every((c, i) => Math.abs(c - (ZONE_RGB[i] ?? 0)) < 40))
    expect(onOutline(200)).toBe(true)
    // The design is drawn in bands of 128 rows: the outline runs on unbroken across the joins.
    for (const join of [128, 256])
      expect([-3, -2, -1, 0, 1, 2].map((d) => onOutline(join + d))).toEqual([true, true, true, true, true, true])
    expect(dark(175, 125, 100, 80)).toBeGreaterThan(0.02)
    expect(dark(380, 330, 150, 80)).toBe(0)
    // The 2 cm bar (200 photo px, 100 output px) sits in the lower left corner.
    expect(dark(10, 400, 140, 40)).toBeGreaterThan(0.05)
  })

  it('refuses with a clear message when the photo is missing or is not a picture', async () => {
    const base = await request(true)
    const missing = URL.createObjectURL(new Blob(['x']))
    URL.revokeObjectURL(missing)
    await expect(renderViewFile({ ...base, photoUrl: missing }, 'image/png')).rejects.toThrow(
      'The photo file could not be loaded.',
    )
    const notAPicture = URL.createObjectURL(new Blob(['not a picture'], { type: 'image/jpeg' }))
    await expect(renderViewFile({ ...base, photoUrl: notAPicture }, 'image/jpeg')).rejects.toThrow(
      'The photo file could not be loaded.',
    )
    // And the next picture is drawn as before.
    expect((await pngPixels(await renderViewFile(base, 'image/png'), 600, 450)).width).toBe(600)
  })

  it('shows the design alone, zones tinted, when no session is chosen', async () => {
    const picture = await pngPixels(await renderViewFile(await request(false), 'image/png'), 600, 450)
    const { at, dark } = pixels(picture)
    expect(dark(175, 125, 100, 80)).toBe(0)
    // Tinted with the zone's colour: bluer than the bare skin beside it.
    expect((at(200, 150)[2] as number) - (at(500, 350)[2] as number)).toBeGreaterThan(15)
  })
})

function sheetContext(sessions: number, page: Pick<SheetOptions, 'paper' | 'orientation'>): BlockContext {
  const draft = plan(sessions)
  const model = buildSheet(
    {
      patient: PATIENT,
      photos: [PHOTO],
      designs: [DESIGN],
      draft,
      pigments: DEFAULT_PIGMENTS,
      settings,
      clinic: { ...CLINIC_DEFAULTS, name: 'Harbour Clinic' },
      today: '2026-03-30',
    },
    { ...page, designIds: [DESIGN.id], sessionIds: draft.sessions.map((s) => s.id) },
  )
  return { model, images: new Map(), figures: [{ key: 'view', size: figureSize(sheetFrame(page), PHOTO) }] }
}

const mm = (px: number) => px / PX_PER_MM

describe('the print view', () => {
  afterEach(async () => {
    await cdp().send('Emulation.setEmulatedMedia', { media: '' })
    document.documentElement.dataset.theme = 'dark'
  })

  it('lays a long plan on true-size pages, numbered, with nothing running past a page’s content box', async () => {
    const screen = await render(<SheetDocument context={sheetContext(40, { paper: 'a4', orientation: 'portrait' })} />)
    const pages = [...screen.container.querySelectorAll<HTMLElement>('.sheet-page')]
    expect(pages.length).toBeGreaterThan(2)
    for (const [i, page] of pages.entries()) {
      const box = page.getBoundingClientRect()
      expect(mm(box.width)).toBeCloseTo(210, 1)
      expect(mm(box.height)).toBeCloseTo(297, 1)
      expect(page.querySelector('.sheet-page__footer')?.textContent).toContain(`Page ${i + 1} of ${pages.length}`)
      const content = page.querySelector('.sheet-page__content') as HTMLElement
      const bottom = content.getBoundingClientRect().bottom
      for (const block of content.children)
        expect(block.getBoundingClientRect().bottom).toBeLessThanOrEqual(bottom + 0.5)
    }
    // Every session is on exactly one page, and the table says where it carries on.
    const rows = [...screen.container.querySelectorAll('.sheet-print .sheet-table--sessions tbody tr')]
    expect(rows.map((r) => r.firstElementChild?.textContent)).toEqual(Array.from({ length: 40 }, (_, i) => `${i + 1}`))
    expect(screen.container.querySelector('.sheet-print')?.textContent).toContain('(continued)')
  })

  it('is light paper in the dark theme, and in print media it is all that shows', async () => {
    document.documentElement.dataset.theme = 'dark'
    const screen = await render(
      <div className="app-shell">
        <aside className="sidebar">Patients: Someone Else</aside>
        <main className="workspace">
          <SheetDocument context={sheetContext(3, { paper: 'letter', orientation: 'landscape' })} />
        </main>
      </div>,
    )
    const page = screen.container.querySelector('.sheet-page') as HTMLElement
    expect(getComputedStyle(page).backgroundColor).toBe('rgb(255, 255, 255)')
    expect(getComputedStyle(page).color).toBe('rgb(28, 28, 30)')

    await cdp().send('Emulation.setEmulatedMedia', { media: 'print' })
    const sidebar = screen.container.querySelector('.sidebar') as HTMLElement
    const measure = screen.container.querySelector('.sheet-measure') as HTMLElement
    expect(getComputedStyle(sidebar).display).toBe('none')
    expect(getComputedStyle(measure).display).toBe('none')
    expect(getComputedStyle(screen.container.querySelector('.sheet-print') as HTMLElement).display).toBe('block')
    expect(getComputedStyle(screen.container.querySelector('.workspace') as HTMLElement).overflow).toBe('visible')
    expect(getComputedStyle(page).getPropertyValue('page')).toBe('sheet-letter-landscape')
    expect(mm(page.getBoundingClientRect().width)).toBeCloseTo(279.4, 1)
  })
})
