import { expect, it } from 'vitest'
import { advance, bakePhoto, composeView, type PigmentSource, type PigmentTile, recompose } from './view-cache'

/** A 1200 × 800 photo seen whole at half size: a 600 × 400 view, four bands of device rows. */
const IMAGE = { width: 1200, height: 800 }
const DEVICE = { scale: 0.5, x: 0, y: 0 }

function photo(): OffscreenCanvas {
  const canvas = new OffscreenCanvas(IMAGE.width, IMAGE.height)
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
  const gradient = context.createLinearGradient(0, 0, IMAGE.width, IMAGE.height)
  gradient.addColorStop(0, '#e8c4a8')
  gradient.addColorStop(1, '#6b4a3a')
  context.fillStyle = gradient
  context.fillRect(0, 0, IMAGE.width, IMAGE.height)
  return canvas
}

/**
 * Six 400 px tiles over the photo, as the dot worker sends them: stippled bitmaps of `tone`,
 * the last one blank (one white pixel stretched over its rectangle).
 */
async function tiles(tone: number): Promise<PigmentTile[]> {
  const out: PigmentTile[] = []
  for (let row = 0; row < 2; row++)
    for (let column = 0; column < 3; column++) {
      const rect = { x: column * 400, y: row * 400, width: 400, height: 400 }
      if (row === 1 && column === 2) {
        const white = new ImageData(new Uint8ClampedArray([255, 255, 255, 255]), 1, 1)
        out.push({ rect, bitmap: await createImageBitmap(white) })
        continue
      }
      const data = new Uint8ClampedArray(200 * 200 * 4).fill(255)
      for (let i = 0; i < 200 * 200; i += 7 + row + column) {
        data[i * 4] = tone
        data[i * 4 + 1] = tone / 2
        data[i * 4 + 2] = tone / 3
      }
      out.push({ rect, bitmap: await createImageBitmap(new ImageData(data, 200, 200)) })
    }
  return out
}

const source = (layer: readonly PigmentTile[], frame: number): PigmentSource => ({
  tilesFor: () => layer,
  setView: () => {},
  frame: () => frame,
  drawing: () => false,
  subscribe: () => () => {},
})

const pixels = (canvas: OffscreenCanvas, top = 0, rows = canvas.height) =>
  (canvas.getContext('2d') as OffscreenCanvasRenderingContext2D).getImageData(0, top, canvas.width, rows).data

it('takes new pigment one band a call, top first, and ends with the pixels a fresh composition has', async () => {
  const baked = bakePhoto({ photo: photo(), image: IMAGE, seen: { x: 0, y: 0, ...IMAGE }, device: DEVICE })
  expect([baked.bitmap.width, baked.bitmap.height]).toEqual([600, 400])
  const before = composeView(baked, source(await tiles(40), 1), 1)
  const after = source(await tiles(160), 2)
  const fresh = composeView(baked, after, 2)
  const oldPixels = pixels(before.bitmap)
  const view = recompose(before, after, 2)
  expect(view.pending?.rows).toEqual([
    [0, 128],
    [128, 256],
    [256, 384],
    [384, 400],
  ])
  // Band by band: the rows drawn so far are the new picture's, the rest still the old one's.
  for (let band = 1; band <= 4; band++) {
    expect(advance(view, 1)).toBe(band < 4)
    const drawn = Math.min(400, band * 128)
    expect(pixels(view.bitmap, 0, drawn)).toEqual(pixels(fresh.bitmap, 0, drawn))
    if (drawn < 400) expect(pixels(view.bitmap, drawn, 400 - drawn)).toEqual(oldPixels.slice(drawn * 600 * 4))
  }
  expect(view.pending).toBeNull()
  expect(advance(view, 1)).toBe(false)
  // The new pigment differs from the old where the stippled tiles lie, so the comparison above means something.
  expect(pixels(fresh.bitmap)).not.toEqual(oldPixels)
})

it('draws every band in one call when asked to, as a picture made for a file does', async () => {
  const baked = bakePhoto({ photo: photo(), image: IMAGE, seen: { x: 0, y: 0, ...IMAGE }, device: DEVICE })
  const after = source(await tiles(90), 2)
  const view = recompose(composeView(baked, source(await tiles(20), 1), 1), after, 2)
  expect(advance(view, Number.POSITIVE_INFINITY)).toBe(false)
  expect(pixels(view.bitmap)).toEqual(pixels(composeView(baked, after, 2).bitmap))
})

it('draws again only where a tile changed, in one call for an edit, with exactly the pixels a fresh composition has', async () => {
  const baked = bakePhoto({ photo: photo(), image: IMAGE, seen: { x: 0, y: 0, ...IMAGE }, device: DEVICE })
  const first = await tiles(40)
  const edited = [...first]
  // The middle tile of the lower row (photo 400–800 px both ways: device 200–400) is drawn anew.
  edited[4] = (await tiles(160))[4] as PigmentTile
  const view = recompose(composeView(baked, source(first, 1), 1), source(edited, 2), 2)
  // Only the bands the tile crosses, device rows 198–400 with the seam.
  expect(view.pending?.rows).toEqual([
    [128, 256],
    [256, 384],
    [384, 400],
  ])
  // A mark where nothing changed stays: those pixels are not drawn again.
  const context = view.bitmap.getContext('2d') as OffscreenCanvasRenderingContext2D
  context.fillStyle = '#ff0000'
  context.fillRect(20, 300, 10, 10)
  const mark = () => context.getImageData(20, 300, 10, 10).data
  const marked = mark()
  expect(marked.slice(0, 4)).toEqual(new Uint8ClampedArray([255, 0, 0, 255]))
  // A tile's change is one 206 × 202 px part: far under a frame's budget, drawn in one call.
  expect(advance(view, 400_000)).toBe(false)
  expect(mark()).toEqual(marked)
  const fresh = composeView(baked, source(edited, 2), 2)
  const inside = (canvas: OffscreenCanvas) =>
    (canvas.getContext('2d') as OffscreenCanvasRenderingContext2D).getImageData(198, 198, 204, 202).data
  expect(inside(view.bitmap)).toEqual(inside(fresh.bitmap))
  expect(inside(fresh.bitmap)).not.toEqual(inside(composeView(baked, source(first, 1), 1).bitmap))
})

it('draws the whole view again when new pigment comes before the last came in whole, and when nothing changed draws nothing', async () => {
  const baked = bakePhoto({ photo: photo(), image: IMAGE, seen: { x: 0, y: 0, ...IMAGE }, device: DEVICE })
  const [a, b, c] = [await tiles(40), await tiles(100), await tiles(160)]
  const settled = composeView(baked, source(a, 1), 1)
  expect(recompose(settled, source(a, 2), 2).pending).toBeNull()
  const halfway = recompose(settled, source(b, 2), 2)
  expect(advance(halfway, 1)).toBe(true)
  // Rows still pending show `a`, not `b`: an edit diffed against `b` alone would leave them so.
  const next = recompose(halfway, source([...b.slice(0, 5), c[5] as PigmentTile], 3), 3)
  expect(next.pending?.rows).toHaveLength(4)
  expect(advance(next, Number.POSITIVE_INFINITY)).toBe(false)
  expect(pixels(next.bitmap)).toEqual(
    pixels(composeView(baked, source([...b.slice(0, 5), c[5] as PigmentTile], 3), 3).bitmap),
  )
})
