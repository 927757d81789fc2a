import { expect, it } from 'vitest'
import { render } from 'vitest-browser-react'
import { twoToneImageUrl } from '../../../../../test/browser/photo-image'
import { createViewportStore } from '../../canvas/viewport-store'
import { PhotoCanvas } from './PhotoCanvas'
import type { PigmentSource, PigmentTile } from './view-cache'

/** A 1200 × 800 photo fitted to a 600 × 400 stage: the view is the whole photo at half size. */
const IMAGE = { width: 1200, height: 800 }
const STAGE = { width: 600, height: 400 }

/** A pigment source whose tiles the test replaces, as the dot worker's new tiles replace the old. */
class Pigment implements PigmentSource {
  private listeners = new Set<() => void>()
  private current = 0
  private busy = false
  constructor(private layer: readonly PigmentTile[]) {}
  tilesFor = () => this.layer
  setView = () => {}
  frame = () => this.current
  drawing = () => this.busy
  subscribe = (onChange: () => void) => {
    this.listeners.add(onChange)
    return () => this.listeners.delete(onChange)
  }
  /** The worker has started on new tiles; the old ones are still what there is. */
  startDrawing(): void {
    this.busy = true
    for (const listener of this.listeners) listener()
  }
  replace(layer: readonly PigmentTile[]): void {
    this.layer = layer
    this.busy = false
    this.current += 1
    for (const listener of this.listeners) listener()
  }
}

/** Twenty-four 200 px tiles of stippled `tone` over the photo, one blank (one white pixel stretched). */
async function tiles(tone: number): Promise<PigmentTile[]> {
  const out: PigmentTile[] = []
  for (let row = 0; row < 4; row++)
    for (let column = 0; column < 6; column++) {
      const rect = { x: column * 200, y: row * 200, width: 200, height: 200 }
      const size = row === 3 && column === 5 ? 1 : 100
      const data = new Uint8ClampedArray(size * size * 4).fill(255)
      if (size > 1)
        for (let i = 0; i < size * size; i += 5 + row + column) {
          data[i * 4] = tone
          data[i * 4 + 1] = tone / 2
          data[i * 4 + 2] = tone / 3
        }
      out.push({ rect, bitmap: await createImageBitmap(new ImageData(data, size, size)) })
    }
  return out
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve))

/** The canvas and its holder, the element that says whether its picture is still on its way. */
async function mountCanvas(pigment: Pigment, url: string): Promise<HTMLCanvasElement> {
  const screen = await render(
    <div style={{ width: STAGE.width, height: STAGE.height, display: 'grid' }}>
      <PhotoCanvas
        viewport={createViewportStore(IMAGE)}
        imageUrl={url}
        calibration={null}
        measurements={[]}
        label="Test photo"
        pigment={pigment}
      />
    </div>,
  )
  await expect.poll(() => screen.container.querySelector('canvas')).toBeTruthy()
  return screen.container.querySelector('canvas') as HTMLCanvasElement
}

const pixels = (canvas: HTMLCanvasElement) =>
  (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height).data

const same = (a: Uint8ClampedArray, b: Uint8ClampedArray) => a.length === b.length && a.every((v, i) => v === b[i])

it('draws every tile of new pigment in the end, the same pixels as a canvas shown that pigment from the start', async () => {
  const url = await twoToneImageUrl(IMAGE.width, IMAGE.height)
  const [oldTiles, newTiles] = [await tiles(40), await tiles(170)]
  // The reference: a canvas given the new tiles from its first frame, once its photo has loaded and settled.
  const reference = await mountCanvas(new Pigment(newTiles), url)
  let expected = pixels(reference)
  await expect
    .poll(() => {
      const now = pixels(reference)
      const settled = same(now, expected) && now.some((v, i) => i % 4 === 1 && v > 100)
      expected = now
      return settled
    })
    .toBe(true)

  const pigment = new Pigment(oldTiles)
  const canvas = await mountCanvas(pigment, url)
  await expect.poll(() => pixels(canvas).some((v, i) => i % 4 === 1 && v > 100)).toBe(true)
  const before = pixels(canvas)
  expect(same(before, expected)).toBe(false)
  pigment.replace(newTiles)
  // Taken in over several frames, band by band; every band ends up drawn.
  await expect.poll(() => same(pixels(canvas), expected)).toBe(true)
})

it('says it is busy from the moment new dots are being drawn until their last band is on screen, and whole only then', async () => {
  const url = await twoToneImageUrl(IMAGE.width, IMAGE.height)
  const [oldTiles, newTiles] = [await tiles(40), await tiles(170)]
  const reference = await mountCanvas(new Pigment(newTiles), url)
  const holder = (canvas: HTMLCanvasElement) => canvas.closest('.photo-canvas') as HTMLElement
  await expect.poll(() => holder(reference).getAttribute('aria-busy')).toBe('false')
  const expected = pixels(reference)

  const pigment = new Pigment(oldTiles)
  const canvas = await mountCanvas(pigment, url)
  await expect.poll(() => holder(canvas).getAttribute('aria-busy')).toBe('false')
  const before = pixels(canvas)
  expect(same(before, expected)).toBe(false)

  pigment.startDrawing()
  await expect.poll(() => holder(canvas).getAttribute('aria-busy')).toBe('true')
  expect(same(pixels(canvas), before)).toBe(true)

  pigment.replace(newTiles)
  await nextFrame()
  // Every frame until it says otherwise it is busy and shows something else than the new
  // picture whole; the first frame it is not busy shows exactly that picture.
  let busyFrames = 0
  while (holder(canvas).getAttribute('aria-busy') === 'true') {
    expect(same(pixels(canvas), expected)).toBe(false)
    busyFrames += 1
    expect(busyFrames).toBeLessThan(120)
    await nextFrame()
  }
  expect(same(pixels(canvas), expected)).toBe(true)
})

it('says "Drawing the layers…" while a drawing lasts long enough to notice, and not once the picture is whole', async () => {
  const url = await twoToneImageUrl(IMAGE.width, IMAGE.height)
  const [oldTiles, newTiles] = [await tiles(40), await tiles(170)]
  const pigment = new Pigment(oldTiles)
  const canvas = await mountCanvas(pigment, url)
  const holder = canvas.closest('.photo-canvas') as HTMLElement
  await expect.poll(() => holder.getAttribute('aria-busy')).toBe('false')
  const status = () => holder.querySelector('[role="status"]')?.textContent?.trim() ?? null
  expect(status()).toBeNull()
  const started = performance.now()
  pigment.startDrawing()
  await expect.poll(status).toBe('Drawing the layers…')
  expect(performance.now() - started).toBeGreaterThanOrEqual(400)
  pigment.replace(newTiles)
  await expect.poll(status).toBeNull()
  expect(holder.getAttribute('aria-busy')).toBe('false')
})
