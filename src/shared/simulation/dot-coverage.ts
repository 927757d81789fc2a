/**
 * One dot's coverage of the pixels it touches, multiplied into an RGBA bitmap seen as
 * little-endian 32-bit words (every platform Electron ships for), so a pixel is one read and
 * one write. Both ways below put πR² of coverage into the bitmap (less only where clipped),
 * so darkness is the same at every zoom: row by row for a dot too small to show its shape, or
 * pixel by pixel with its shape and soft edge.
 * All arithmetic is in the view's pixel coordinates and only the clip limits which pixels are
 * written, so a tile gets exactly the values a full render does.
 */

/** The pixels that may be drawn (view pixels, end exclusive); `data` holds exactly that rectangle. */
export interface Clip {
  data: Uint32Array
  x0: number
  y0: number
  x1: number
  y1: number
}

/** Multiplies pixel o by 1 − cover·k per channel, rounding to the nearest level; alpha stays. */
function darken(data: Uint32Array, o: number, cover: number, kr: number, kg: number, kb: number): void {
  const v = data[o] as number
  const r = ((v & 255) * (1 - cover * kr) + 0.5) | 0
  const g = (((v >>> 8) & 255) * (1 - cover * kg) + 0.5) | 0
  const b = (((v >>> 16) & 255) * (1 - cover * kb) + 0.5) | 0
  data[o] = (r | (g << 8) | (b << 16) | (v & 0xff000000)) >>> 0
}

/**
 * G(u) = u·√(1 − u²) + asin(u) on [−1, 1], tabulated: R²·(G(u1) − G(u0)) is the area of a disc
 * of radius R between heights u0·R and u1·R. The ends are exact, so a whole dot's rows add up
 * to exactly πR² whatever the table's interpolation error inside.
 */
const G_STEPS = 256
const G_TABLE = Float64Array.from({ length: G_STEPS + 1 }, (_, k) => {
  const u = Math.max(-1, Math.min(1, -1 + (2 * k) / G_STEPS))
  return u * Math.sqrt(1 - u * u) + Math.asin(u)
})

function discAreaBelow(u: number): number {
  if (u <= -1) return G_TABLE[0] as number
  if (u >= 1) return G_TABLE[G_STEPS] as number
  const x = (u + 1) * (G_STEPS / 2)
  const k = Math.floor(x)
  const lo = G_TABLE[k] as number
  return lo + ((G_TABLE[k + 1] as number) - lo) * (x - k)
}

/**
 * A small dot (or one under a pixel): each pixel row gets the disc's exact area within it, laid
 * out as a centred run of that length with partial pixels at its ends. Costs a table read per
 * row and no square root per pixel; at these sizes the runs read as a round dot.
 */
export function rowDot(clip: Clip, cx: number, cy: number, radius: number, kr: number, kg: number, kb: number): void {
  const { data, x0, y0, x1 } = clip
  const stride = x1 - x0
  const j0 = Math.max(y0, Math.floor(cy - radius))
  const j1 = Math.min(clip.y1 - 1, Math.floor(cy + radius))
  const r2 = radius * radius
  // What a fully covered pixel keeps, for the runs' middles.
  const keepR = 1 - kr
  const keepG = 1 - kg
  const keepB = 1 - kb
  let below = discAreaBelow((j0 - cy) / radius)
  for (let j = j0; j <= j1; j++) {
    const above = discAreaBelow((j + 1 - cy) / radius)
    const half = (r2 * (above - below)) / 2
    below = above
    if (half <= 0) continue
    const a = cx - half
    const b = cx + half
    const ia = Math.floor(a)
    const ib = Math.floor(b)
    const row = (j - y0) * stride - x0
    if (ia === ib) {
      if (ia >= x0 && ia < x1) darken(data, row + ia, b - a, kr, kg, kb)
      continue
    }
    if (ia >= x0 && ia < x1) darken(data, row + ia, ia + 1 - a, kr, kg, kb)
    for (let o = row + Math.max(ia + 1, x0), end = row + Math.min(ib, x1); o < end; o++) {
      const v = data[o] as number
      const red = ((v & 255) * keepR + 0.5) | 0
      const green = (((v >>> 8) & 255) * keepG + 0.5) | 0
      const blue = (((v >>> 16) & 255) * keepB + 0.5) | 0
      data[o] = (red | (green << 8) | (blue << 16) | (v & 0xff000000)) >>> 0
    }
    if (ib >= x0 && ib < x1 && b > ib) darken(data, row + ib, b - ib, kr, kg, kb)
  }
}

/**
 * How an impression looks, beyond its size and colour. A healed SMP dot is pigment seen through
 * the dermis: a soft edge, round to slightly oval, each a little different in size and tone. On
 * the day of the session it is larger and darker, with a crisper edge, until it settles.
 */
export interface DotLook {
  /** Drawn diameter as a multiple of the simulated (healed) one. */
  scale: number
  /** Half-width of the soft edge as a share of the radius. */
  edge: number
  /** Ink as a multiple of the layer's. */
  darken: number
}

export const HEALED_LOOK: DotLook = { scale: 1, edge: 0.45, darken: 1 }

/** The largest fresh-to-healed size ratio drawn, so a dot's reach stays bounded whatever the settings say. */
export const FRESH_SCALE_MAX = 3

/** The look on the day of a session: `scale` is the fresh impression's diameter over the healed one's. */
export const freshLook = (scale: number): DotLook => ({
  scale: Math.min(Math.max(scale, 1), FRESH_SCALE_MAX),
  edge: 0.2,
  darken: 1.25,
})

/** How far from its centre a dot drawn by `softDot` may reach, as a multiple of its radius (stretch and soft edge). */
export const DRAWN_REACH = 1.7

/** Up to 25% longer one way than the other: round to slightly oval. */
const MAX_STRETCH = 0.25
/** Tone varies ±15% around the layer's ink: pressure and depth differ from dot to dot. */
const TONE_SPREAD = 0.15
/** The soft edge is never narrower than this, screen px, so even a crisp fresh dot has no stair-steps. */
const MIN_EDGE_PX = 0.6

const bits = new Float32Array(2)
const words = new Uint32Array(bits.buffer)

/** Three uniforms in [0, 1) fixed by where a dot lies, so a dot keeps its shape and tone in every tile, view and render. */
export function dotTraits(x: number, y: number): [number, number, number] {
  bits[0] = x
  bits[1] = y
  let h = Math.imul((words[0] as number) ^ 0x9e3779b9, 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13) ^ (words[1] as number), 0xc2b2ae35)
  h ^= h >>> 16
  const a = (h >>> 0) / 4294967296
  h = Math.imul(h ^ 0x27d4eb2d, 0x165667b1)
  h ^= h >>> 15
  const b = (h >>> 0) / 4294967296
  h = Math.imul(h ^ 0x61c88647, 0x85ebca6b)
  h ^= h >>> 13
  return [a, b, (h >>> 0) / 4294967296]
}

/** A dot's tone: what its ink is multiplied by. */
export const dotTone = (trait: number) => 1 + TONE_SPREAD * (2 * trait - 1)

/** `dotTone(dotTraits(x, y)[2])` without the shape's traits: all a dot too small for its shape needs. */
export function toneAt(x: number, y: number): number {
  bits[0] = x
  bits[1] = y
  let h = Math.imul((words[0] as number) ^ 0x9e3779b9, 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13) ^ (words[1] as number), 0xc2b2ae35)
  h ^= h >>> 16
  h = Math.imul(h ^ 0x27d4eb2d, 0x165667b1)
  h ^= h >>> 15
  h = Math.imul(h ^ 0x61c88647, 0x85ebca6b)
  h ^= h >>> 13
  return dotTone((h >>> 0) / 4294967296)
}

/**
 * A dot large enough on screen to show its shape: an ellipse of the dot's area, at an angle and
 * stretch fixed by its traits, covered 1 inside and falling off with a smoothstep across the soft
 * edge. The smoothstep adds π·0.2·e² (e the edge half-width) to the area, so the core is drawn
 * that much smaller and the dot's total darkness is its area's at every zoom.
 */
export function softDot(
  clip: Clip,
  cx: number,
  cy: number,
  radius: number,
  edgeShare: number,
  traits: readonly [number, number, number],
  kr: number,
  kg: number,
  kb: number,
): void {
  const { data, x0, y0, x1 } = clip
  const stride = x1 - x0
  const e = Math.max(edgeShare, MIN_EDGE_PX / radius)
  const core = radius / Math.sqrt(1 + 0.2 * e * e)
  const stretch = Math.sqrt(1 + MAX_STRETCH * traits[0])
  const a = core * stretch
  const b = core / stretch
  const angle = Math.PI * traits[1]
  const cos = Math.cos(angle)
  const sin = Math.sin(angle)
  // Normalised distance ρ: 1 on the ellipse. Soft from ρ = 1 − e to 1 + e.
  const inner = Math.max(0, 1 - e)
  const innerSquared = inner * inner
  const outerSquared = (1 + e) * (1 + e)
  const width = 2 * e
  const reach = a * (1 + e)
  const j0 = Math.max(y0, Math.floor(cy - reach))
  const j1 = Math.min(clip.y1 - 1, Math.ceil(cy + reach))
  const i0 = Math.max(x0, Math.floor(cx - reach))
  const i1 = Math.min(x1 - 1, Math.ceil(cx + reach))
  const inverseA = 1 / a
  const inverseB = 1 / b
  for (let j = j0; j <= j1; j++) {
    const dy = j + 0.5 - cy
    let o = (j - y0) * stride + (i0 - x0)
    for (let i = i0; i <= i1; i++, o++) {
      const dx = i + 0.5 - cx
      const u = (dx * cos + dy * sin) * inverseA
      const v = (dy * cos - dx * sin) * inverseB
      const rhoSquared = u * u + v * v
      if (rhoSquared >= outerSquared) continue
      let cover = 1
      if (rhoSquared > innerSquared) {
        const t = (Math.sqrt(rhoSquared) - inner) / width
        cover = 1 - t * t * (3 - 2 * t)
      }
      darken(data, o, cover, kr, kg, kb)
    }
  }
}
