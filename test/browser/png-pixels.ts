import { expect } from 'vitest'

/** A PNG file's pixels exactly as written: not premultiplied, no colour conversion. */
export async function pngPixels(file: Blob, width: number, height: number): Promise<ImageData> {
  const bitmap = await createImageBitmap(file, { premultiplyAlpha: 'none', colorSpaceConversion: 'none' })
  expect([bitmap.width, bitmap.height]).toEqual([width, height])
  const canvas = new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
  context.drawImage(bitmap, 0, 0)
  bitmap.close()
  return context.getImageData(0, 0, width, height)
}
