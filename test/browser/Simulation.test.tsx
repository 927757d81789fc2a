import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { buildScene, sceneStyles } from '../../src/renderer/src/features/simulation/simulation-scene'
import { DEFAULT_PIGMENTS } from '../../src/shared/plan/default-pigments'
import type { PlanDraft } from '../../src/shared/plan/plan-types'
import { type DotLayer, simulate } from '../../src/shared/simulation/simulate'
import { doneFrontalSession, FRONTAL_DESIGN } from './frontal-zone'
import { DESIGN_ID, photoLayer, renderWorkspace, TEN_PX_PER_MM, WORKSPACE_SETTINGS } from './workspace'

const settings = WORKSPACE_SETTINGS

const PLAN: PlanDraft = {
  technique: 'permanent',
  sessions: [doneFrontalSession('s1', '2026-03-20T10:00', 0.3), doneFrontalSession('s2', '2026-04-03T10:00', 0.4)],
}

/** The dots the plan places, computed here with the same seeded simulation the worker runs. */
function expectedDots(): { layers: DotLayer[]; styles: ReturnType<typeof sceneStyles> } {
  const scene = buildScene({
    designId: DESIGN_ID,
    document: FRONTAL_DESIGN,
    pxPerMm: 10,
    draft: PLAN,
    pigments: DEFAULT_PIGMENTS,
    settings,
  })
  if (!scene.input) throw new Error(scene.reason ?? 'no scene')
  return { layers: simulate(scene.input), styles: sceneStyles(scene, '2026-04-03', settings) }
}

/** A session-1 dot on the red half with no other dot near it, so its centre shows its colour alone. */
function loneDot(layers: DotLayer[]): { x: number; y: number } {
  const [first, second] = layers as [DotLayer, DotLayer]
  const all = [first, second].flatMap((layer) => Array.from(layer.x, (x, i) => ({ x, y: layer.y[i] as number })))
  for (let i = 0; i < first.x.length; i++) {
    const x = first.x[i] as number
    const y = first.y[i] as number
    if (x < 400 || x > 560 || y < 380 || y > 520 || (first.r[i] as number) < 1.6) continue
    if (all.every((o) => (o.x === x && o.y === y) || Math.hypot(o.x - x, o.y - y) > 9)) return { x, y }
  }
  throw new Error('no lone dot')
}

/** Dark blobs (red channel under `threshold`) whose first pixel lies in a rectangle of stage CSS px. */
function countBlobs(canvas: HTMLCanvasElement, x0: number, y0: number, x1: number, y1: number, threshold = 150) {
  const ratio = canvas.width / canvas.getBoundingClientRect().width
  const left = Math.round(x0 * ratio)
  const top = Math.round(y0 * ratio)
  const width = Math.round((x1 - x0) * ratio)
  const height = Math.round((y1 - y0) * ratio)
  const context = canvas.getContext('2d') as CanvasRenderingContext2D
  const { data } = context.getImageData(left, top, width, height)
  const dark = (i: number) => (data[i * 4] as number) < threshold
  const seen = new Uint8Array(width * height)
  let blobs = 0
  for (let start = 0; start < width * height; start++) {
    if (seen[start] || !dark(start)) continue
    blobs++
    const stack = [start]
    seen[start] = 1
    while (stack.length) {
      const p = stack.pop() as number
      const px = p % width
      const py = (p - px) / width
      for (const [nx, ny] of [
        [px + 1, py],
        [px - 1, py],
        [px, py + 1],
        [px, py - 1],
      ] as const) {
        if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue
        const n = ny * width + nx
        if (!seen[n] && dark(n)) {
          seen[n] = 1
          stack.push(n)
        }
      }
    }
  }
  return blobs
}

function setRange(input: HTMLInputElement, value: number) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
  setter?.call(input, String(value))
  input.dispatchEvent(new Event('input', { bubbles: true }))
}

describe('session layers over the photo', () => {
  it('multiplies each session’s dots into the photo: the planned count, the pigment’s colour, visibility, opacity and fading', async () => {
    const { screen, holder, toStage } = await renderWorkspace({
      calibration: TEN_PX_PER_MM,
      design: FRONTAL_DESIGN,
      plan: PLAN,
    })
    const { layers, styles } = expectedDots()
    const readout = screen.getByRole('table', {
      name: 'Impressions placed per zone and session, planned, and coverage',
    })
    await expect.element(readout).toBeVisible()
    // The worker places exactly the dots the same plan gives here, session by session.
    const cells = () =>
      Array.from(
        readout
          .getByRole('row', { name: /Frontal/ })
          .element()
          .querySelectorAll('td'),
        (td) => td.textContent,
      )
    const total = layers.reduce((sum, l) => sum + l.x.length, 0)
    expect(total).toBeGreaterThan(1000)
    await expect.poll(cells).toEqual([
      ...layers.map((l) => l.x.length.toLocaleString('en')),
      total.toLocaleString('en'),
      // The plan's own figure for these sessions, within 3% of what was placed.
      expect.toSatisfy((planned: string) => Math.abs(Number(planned.replace(/,/g, '')) / total - 1) < 0.03),
      expect.stringMatching(/^\d+%$/),
    ])

    // At 100% each photo pixel is a screen pixel and dots 3 px across are told apart.
    await userEvent.keyboard('1')
    const canvas = photoLayer(holder)
    const region = { x0: 420, y0: 390, x1: 560, y1: 510 }
    const inRegion = layers
      .flatMap((layer) => Array.from(layer.x, (x, i) => ({ x, y: layer.y[i] as number })))
      .filter(({ x, y }) => x >= region.x0 && x < region.x1 && y >= region.y0 && y < region.y1).length
    const corner = toStage({ x: region.x0, y: region.y0 })
    const far = toStage({ x: region.x1, y: region.y1 })
    await expect
      .poll(() => countBlobs(canvas, corner.x, corner.y, far.x, far.y), { timeout: 10_000 })
      .toBeGreaterThan(inRegion * 0.85)
    expect(countBlobs(canvas, corner.x, corner.y, far.x, far.y)).toBeLessThan(inRegion * 1.1)

    // A lone session-1 dot's centre on the red half: red × the dot's colour at its strength.
    const dot = loneDot(layers)
    const red = () => {
      const at = toStage(dot)
      const ratio = canvas.width / canvas.getBoundingClientRect().width
      const context = canvas.getContext('2d') as CanvasRenderingContext2D
      return context.getImageData(Math.round(at.x * ratio), Math.round(at.y * ratio), 1, 1).data[0] as number
    }
    const colour = styles[0]?.zoneColours as Float32Array
    const ink = (opacity: number) => 255 * (1 - opacity * (colour[3] as number) * (1 - (colour[0] as number)))
    await expect.poll(red).toBeLessThan(ink(1) + 20)
    expect(red()).toBeGreaterThan(ink(1) - 20)

    await screen.getByRole('checkbox', { name: 'Show Session 1' }).click()
    await expect.poll(red).toBeGreaterThan(245)
    await screen.getByRole('checkbox', { name: 'Show Session 1' }).click()
    await expect.poll(red).toBeLessThan(ink(1) + 20)

    setRange(screen.getByRole('slider', { name: 'Opacity of Session 1' }).element() as HTMLInputElement, 50)
    await expect.poll(() => Math.abs(red() - ink(0.5))).toBeLessThan(20)

    // Over the pigment the zone is an outline only, so its tint does not change the colour judged;
    // the artist can tint it again.
    const designLayer = holder.querySelectorAll('canvas')[1] as HTMLCanvasElement
    const tintAt = () => {
      const at = toStage({ x: 450, y: 450 })
      const ratio = designLayer.width / designLayer.getBoundingClientRect().width
      const context = designLayer.getContext('2d') as CanvasRenderingContext2D
      return context.getImageData(Math.round(at.x * ratio), Math.round(at.y * ratio), 1, 1).data[3] as number
    }
    expect(tintAt()).toBe(0)
    await screen.getByRole('checkbox', { name: 'Tint zones over the pigment' }).click()
    await expect.poll(tintAt).toBeGreaterThan(20)
    await screen.getByRole('checkbox', { name: 'Tint zones over the pigment' }).click()
    await expect.poll(tintAt).toBe(0)

    // Five years on, the permanent pigment has faded: the same dot is lighter, though still there.
    const halfInked = red()
    await screen.getByRole('button', { name: '+5 y' }).click()
    await expect.poll(red).toBeGreaterThan(halfInked + 15)
    expect(red()).toBeLessThan(250)
  })
})
