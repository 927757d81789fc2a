import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { createDispatch, type Handlers } from '../../src/main/bridge/dispatch'
import { createBridgeClient } from '../../src/renderer/src/bridge/bridge-client'
import { BridgeProvider } from '../../src/renderer/src/bridge/bridge-context'
import { PhotoWorkspace } from '../../src/renderer/src/features/photos/PhotoWorkspace'
import { PhotosProvider } from '../../src/renderer/src/features/photos/photos-context'
import { createPhotosStore } from '../../src/renderer/src/features/photos/photos-store'
import '../../src/renderer/src/ui/tokens.css'
import '../../src/renderer/src/ui/base.css'
import '../../src/renderer/src/app/app.css'
import type { Point } from '../../src/shared/geometry/point'
import { measure, pxPerMm } from '../../src/shared/photos/calibration'
import type { Measurement, PhotoDetail } from '../../src/shared/photos/photo'
import { probe, twoToneImageUrl } from './photo-image'

const PHOTO_ID = '6f1c7d0e-8a4b-4c52-9a39-2f0b8d6c1e11'

/**
 * The workspace over the real bridge dispatch (main's validation), with the photo store behind
 * it kept in memory, since this layer runs without SQLite.
 */
async function renderWorkspace() {
  let photo: PhotoDetail = {
    id: PHOTO_ID,
    patientId: '0b7e2f4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
    sha256: 'a'.repeat(64),
    format: 'jpeg',
    originalName: 'top.jpg',
    byteSize: 1000,
    width: 1200,
    height: 900,
    takenAt: '2026-03-14T09:41:00',
    takenAtSource: 'exif',
    view: 'top',
    caption: '',
    calibration: null,
    importedAt: '2026-03-14T10:00:00.000Z',
    updatedAt: '2026-03-14T10:00:00.000Z',
    revision: 1,
    measurementCount: 0,
    measurements: [],
  }
  const dispatch = createDispatch({
    'photos.get': () => photo,
    'photos.calibrate': ({ calibration, revision }) => {
      if (revision !== photo.revision) throw new Error('stale revision')
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
  } as Partial<Handlers> as Handlers)
  const imageUrl = await twoToneImageUrl(1200, 900)
  const bridge = { ...createBridgeClient((name, input) => dispatch(name, input)), photoUrl: () => imageUrl }
  const store = createPhotosStore(bridge)
  await store.getState().openPhoto(PHOTO_ID)
  const screen = await render(
    <div style={{ width: 1100, height: 720 }}>
      <BridgeProvider client={bridge}>
        <PhotosProvider store={store}>
          <PhotoWorkspace />
        </PhotosProvider>
      </BridgeProvider>
    </div>,
  )
  const holder = screen.container.querySelector('.photo-canvas') as HTMLElement
  await expect.poll(() => holder.querySelector('canvas')).toBeTruthy()
  const canvas = holder.querySelector('canvas') as HTMLCanvasElement
  await expect
    .poll(() => probe(canvas, holder.getBoundingClientRect().width / 2, holder.getBoundingClientRect().height / 2))
    .toBe('green')
  const content = page.elementLocator(holder.querySelector('.konvajs-content') as HTMLElement)
  const scale = () => Number(holder.dataset.scale)
  /**
   * Clicks the photo at a point given in photo pixels, with the real mouse. Reads the layout
   * at each click: the panel settling can resize the stage, and the fitted photo moves with it.
   */
  const clickPhoto = (p: Point) => {
    const { width, height } = holder.getBoundingClientRect()
    const s = scale()
    return userEvent.click(content, {
      position: { x: (width - 1200 * s) / 2 + p.x * s, y: (height - 900 * s) / 2 + p.y * s },
    })
  }
  return { screen, clickPhoto, scale, current: () => photo }
}

describe('PhotoWorkspace', () => {
  it('calibrates from a ruler line drawn on the photo, then measures an area in cm²', async () => {
    const { screen, clickPhoto, scale, current } = await renderWorkspace()
    await expect.element(screen.getByText(/Not calibrated/)).toBeVisible()

    await userEvent.keyboard('c')
    await clickPhoto({ x: 100, y: 835 })
    await clickPhoto({ x: 600, y: 835 })
    await screen.getByRole('textbox', { name: 'Real length (mm)' }).fill('50')
    await screen.getByRole('button', { name: 'Save calibration' }).click()

    await expect.element(screen.getByText(/Calibrated:/)).toBeVisible()
    const calibrated = current().calibration
    // A click lands within half a screen pixel of where it was aimed.
    const tolerance = 1 / scale()
    expect(calibrated?.lengthMm).toBe(50)
    expect(pxPerMm(calibrated)).toBeCloseTo(10, 1)
    expect(Math.abs((pxPerMm(calibrated) ?? 0) - 10)).toBeLessThan((2 * tolerance) / 50)
    await expect.element(screen.getByText(`${(pxPerMm(calibrated) ?? 0).toFixed(2)} px/mm`)).toBeVisible()

    await userEvent.keyboard('a')
    for (const corner of [
      { x: 300, y: 300 },
      { x: 700, y: 300 },
      { x: 700, y: 600 },
      { x: 300, y: 600 },
    ]) {
      await clickPhoto(corner)
    }
    await userEvent.keyboard('{Enter}')

    await expect.poll(() => current().measurements.length).toBe(1)
    const area = current().measurements[0] as Measurement
    expect(area.kind).toBe('area')
    expect(area.points).toHaveLength(4)
    // 400 × 300 photo px at 10 px/mm is 40 × 30 mm = 12 cm².
    const cm2 = measure(area, pxPerMm(calibrated)).value
    expect(cm2).toBeCloseTo(12, 0)
    await expect
      .element(screen.getByRole('list', { name: 'Measurements' }).getByText(`${cm2.toFixed(2)} cm²`))
      .toBeVisible()
  })

  it('says a photo is uncalibrated and measures in pixels until it is', async () => {
    const { screen, clickPhoto } = await renderWorkspace()
    await userEvent.keyboard('m')
    await clickPhoto({ x: 100, y: 100 })
    await clickPhoto({ x: 400, y: 500 })
    // 300 × 400 photo px apart: 500 px.
    await expect.element(screen.getByRole('list', { name: 'Measurements' }).getByText(/^(49\d|50\d) px$/)).toBeVisible()
    await expect.element(screen.getByText(/Not calibrated: lengths and areas are in pixels/)).toBeVisible()
  })
})
