import { expect, it } from 'vitest'
import { DotRenderer, whenBaseDrawn } from '../../src/renderer/src/features/simulation/dot-renderer'
import type { ZonedLayerStyle } from '../../src/renderer/src/features/simulation/layer-looks'
import type { ImageRect } from '../../src/renderer/src/features/simulation/raster-protocol'
import { freshLook } from '../../src/shared/simulation/dot-coverage'
import { rasterize } from '../../src/shared/simulation/rasterize'
import { type SimInput, simulate } from '../../src/shared/simulation/simulate'

/** 1600 × 1200 at scale 1: twelve 512 px base tiles, drawn one after another into one reused buffer. */
const IMAGE = { width: 1600, height: 1200 }
const square = (x: number, y: number, size: number) => [
  { x, y },
  { x: x + size, y },
  { x: x + size, y: y + size },
  { x, y: y + size },
]
const INPUT: SimInput = {
  seedKey: `tiles-${Date.now()}`,
  zones: [
    { id: 'left', polygon: square(100, 100, 700), softnessPx: 30 },
    { id: 'right', polygon: square(800, 300, 700), softnessPx: 30 },
  ],
  sessions: [
    {
      id: 's1',
      dotDiameterPx: 3,
      treatments: [
        { zoneId: 'left', densityPerPx2: 0.004, dotDiameterPx: 2 },
        { zoneId: 'right', densityPerPx2: 0.004 },
      ],
    },
    { id: 's2', dotDiameterPx: 3, treatments: [{ zoneId: 'right', densityPerPx2: 0.003 }] },
  ],
  jitter: 0.15,
}
/** The first session on its day, each zone with its own fresh look: drawn in two passes. */
const STYLES: ZonedLayerStyle[] = [
  {
    visible: true,
    opacity: 1,
    zoneColours: Float32Array.from([0.1, 0.1, 0.12, 0.8, 0.1, 0.1, 0.12, 0.9]),
    look: freshLook(1.8),
    zoneLooks: [freshLook(2), freshLook(1.8)],
  },
  { visible: true, opacity: 0.7, zoneColours: Float32Array.from([0.2, 0.1, 0.1, 1, 0.2, 0.1, 0.1, 1]) },
]

it('draws the whole photo’s dots in tiles, and a sharp detail, exactly as one full render does', async () => {
  const renderer = new DotRenderer(IMAGE, undefined, { baseScale: 1 })
  try {
    const drawn = whenBaseDrawn(renderer, 60_000)
    renderer.setStyles(STYLES)
    renderer.setScene(INPUT)
    await drawn
    const { base } = renderer.store.getState()
    expect(base.size).toBe(12)
    // The bottom row and the right-hand column of tiles are past every dot: each comes as one
    // white pixel, stretched over its rectangle as the canvas draws it.
    const blank = [...base.values()].filter((tile) => tile.bitmap.width === 1 && tile.bitmap.height === 1)
    expect(blank.map((tile) => `${tile.rect.x},${tile.rect.y}`).sort()).toEqual(
      ['0,1024', '1024,1024', '1536,0', '1536,1024', '1536,512', '512,1024'].sort(),
    )
    const canvas = new OffscreenCanvas(IMAGE.width, IMAGE.height)
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
    for (const tile of base.values())
      context.drawImage(tile.bitmap, tile.rect.x, tile.rect.y, tile.rect.width, tile.rect.height)
    const tiled = context.getImageData(0, 0, IMAGE.width, IMAGE.height).data

    // The same dots and looks drawn in one piece on this thread: the first layer as its two passes.
    const layers = simulate(INPUT)
    const [first, second] = layers
    if (!first || !second) throw new Error('two layers expected')
    const target = {
      ...IMAGE,
      originX: 0,
      originY: 0,
      scale: 1,
      data: new Uint8ClampedArray(IMAGE.width * IMAGE.height * 4),
    }
    const only = (style: ZonedLayerStyle, zone: number) => {
      const zoneColours = new Float32Array(style.zoneColours.length)
      zoneColours.set(style.zoneColours.subarray(4 * zone, 4 * zone + 4), 4 * zone)
      return { visible: style.visible, opacity: style.opacity, zoneColours, look: style.zoneLooks?.[zone] }
    }
    const [fresh, healed] = STYLES as [ZonedLayerStyle, ZonedLayerStyle]
    rasterize(target, [first, first, second], [only(fresh, 0), only(fresh, 1), healed])
    let darkened = 0
    for (let i = 0; i < tiled.length; i += 4) if ((tiled[i] as number) < 200) darkened++
    expect(darkened).toBeGreaterThan(10_000)
    expect(tiled).toEqual(target.data)

    // Zoomed to 200 %: the part on screen comes first (a preview, read as it comes: the detail
    // lets it go), then the sharp detail; each is the same view drawn in one piece.
    let preview: { rect: ImageRect; pixels: ImageData } | null = null
    const sharp = new Promise<void>((resolve, reject) => {
      const unsubscribe = renderer.store.subscribe((state) => {
        if (state.error) reject(new Error(state.error))
        if (state.preview && !preview && !state.detail) {
          const { bitmap, rect } = state.preview.tile
          const previewCanvas = new OffscreenCanvas(bitmap.width, bitmap.height)
          const previewContext = previewCanvas.getContext('2d') as OffscreenCanvasRenderingContext2D
          previewContext.drawImage(bitmap, 0, 0)
          preview = { rect, pixels: previewContext.getImageData(0, 0, bitmap.width, bitmap.height) }
        }
        if (state.detail) {
          unsubscribe()
          resolve()
        }
      })
    })
    renderer.setView({ scale: 2, x: -600, y: -500 }, { width: 1000, height: 700 }, 1)
    await sharp
    const detail = renderer.store.getState().detail?.tile
    if (!detail) throw new Error('no detail')
    const { width, height } = detail.bitmap
    const detailCanvas = new OffscreenCanvas(width, height)
    const detailContext = detailCanvas.getContext('2d') as OffscreenCanvasRenderingContext2D
    detailContext.drawImage(detail.bitmap, 0, 0)
    const whole = {
      width,
      height,
      originX: detail.rect.x,
      originY: detail.rect.y,
      scale: width / detail.rect.width,
      data: new Uint8ClampedArray(width * height * 4),
    }
    rasterize(whole, [first, first, second], [only(fresh, 0), only(fresh, 1), healed])
    expect(detailContext.getImageData(0, 0, width, height).data).toEqual(whole.data)

    const shown = preview as { rect: ImageRect; pixels: ImageData } | null
    if (!shown) throw new Error('no preview before the detail')
    // The view's 1000 × 700 device pixels, from (300, 250) in the photo, and no margin.
    expect(shown.rect).toEqual({ x: 300, y: 250, width: 500, height: 350 })
    const part = {
      width: shown.pixels.width,
      height: shown.pixels.height,
      originX: shown.rect.x,
      originY: shown.rect.y,
      scale: 2,
      data: new Uint8ClampedArray(shown.pixels.width * shown.pixels.height * 4),
    }
    rasterize(part, [first, first, second], [only(fresh, 0), only(fresh, 1), healed])
    expect(shown.pixels.data).toEqual(part.data)
    expect(renderer.store.getState().preview).toBeNull()
  } finally {
    renderer.dispose()
  }
})

it('multiplies a blank tile sent as one white pixel into the photo exactly as the whole white tile, at any zoom', async () => {
  const renderer = new DotRenderer(IMAGE, undefined, { baseScale: 1 })
  try {
    const drawn = whenBaseDrawn(renderer, 60_000)
    renderer.setStyles(STYLES)
    renderer.setScene({ ...INPUT, seedKey: `${INPUT.seedKey}-blank` })
    await drawn
    const tiles = [...renderer.store.getState().base.values()]
    const blank = tiles.filter((tile) => tile.bitmap.width === 1)
    expect(blank.length).toBeGreaterThan(0)
    // Each blank tile as it was sent before: white at the tile's full size.
    const whole = await Promise.all(
      tiles.map(async (tile) => {
        if (tile.bitmap.width > 1) return tile
        const canvas = new OffscreenCanvas(tile.rect.width, tile.rect.height)
        const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
        context.fillStyle = 'white'
        context.fillRect(0, 0, canvas.width, canvas.height)
        return { rect: tile.rect, bitmap: await createImageBitmap(canvas) }
      }),
    )
    // Over a photo-like gradient, multiplied in and smoothed as the view cache does: at fit, near 1:1, zoomed in.
    for (const [scale, x, y] of [
      [0.37, 3.3, 1.7],
      [1.13, -1356.4, -904.2],
      [2.9, -4205.6, -2755.3],
    ] as const) {
      const picture = (layers: readonly { rect: ImageRect; bitmap: ImageBitmap }[]) => {
        const canvas = new OffscreenCanvas(700, 500)
        const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
        const gradient = context.createLinearGradient(0, 0, 700, 500)
        gradient.addColorStop(0, '#e8c4a8')
        gradient.addColorStop(1, '#6b4a3a')
        context.fillStyle = gradient
        context.fillRect(0, 0, 700, 500)
        context.globalCompositeOperation = 'multiply'
        context.imageSmoothingEnabled = true
        context.setTransform(scale, 0, 0, scale, x, y)
        for (const { rect, bitmap } of layers) context.drawImage(bitmap, rect.x, rect.y, rect.width, rect.height)
        return context.getImageData(0, 0, 700, 500).data
      }
      expect(picture(tiles)).toEqual(picture(whole))
    }
  } finally {
    renderer.dispose()
  }
})
