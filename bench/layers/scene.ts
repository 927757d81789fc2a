import type { DesignDocument } from '../../src/shared/design/design-types'
import type { Point } from '../../src/shared/geometry/point'
import { createDensityField } from '../../src/shared/simulation/density-field'
import type { LayerStyle } from '../../src/shared/simulation/rasterize'
import type { SimInput, SimZone } from '../../src/shared/simulation/simulate'

/**
 * The layers benchmark's scene: a 6000 × 4000 photo (24 MP) seen from above, five zones and
 * five sessions of 100,000 impressions each. A real scalp photo at a real calibration cannot
 * hold 500,000 impressions at clinical densities, so the calibration is chosen the other way
 * round: at 6.5 px/mm the zones below cover about 3,400 cm², which puts each zone's finished
 * density (after all five sessions) at a clinical 140–170 impressions/cm², and a 0.4 mm dot
 * (3RL needle) at 2.6 px. Counts, densities and dot sizes are realistic; only the area is not.
 */

export const PHOTO = { width: 6000, height: 4000 }
export const PX_PER_MM = 6.5
export const SESSIONS = 5
export const DOTS_PER_LAYER = 100_000

interface ZonePlan {
  id: string
  /** Centre and half sizes of a rounded, slightly wobbly rectangle, image px. */
  cx: number
  cy: number
  hw: number
  hh: number
  /** Share of a layer's impressions this zone takes. */
  share: number
}

/** The zone the edit benchmark reshapes: 20,000 dots in each layer, 100,000 in all five. */
export const BIG_EDIT_ZONE = 'frontal'
/** A small zone: 4,000 dots in each layer, about 20,000 in all five. */
export const SMALL_EDIT_ZONE = 'temple-left'

const ZONES: ZonePlan[] = [
  { id: 'frontal', cx: 3000, cy: 920, hw: 1850, hh: 420, share: 0.2 },
  { id: 'temple-left', cx: 820, cy: 1150, hw: 340, hh: 440, share: 0.04 },
  { id: 'temple-right', cx: 5180, cy: 1150, hw: 340, hh: 440, share: 0.04 },
  { id: 'mid-scalp', cx: 3000, cy: 2030, hw: 2150, hh: 700, share: 0.4 },
  { id: 'crown', cx: 3000, cy: 3280, hw: 1950, hh: 640, share: 0.32 },
]

/** A superellipse (exponent 4: a rounded rectangle) with a little wobble, as a hand-drawn zone is. */
function outline(z: ZonePlan, vertices = 72): Point[] {
  return Array.from({ length: vertices }, (_, k) => {
    const a = (2 * Math.PI * k) / vertices
    const wobble = 1 + 0.025 * Math.sin(5 * a + z.cx) + 0.015 * Math.cos(11 * a)
    const c = Math.cos(a)
    const s = Math.sin(a)
    return {
      x: z.cx + z.hw * wobble * Math.sign(c) * Math.abs(c) ** 0.5,
      y: z.cy + z.hh * wobble * Math.sign(s) * Math.abs(s) ** 0.5,
    }
  })
}

/** A gently arched hairline along the frontal zone's front edge, with a broken edge. */
const HAIRLINE = {
  curve: Array.from({ length: 80 }, (_, k) => {
    const t = k / 79
    return { x: 1100 + 3800 * t, y: 500 + 260 * (2 * t - 1) ** 2 }
  }),
  featherPx: 4 * PX_PER_MM,
  irregularity: 0.5,
}

export interface BenchScene {
  input: SimInput
  styles: LayerStyle[]
  /** Finished density per zone, impressions/cm², for the printout. */
  finishedPerCm2: Record<string, number>
}

/** The scene with `seedKey`; `nudge` moves one outline vertex of a zone outward by that many px. */
export function benchScene(seedKey = 'bench', nudge?: { zoneId: string; px: number }): BenchScene {
  const zones: SimZone[] = ZONES.map((plan) => {
    const polygon = outline(plan)
    if (nudge?.zoneId === plan.id) {
      // The vertex at angle 0 (the zone's right-hand side) moves out along x.
      const first = polygon[0] as Point
      polygon[0] = { x: first.x + nudge.px, y: first.y }
    }
    return { id: plan.id, polygon, softnessPx: 5 * PX_PER_MM, hairline: HAIRLINE }
  })
  // Every session adds the same density, so each layer holds the zone's share of 100,000 dots.
  // The density is set from the unedited outline: in the app a zone's density is per cm² and an
  // edited outline keeps it, so a nudge changes where dots go, not how dense they are.
  const finishedPerCm2: Record<string, number> = {}
  const perSession = ZONES.map((plan) => {
    const field = createDensityField({ polygon: outline(plan), softnessPx: 5 * PX_PER_MM, hairline: HAIRLINE })
    const density = (plan.share * DOTS_PER_LAYER) / field.effectiveArea
    finishedPerCm2[plan.id] = density * SESSIONS * PX_PER_MM * PX_PER_MM * 100
    return density
  })
  const dotsMm = [0.4, 0.4, 0.4, 0.25, 0.25]
  const input: SimInput = {
    seedKey,
    zones,
    jitter: 0.15,
    sessions: dotsMm.map((mm, s) => ({
      id: `session-${s + 1}`,
      dotDiameterPx: mm * PX_PER_MM,
      treatments: zones.map((zone, i) => ({ zoneId: zone.id, densityPerPx2: perSession[i] as number })),
    })),
  }
  // Carbon black, older sessions faded a little more.
  const strengths = [0.55, 0.65, 0.75, 0.9, 1]
  const styles = strengths.map((strength) => ({
    visible: true,
    opacity: 1,
    zoneColours: Float32Array.from(zones.flatMap(() => [0.13, 0.13, 0.16, strength])),
  }))
  return { input, styles, finishedPerCm2 }
}

/**
 * A photo-like 6000 × 4000 JPEG made in the page: a skin-toned gradient with darker hair towards
 * the crown, a wavy texture and sensor noise, so it decodes and scales like a camera photo.
 */
export async function photoUrl(width = PHOTO.width, height = PHOTO.height): Promise<string> {
  const canvas = new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
  const image = context.createImageData(width, height)
  const data = image.data
  let seed = 0x9e3779b9
  let o = 0
  for (let y = 0; y < height; y++) {
    const gy = y / height
    const wave = Math.sin(y * 0.013) * 4
    const row = Math.cos(y * 0.031)
    for (let x = 0; x < width; x++) {
      seed ^= seed << 13
      seed ^= seed >>> 17
      seed ^= seed << 5
      const noise = ((seed & 0xff) - 128) / 8
      const base = 150 + 50 * (x / width) * (1 - gy) - 40 * gy + 10 * Math.sin(x * 0.05 + wave) * row + noise
      data[o++] = base + 45
      data[o++] = base + 8 * gy
      data[o++] = base - 15
      data[o++] = 255
    }
  }
  context.putImageData(image, 0, 0)
  return URL.createObjectURL(await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 }))
}

/** The scene's zones as the design a view export draws over the photo: outlines and names. */
export function benchDesign(scene: BenchScene): DesignDocument {
  return {
    schema: 1,
    objects: scene.input.zones.map((zone) => ({
      id: zone.id,
      kind: 'zone',
      name: zone.id,
      colour: '#4cc9f0',
      hidden: false,
      locked: false,
      role: 'custom',
      density: Math.round(scene.finishedPerCm2[zone.id] ?? 0),
      softnessMm: 5,
      points: zone.polygon,
    })),
  }
}
