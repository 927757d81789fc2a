import { expect } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { createDispatch, type Handlers } from '../../src/main/bridge/dispatch'
import { pointOutsidePhoto } from '../../src/main/services/designs/design-bounds'
import { ServiceError } from '../../src/main/services/service-error'
import { ActionsProvider } from '../../src/renderer/src/actions/ActionsProvider'
import { createBridgeClient } from '../../src/renderer/src/bridge/bridge-client'
import { BridgeProvider } from '../../src/renderer/src/bridge/bridge-context'
import { DesignWorkspace } from '../../src/renderer/src/features/designer/DesignWorkspace'
import { savePlace } from '../../src/renderer/src/features/onboarding/where-you-were'
import { PhotosProvider } from '../../src/renderer/src/features/photos/photos-context'
import { createPhotosStore } from '../../src/renderer/src/features/photos/photos-store'
import '../../src/renderer/src/ui/tokens.css'
import '../../src/renderer/src/ui/base.css'
import '../../src/renderer/src/app/app.css'
import { PlanProvider } from '../../src/renderer/src/features/plan/plan-context'
import { createPlanStore } from '../../src/renderer/src/features/plan/plan-store'
import type { Design, DesignDocument } from '../../src/shared/design/design-types'
import type { Point } from '../../src/shared/geometry/point'
import type { Calibration, Measurement, PhotoDetail } from '../../src/shared/photos/photo'
import { DEFAULT_PIGMENTS } from '../../src/shared/plan/default-pigments'
import type { PlanDraft, TreatmentPlan } from '../../src/shared/plan/plan-types'
import { CLINICAL_DEFAULTS, type ClinicalSettings } from '../../src/shared/settings/clinical-defaults'
import { designRecord } from '../fixtures/design-record'
import { validFields } from '../fixtures/patients'
import { photoRecord } from '../fixtures/photo-record'
import { probe, twoToneImageUrl } from './photo-image'

/**
 * The clinical defaults with healed dots 0.25 mm (1RL) and 0.4 mm (3RL): 2.5–4 px at 10 px/mm,
 * big enough for the drawing tests to tell each dot apart (the fact sheet's 0.10–0.14 mm are not).
 */
export const WORKSPACE_SETTINGS: ClinicalSettings = {
  ...(structuredClone(CLINICAL_DEFAULTS) as ClinicalSettings),
  healedDotMm: { '1RL': 0.25, '3RL': 0.4 },
}

export const PHOTO_ID = '6f1c7d0e-8a4b-4c52-9a39-2f0b8d6c1e11'
export const IMAGE = { width: 1200, height: 900 }
/** A 50 mm ruler line 500 px long: 10 px/mm exactly. */
export const TEN_PX_PER_MM: Calibration = { a: { x: 100, y: 830 }, b: { x: 600, y: 830 }, lengthMm: 50 }

/**
 * The real workspace over the real bridge dispatch (main's validation of every call), with the
 * photo and its design kept in memory, since this layer runs without SQLite. Designs are stored
 * the way the service stores them: revision checked, points on the photo, one per photo.
 */
export const DESIGN_ID = '3c9e1f7a-52b4-4d8e-9f60-7a1b2c3d4e5f'
export const PATIENT_ID = '0b7e2f4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b'

export async function renderWorkspace(
  options: {
    calibration?: Calibration | null
    /** A design already saved for the photo, as `DESIGN_ID`. */
    design?: DesignDocument
    /** The patient's treatment plan, already saved. */
    plan?: PlanDraft
    /** When import removed the photo's GPS position. */
    locationRemovedAt?: string | null
    /** Keeps the zoom and tool saved for the photo by an earlier render, as a reopened app does. */
    keepPlace?: boolean
  } = {},
) {
  let photo: PhotoDetail = {
    ...photoRecord({
      id: PHOTO_ID,
      patientId: PATIENT_ID,
      calibration: options.calibration ?? null,
      locationRemovedAt: options.locationRemovedAt ?? null,
    }),
    measurements: [],
  }
  let design: Design | null = options.design
    ? designRecord({ id: DESIGN_ID, patientId: PATIENT_ID, photoId: PHOTO_ID, document: options.design })
    : null
  let plan: TreatmentPlan = {
    patientId: PATIENT_ID,
    revision: options.plan ? 1 : 0,
    updatedAt: null,
    ...(options.plan ?? { technique: 'permanent', sessions: [] }),
  }
  const saves: DesignDocument[] = []
  const planSaves: PlanDraft[] = []
  const dispatch = createDispatch({
    'photos.get': () => photo,
    'photos.calibrate': ({ calibration, revision }) => {
      if (revision !== photo.revision) throw new ServiceError('conflict', 'stale revision')
      photo = { ...photo, calibration, revision: photo.revision + 1 }
      return photo
    },
    'measurements.add': ({ photoId, measurement }) => {
      const saved: Measurement = { id: crypto.randomUUID(), photoId, createdAt: '', ...measurement }
      photo = {
        ...photo,
        measurements: [...photo.measurements, saved],
        measurementCount: photo.measurements.length + 1,
      }
      return saved
    },
    'measurements.delete': ({ id }) => {
      const measurements = photo.measurements.filter((m) => m.id !== id)
      photo = { ...photo, measurements, measurementCount: measurements.length }
      return { id }
    },
    'measurements.rename': ({ id, label }) => {
      photo = { ...photo, measurements: photo.measurements.map((m) => (m.id === id ? { ...m, label } : m)) }
      return photo.measurements.find((m) => m.id === id) as Measurement
    },
    'designs.forPhoto': () => design,
    'designs.forPatient': () => (design ? [design] : []),
    'photos.list': () => [photo],
    'patients.get': () => ({
      ...validFields(),
      id: PATIENT_ID,
      createdAt: '2026-01-05T09:00:00.000Z',
      updatedAt: '2026-01-05T09:00:00.000Z',
      archivedAt: null,
      revision: 1,
    }),
    'pigments.list': () => DEFAULT_PIGMENTS.map((p) => ({ ...p, revision: 1 })),
    'settings.get': () => ({ settings: structuredClone(WORKSPACE_SETTINGS), revision: 0 }),
    'plans.get': () => plan,
    'plans.save': ({ draft, baseRevision }) => {
      if (baseRevision !== plan.revision) throw new ServiceError('conflict', 'changed elsewhere')
      plan = { ...plan, ...structuredClone(draft), revision: plan.revision + 1, updatedAt: new Date().toISOString() }
      planSaves.push(structuredClone(draft))
      return plan
    },
    'designs.save': ({ photoId, baseRevision, document }) => {
      const outside = pointOutsidePhoto(document, photo)
      if (outside) throw new ServiceError('invalid_input', outside.message)
      if ((design?.revision ?? null) !== baseRevision) throw new ServiceError('conflict', 'changed elsewhere')
      const now = new Date().toISOString()
      design = {
        id: design?.id ?? crypto.randomUUID(),
        patientId: photo.patientId,
        photoId,
        revision: (design?.revision ?? 0) + 1,
        createdAt: design?.createdAt ?? now,
        updatedAt: now,
        document: structuredClone(document),
      }
      saves.push(structuredClone(document))
      return design
    },
  } as Partial<Handlers> as Handlers)
  // A test opens the photo for the first time unless it asks otherwise: the zoom and tool an earlier
  // test (or file: the browser's storage is shared) left on this photo would otherwise be restored.
  if (!options.keepPlace) savePlace({ patientId: null, photoId: null, viewport: null, tool: null })
  const imageUrl = await twoToneImageUrl(IMAGE.width, IMAGE.height)
  const bridge = { ...createBridgeClient((name, input) => dispatch(name, input)), photoUrl: () => imageUrl }
  const store = createPhotosStore(bridge)
  await store.getState().openPhoto(PHOTO_ID)
  const planStore = createPlanStore(bridge, PATIENT_ID)
  await planStore.getState().load()
  const screen = await render(
    <div style={{ width: 1100, height: 720 }}>
      <BridgeProvider client={bridge}>
        <ActionsProvider>
          <PhotosProvider store={store}>
            <PlanProvider store={planStore}>
              <DesignWorkspace />
            </PlanProvider>
          </PhotosProvider>
        </ActionsProvider>
      </BridgeProvider>
    </div>,
  )
  await expect.poll(() => screen.container.querySelector('.photo-canvas canvas')).toBeTruthy()
  const holder = screen.container.querySelector('.photo-canvas') as HTMLElement
  const content = holder.querySelector('.konvajs-content') as HTMLElement
  const centre = () => ({ x: holder.getBoundingClientRect().width / 2, y: holder.getBoundingClientRect().height / 2 })
  // The photo is drawn once it has loaded: the middle of the stage shows its green square.
  await expect.poll(() => probe(photoLayer(holder), centre().x, centre().y)).toBe('green')

  const scale = () => Number(holder.dataset.scale)
  /**
   * Where a photo pixel is, in CSS pixels from the stage's top-left corner. Read at each use:
   * the panel settling can resize the stage, and the fitted photo moves with it.
   */
  const toStage = (p: Point): Point => stagePoint(holder, p)
  /** Clicks the photo at a point given in photo pixels, with the real mouse. */
  const clickPhoto = (p: Point) => userEvent.click(page.elementLocator(content), { position: toStage(p) })
  /** Presses at one photo point, moves through the others and releases at the last, with the real mouse. */
  const dragPhoto = async (from: Point, ...to: Point[]) => {
    const box = content.getBoundingClientRect()
    const at = (p: Point) => {
      const s = toStage(p)
      return { x: box.left + s.x, y: box.top + s.y }
    }
    await userEvent.pointer([
      { coords: at(from) },
      { keys: '[MouseLeft>]' },
      ...to.map((p) => ({ coords: at(p) })),
      { keys: '[/MouseLeft]' },
    ])
  }
  /** What the stage shows at a photo point, all layers composited (the design over the photo). */
  const pixelAt = (p: Point) => {
    const s = toStage(p)
    return compositeAt(holder, s.x, s.y)
  }

  return {
    screen,
    holder,
    clickPhoto,
    dragPhoto,
    pixelAt,
    toStage,
    scale,
    current: () => photo,
    design: () => design,
    saves,
    planStore,
    planSaves,
  }
}

/** The canvas of the photo's own layer (Konva draws each layer on its own canvas). */
export const photoLayer = (holder: HTMLElement) => holder.querySelector('canvas') as HTMLCanvasElement

/** Where a photo pixel is while the photo is fitted, in CSS pixels from the canvas's top-left corner. */
export function stagePoint(holder: HTMLElement, p: Point): Point {
  const { width, height } = holder.getBoundingClientRect()
  const s = Number(holder.dataset.scale)
  return { x: (width - IMAGE.width * s) / 2 + p.x * s, y: (height - IMAGE.height * s) / 2 + p.y * s }
}

export type Rgb = [number, number, number]

/**
 * The colour the user sees at a point in CSS pixels of the stage: every layer's canvas
 * composited in order with its alpha, as the browser stacks them.
 */
export function compositeAt(holder: HTMLElement, x: number, y: number): Rgb {
  let out: Rgb = [0, 0, 0]
  for (const canvas of holder.querySelectorAll('canvas')) {
    const ratio = canvas.width / canvas.getBoundingClientRect().width
    const context = canvas.getContext('2d') as CanvasRenderingContext2D
    const [r = 0, g = 0, b = 0, a = 0] = context.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data
    const alpha = a / 255
    // Canvas image data is not premultiplied: blend each layer over what lies beneath.
    out = [r * alpha + out[0] * (1 - alpha), g * alpha + out[1] * (1 - alpha), b * alpha + out[2] * (1 - alpha)]
  }
  return out.map(Math.round) as Rgb
}

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

/** How far apart two colours are, channel by channel at worst. */
export const colourDistance = (a: Rgb, b: Rgb) => Math.max(...a.map((v, i) => Math.abs(v - (b[i] as number))))

/** `under` tinted by `colour` at `alpha`, as a translucent fill draws it. */
export const tinted = (under: Rgb, colour: Rgb, alpha: number): Rgb =>
  under.map((v, i) => Math.round((colour[i] as number) * alpha + v * (1 - alpha))) as Rgb
