import { expect, type Locator } from '@playwright/test'

/**
 * A fingerprint of what a canvas's photo layer shows (the photo with the pigment multiplied in)
 * over a 150 px square inside `FRONTAL_ZONE`: how many pixels are dark, a checksum of them all
 * and how many colours there are. `holder` is the `.photo-canvas` element of a 1200 × 900 photo.
 */
export async function zonePixels(holder: Locator): Promise<{ dark: number; sum: number; distinct: number }> {
  const box = await holder.boundingBox()
  const scale = Number(await holder.getAttribute('data-scale'))
  if (!box) throw new Error('no canvas')
  const left = (box.width - 1200 * scale) / 2 + 450 * scale
  const top = (box.height - 900 * scale) / 2 + 350 * scale
  return holder
    .locator('canvas')
    .first()
    .evaluate(
      (element, { left, top, size }) => {
        const c = element as HTMLCanvasElement
        const ratio = c.width / c.getBoundingClientRect().width
        const data = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(
          Math.round(left * ratio),
          Math.round(top * ratio),
          Math.round(size * ratio),
          Math.round(size * ratio),
        ).data
        let dark = 0
        let sum = 0
        const colours = new Set<number>()
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number]
          sum = (sum * 31 + r + g * 7 + b * 13) % 1_000_000_007
          colours.add((r << 16) | (g << 8) | b)
          if (r < 140) dark++
        }
        return { dark, sum, distinct: colours.size }
      },
      { left, top, size: 150 * scale },
    )
}

/**
 * Waits until a `.photo-canvas` no longer says it is busy: its photo and every layer's dots drawn
 * and taken in to the last band. Read before, its picture may be a frame on its way from the old.
 */
export async function pictureWhole(holder: Locator): Promise<void> {
  await expect(holder).toHaveAttribute('aria-busy', 'false', { timeout: 15_000 })
}

/** `zonePixels` of the whole picture (see `pictureWhole`). */
export async function drawnZonePixels(holder: Locator): Promise<{ dark: number; sum: number; distinct: number }> {
  await pictureWhole(holder)
  return zonePixels(holder)
}
