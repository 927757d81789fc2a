import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { renderViewFile } from '../../src/renderer/src/features/sheets/render-view'
import { buildScene, sceneStyles } from '../../src/renderer/src/features/simulation/simulation-scene'
import type { Calibration } from '../../src/shared/photos/photo'
import { DEFAULT_PIGMENTS } from '../../src/shared/plan/default-pigments'
import type { PlanDraft } from '../../src/shared/plan/plan-types'
import { doneFrontalSession, FRONTAL_DESIGN } from './frontal-zone'
import { twoToneImageUrl } from './photo-image'
import { pngPixels } from './png-pixels'
import { DESIGN_ID, IMAGE, photoLayer, renderWorkspace, WORKSPACE_SETTINGS } from './workspace'

/**
 * A low-resolution photo: 5 px per mm, so a healed 0.3 mm dot is 1.5 photo pixels across. Zoomed
 * in on screen, or drawn into a picture many times the photo's size, each dot must still read as
 * a round, soft-edged impression, not the square block of a scaled-up pixel.
 */
const FIVE_PX_PER_MM: Calibration = { a: { x: 100, y: 830 }, b: { x: 600, y: 830 }, lengthMm: 100 }
const PLAN: PlanDraft = { technique: 'permanent', sessions: [doneFrontalSession('s1', '2026-03-20T10:00', 0.4)] }
/**
 * The workspace's settings, which `renderWorkspace` serves too: healed 1RL dots of 0.25 mm at the
 * usual 0.25 mm needle. The fact sheet's 0.10 mm would be under a photo pixel here, too small to
 * show a shape even at 4×.
 */
const settings = WORKSPACE_SETTINGS

interface DotShape {
  /** Longest over shortest axis, from the darkness's second moments. */
  aspect: number
  /** The half-darkness area over its bounding box: π/4 for an ellipse, 1 for a square block. */
  fill: number
  /** Share of the dot's pixels between 15% and 85% of its peak: a soft edge holds many. */
  soft: number
  /** Pixels at half the peak darkness or more: the dot as it reads. */
  halfArea: number
  /**
   * Overlap (intersection over union) of those pixels with the ellipse of the same second
   * moments: near 1 for a round or oval dot, well below for a cross or a blocky blot.
   */
  ellipse: number
  peak: number
}

/**
 * Dark blobs in the middle of a canvas, each measured. Darkness is 1 − max(r, g, b)/255: the
 * photo's colours are pure red, green and blue, so a dot multiplied in lowers the bright channel.
 */
function dotShapes(canvas: HTMLCanvasElement, box = 0.3): DotShape[] {
  const x0 = Math.round(canvas.width * box)
  const y0 = Math.round(canvas.height * box)
  const width = Math.round(canvas.width * (1 - 2 * box))
  const height = Math.round(canvas.height * (1 - 2 * box))
  const { data } = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(x0, y0, width, height)
  const v = new Float32Array(width * height)
  for (let i = 0; i < v.length; i++)
    v[i] = 1 - Math.max(data[4 * i] as number, data[4 * i + 1] as number, data[4 * i + 2] as number) / 255
  const seen = new Uint8Array(v.length)
  const shapes: DotShape[] = []
  for (let start = 0; start < v.length; start++) {
    if (seen[start] || (v[start] as number) < 0.04) continue
    const pixels: number[] = []
    const stack = [start]
    seen[start] = 1
    let edge = false
    while (stack.length) {
      const p = stack.pop() as number
      pixels.push(p)
      const px = p % width
      const py = (p - px) / width
      if (px === 0 || py === 0 || px === width - 1 || py === height - 1) edge = true
      for (const n of [p - 1, p + 1, p - width, p + width]) {
        if (n < 0 || n >= v.length || seen[n] || (v[n] as number) < 0.04) continue
        if (Math.abs((n % width) - px) > 1) continue
        seen[n] = 1
        stack.push(n)
      }
    }
    if (edge || pixels.length < 20) continue
    const peak = Math.max(...pixels.map((p) => v[p] as number))
    let [sum, mx, my] = [0, 0, 0]
    for (const p of pixels) {
      const w = v[p] as number
      sum += w
      mx += w * (p % width)
      my += w * Math.floor(p / width)
    }
    mx /= sum
    my /= sum
    let [sxx, syy, sxy] = [0, 0, 0]
    let [minX, minY, maxX, maxY, half, soft] = [Infinity, Infinity, -Infinity, -Infinity, 0, 0]
    for (const p of pixels) {
      const w = v[p] as number
      const [x, y] = [p % width, Math.floor(p / width)]
      sxx += w * (x - mx) ** 2
      syy += w * (y - my) ** 2
      sxy += w * (x - mx) * (y - my)
      if (w > 0.15 * peak && w < 0.85 * peak) soft++
      if (w >= peak / 2) {
        half++
        minX = Math.min(minX, x)
        maxX = Math.max(maxX, x)
        minY = Math.min(minY, y)
        maxY = Math.max(maxY, y)
      }
    }
    const mean = (sxx + syy) / 2
    const diff = Math.sqrt(((sxx - syy) / 2) ** 2 + sxy * sxy)
    const halfPixels = pixels.filter((p) => (v[p] as number) >= peak / 2)
    let [hx, hy] = [0, 0]
    for (const p of halfPixels) {
      hx += p % width
      hy += Math.floor(p / width)
    }
    hx /= halfPixels.length
    hy /= halfPixels.length
    let [cxx, cyy, cxy] = [0, 0, 0]
    for (const p of halfPixels) {
      const [dx, dy] = [(p % width) - hx, Math.floor(p / width) - hy]
      cxx += dx * dx
      cyy += dy * dy
      cxy += dx * dy
    }
    // A uniform ellipse has covariance C with xᵀC⁻¹x ≤ 4 inside it; the pixels' own C plus a
    // pixel's own spread (1/12 each way).
    cxx = cxx / halfPixels.length + 1 / 12
    cyy = cyy / halfPixels.length + 1 / 12
    cxy /= halfPixels.length
    const det = cxx * cyy - cxy * cxy
    const inside = (dx: number, dy: number) => (cyy * dx * dx - 2 * cxy * dx * dy + cxx * dy * dy) / det <= 4
    let both = 0
    for (const p of halfPixels) if (inside((p % width) - hx, Math.floor(p / width) - hy)) both++
    const ellipseArea = 4 * Math.PI * Math.sqrt(det)
    shapes.push({
      ellipse: both / (halfPixels.length + ellipseArea - both),
      aspect: Math.sqrt((mean + diff) / Math.max(1e-9, mean - diff)),
      fill: half / ((maxX - minX + 1) * (maxY - minY + 1)),
      soft: soft / pixels.length,
      halfArea: half,
      peak,
    })
  }
  return shapes
}

/** Darkened pixels in the middle of the canvas: dots too small to measure at 100%. */
function speckles(canvas: HTMLCanvasElement): number {
  const { width, height } = canvas
  const { data } = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(
    width / 4,
    height / 4,
    width / 2,
    height / 2,
  )
  let n = 0
  for (let i = 0; i < data.length; i += 4)
    if (Math.max(data[i] as number, data[i + 1] as number, data[i + 2] as number) < 230) n++
  return n
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN

/**
 * What a person sees, dot by dot (medians over the dots found): round to slightly oval, filling
 * an ellipse's share of their box rather than a square's, a soft edge, the healed size (radius
 * `radius` canvas px), full ink at the centre, and a tone that differs from dot to dot.
 */
function summary(shapes: DotShape[], radius: number) {
  const peaks = shapes.map((s) => s.peak)
  const mean = peaks.reduce((a, b) => a + b, 0) / peaks.length
  return {
    dots: shapes.length,
    aspect: median(shapes.map((s) => s.aspect)),
    fill: median(shapes.map((s) => s.fill)),
    soft: median(shapes.map((s) => s.soft)),
    size: median(shapes.map((s) => s.halfArea / (Math.PI * radius * radius))),
    ellipse: median(shapes.map((s) => s.ellipse)),
    peak: median(peaks),
    toneSpread: Math.sqrt(peaks.reduce((sum, p) => sum + (p - mean) ** 2, 0) / peaks.length),
  }
}

const healedLook = {
  dots: expect.toSatisfy((n: number) => n >= 4),
  aspect: expect.toSatisfy((a: number) => a < 1.35),
  fill: expect.toSatisfy((f: number) => f > 0.6 && f < 0.9),
  soft: expect.toSatisfy((s: number) => s > 0.45),
  size: expect.toSatisfy((s: number) => s > 0.6 && s < 1.6),
  peak: expect.toSatisfy((p: number) => p > 0.6),
  toneSpread: expect.toSatisfy((t: number) => t > 0.02),
  ellipse: expect.toSatisfy((e: number) => e > 0.95),
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 1500))

/**
 * The healed radius of the plan's dots in photo px at 5 px per mm: its 0.3 mm 1RL needle makes
 * the settings' dot (given for a 0.25 mm needle) larger in proportion, 0.3 mm across.
 */
const HEALED_RADIUS = ((settings.healedDotMm['1RL'] * (0.3 / 0.25)) / 2) * 5

describe('impressions on a low-resolution photo', () => {
  it('are round and soft-edged zoomed to 800% and 3200%, not square blocks', async () => {
    const { holder, scale } = await renderWorkspace({ calibration: FIVE_PX_PER_MM, design: FRONTAL_DESIGN, plan: PLAN })
    const canvas = photoLayer(holder)
    const ratio = canvas.width / canvas.getBoundingClientRect().width
    await userEvent.keyboard('1')
    // The whole photo's dots drawn first, as when the artist opens the photo and then zooms in.
    await expect.poll(() => dotShapes(canvas).length + speckles(canvas), { timeout: 15_000 }).toBeGreaterThan(50)
    await settled()
    for (let step = 0; step < 6; step++) await userEvent.keyboard('+')
    await expect.poll(scale).toBe(8)
    await expect
      .poll(() => summary(dotShapes(canvas), HEALED_RADIUS * 8 * ratio), { timeout: 15_000 })
      .toEqual(healedLook)
    // And they stay so once the view has settled: not replaced by a scaled-up bitmap.
    await settled()
    expect(summary(dotShapes(canvas), HEALED_RADIUS * 8 * ratio)).toEqual(healedLook)
    for (let step = 0; step < 4; step++) await userEvent.keyboard('+')
    await expect.poll(scale).toBe(32)
    // At 3200% a dot is some 50 screen px across: look at most of the view.
    await expect
      .poll(() => summary(dotShapes(canvas, 0.05), HEALED_RADIUS * 32 * ratio), { timeout: 15_000 })
      .toEqual({ ...healedLook, dots: expect.toSatisfy((n: number) => n >= 2) })
    await settled()
    expect(summary(dotShapes(canvas, 0.05), HEALED_RADIUS * 32 * ratio)).toEqual({
      ...healedLook,
      dots: expect.toSatisfy((n: number) => n >= 2),
    })
  })

  it('are round and soft-edged in a picture drawn at 300 dpi, four times the photo’s size', async () => {
    const scene = buildScene({
      designId: DESIGN_ID,
      document: FRONTAL_DESIGN,
      pxPerMm: 5,
      draft: PLAN,
      pigments: DEFAULT_PIGMENTS,
      settings,
    })
    if (!scene.input) throw new Error(scene.reason ?? 'no scene')
    // The whole view at 4×: what a 300 dpi PNG of a small photo asks for.
    const output = { width: IMAGE.width * 4, height: IMAGE.height * 4 }
    // The 300 dpi PNG file itself, decoded.
    const file = await renderViewFile(
      {
        photoUrl: await twoToneImageUrl(IMAGE.width, IMAGE.height),
        image: IMAGE,
        document: FRONTAL_DESIGN,
        pxPerMm: 5,
        scaleBar: null,
        pigment: { input: scene.input, styles: sceneStyles(scene, '2026-04-20', settings) },
        output,
        overlayWidth: IMAGE.width,
      },
      'image/png',
    )
    const picture = await pngPixels(file, output.width, output.height)
    // Three pixels in radius: the pixel grid blurs the outline a little more than on screen.
    const canvas = document.createElement('canvas')
    canvas.width = picture.width
    canvas.height = picture.height
    ;(canvas.getContext('2d') as CanvasRenderingContext2D).putImageData(picture, 0, 0)
    expect(summary(dotShapes(canvas, 0.4), HEALED_RADIUS * 4)).toEqual({
      ...healedLook,
      ellipse: expect.toSatisfy((e: number) => e > 0.92),
    })
  })
})
