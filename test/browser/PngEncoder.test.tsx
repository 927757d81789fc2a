import { describe, expect, it } from 'vitest'
import { encodePng, type PictureRows, pngBandRows } from '../../src/renderer/src/features/sheets/png-encoder'
import { MAX_PNG_SIDE } from '../../src/shared/sheets/png-resolution'
import { pngPixels } from './png-pixels'

/** A photo-like picture: a gradient with noise, some shapes, and text, so every filter and match length is used. */
function picture(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const context = canvas.getContext('2d') as CanvasRenderingContext2D
  const image = context.createImageData(width, height)
  let seed = 0x2545f491
  for (let i = 0; i < image.data.length; i += 4) {
    seed ^= seed << 13
    seed ^= seed >>> 17
    seed ^= seed << 5
    const x = (i / 4) % width
    const y = Math.floor(i / 4 / width)
    const base = 120 + (90 * x) / width - (40 * y) / height + ((seed & 0x1f) - 16)
    image.data[i] = base + 40
    image.data[i + 1] = base
    image.data[i + 2] = base - 30
    image.data[i + 3] = 255
  }
  context.putImageData(image, 0, 0)
  context.fillStyle = '#1a1a1a'
  for (let k = 0; k < 200; k++) {
    context.beginPath()
    context.arc((k * 7919) % width, (k * 104_729) % height, 2 + (k % 5), 0, 2 * Math.PI)
    context.fill()
  }
  context.font = '48px sans-serif'
  context.fillText('Frontal zone', width / 4, height / 2)
  return canvas
}

const decoded = async (blob: Blob, width: number, height: number) => (await pngPixels(blob, width, height)).data

const pixels = (canvas: HTMLCanvasElement) =>
  (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height).data

/** Chunk types in file order, and the colour type from IHDR. */
async function chunks(blob: Blob): Promise<{ types: string[]; colourType: number }> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  const view = new DataView(bytes.buffer)
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10])
  const types: string[] = []
  for (let at = 8; at + 8 <= bytes.length; at += 12 + view.getUint32(at))
    types.push(String.fromCharCode(...bytes.subarray(at + 4, at + 8)))
  return { types, colourType: bytes[25] as number }
}

function differing(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  expect(a.length).toBe(b.length)
  let count = 0
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) count++
  return count
}

describe('our PNG encoder', () => {
  it('writes an opaque picture that decodes to exactly the canvas’s pixels, with only IHDR, IDAT and IEND', async () => {
    // Taller than one band of rows, so two workers each deflate a part and the parts are joined.
    const canvas = picture(2100, 1300)
    const blob = await encodePng(canvas)
    expect(blob.type).toBe('image/png')
    const { types, colourType } = await chunks(blob)
    expect(types[0]).toBe('IHDR')
    expect(types.at(-1)).toBe('IEND')
    expect(new Set(types)).toEqual(new Set(['IHDR', 'IDAT', 'IEND']))
    expect(colourType).toBe(2)
    expect(differing(await decoded(blob, 2100, 1300), pixels(canvas))).toBe(0)
    // Again with the workers kept from this export: the same bytes.
    const again = new Uint8Array(await (await encodePng(canvas)).arrayBuffer())
    expect(again).toEqual(new Uint8Array(await blob.arrayBuffer()))
  })

  it('writes a picture with transparency with its alpha, decoding as Chromium’s own PNG does', async () => {
    const canvas = picture(640, 3000)
    const context = canvas.getContext('2d') as CanvasRenderingContext2D
    context.clearRect(0, 2900, 640, 100)
    context.fillStyle = 'rgba(200, 40, 90, 0.35)'
    context.clearRect(100, 100, 200, 200)
    context.fillRect(150, 150, 200, 200)
    const blob = await encodePng(canvas)
    const { types, colourType } = await chunks(blob)
    expect(new Set(types)).toEqual(new Set(['IHDR', 'IDAT', 'IEND']))
    expect(colourType).toBe(6)
    const ours = await decoded(blob, 640, 3000)
    expect(differing(ours, pixels(canvas))).toBe(0)
    const chromium = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b as Blob), 'image/png'))
    expect(differing(ours, await decoded(chromium, 640, 3000))).toBe(0)
  })

  it('writes a picture given as bands of rows, handing each band on as it is', async () => {
    const canvas = picture(900, 1500)
    const context = canvas.getContext('2d') as CanvasRenderingContext2D
    const cut = (canvas: HTMLCanvasElement): PictureRows => {
      const rows = pngBandRows(canvas.width)
      const bands: ArrayBuffer[] = []
      for (let top = 0; top < canvas.height; top += rows)
        bands.push(context.getImageData(0, top, canvas.width, Math.min(rows, canvas.height - top)).data.buffer)
      return { width: canvas.width, height: canvas.height, bands, opaque: true }
    }
    const opaque = cut(canvas)
    // More than two bands, the last one shorter: the parts are cut on the bands' rows.
    expect(opaque.bands.length).toBeGreaterThan(2)
    expect(1500 % pngBandRows(900)).toBeGreaterThan(0)
    const blob = await encodePng(opaque)
    expect((await chunks(blob)).colourType).toBe(2)
    expect(differing(await decoded(blob, 900, 1500), pixels(canvas))).toBe(0)
    // Handed over: the page keeps none of the picture's rows.
    expect(opaque.bands.every((band) => band.byteLength === 0)).toBe(true)
    // Bands said to be translucent are written with their alpha.
    context.clearRect(0, 1400, 300, 100)
    const translucent = await encodePng({ ...cut(canvas), opaque: false })
    expect((await chunks(translucent)).colourType).toBe(6)
    expect(differing(await decoded(translucent, 900, 1500), pixels(canvas))).toBe(0)
    // Bands not cut on the encoder's rows are refused, not written wrong.
    const wrong = cut(canvas)
    wrong.bands.splice(1, 1)
    await expect(encodePng(wrong)).rejects.toThrow('are not one band of')
  })

  it('writes the smallest picture, one pixel', async () => {
    const canvas = picture(1, 1)
    expect(differing(await decoded(await encodePng(canvas), 1, 1), pixels(canvas))).toBe(0)
  })

  it('refuses a picture with no pixels or past the largest export, saying why', async () => {
    const empty = document.createElement('canvas')
    empty.width = 0
    empty.height = 10
    await expect(encodePng(empty)).rejects.toThrow('A PNG of 0 × 10 px cannot be written')
    await expect(encodePng(new OffscreenCanvas(MAX_PNG_SIDE + 1, 1))).rejects.toThrow(
      `each side must be 1 to ${MAX_PNG_SIDE} px`,
    )
  })
})
