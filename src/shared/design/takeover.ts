import type { Point } from '../geometry/point'
import type { DesignDocument, DesignObject, LandmarkRole } from './design-types'
import { landmarkOf } from './landmarks'

/** `x' = a·x + b·y + c`, `y' = d·x + e·y + f`: a similarity is the case a = e, b = −d. */
export interface Affine {
  a: number
  b: number
  c: number
  d: number
  e: number
  f: number
}

export const applyAffine = (t: Affine, p: Point): Point => ({
  x: t.a * p.x + t.b * p.y + t.c,
  y: t.d * p.x + t.e * p.y + t.f,
})

/** The landmarks matched one point to one point; the midline's ends are wherever the artist stopped drawing, so it is not one of them. */
const POINT_LANDMARKS: readonly LandmarkRole[] = ['glabella', 'temple-left', 'temple-right', 'vertex']

export interface LandmarkPair {
  role: LandmarkRole
  from: Point
  to: Point
}

export function landmarkPairs(from: DesignDocument, to: DesignDocument): LandmarkPair[] {
  return POINT_LANDMARKS.flatMap((role) => {
    const a = landmarkOf(from, role)?.points[0]
    const b = landmarkOf(to, role)?.points[0]
    return a && b ? [{ role, from: a, to: b }] : []
  })
}

/** Least-squares rotation, uniform scale and shift taking `from` to `to` (two pairs or more). */
export function similarityFrom(pairs: readonly LandmarkPair[]): Affine | null {
  const n = pairs.length
  if (n < 2) return null
  const mean = (pick: (p: LandmarkPair) => Point) => ({
    x: pairs.reduce((s, p) => s + pick(p).x, 0) / n,
    y: pairs.reduce((s, p) => s + pick(p).y, 0) / n,
  })
  const pf = mean((p) => p.from)
  const pt = mean((p) => p.to)
  let re = 0
  let im = 0
  let norm = 0
  for (const { from, to } of pairs) {
    const fx = from.x - pf.x
    const fy = from.y - pf.y
    const tx = to.x - pt.x
    const ty = to.y - pt.y
    // (t) · conj(f), as complex numbers.
    re += tx * fx + ty * fy
    im += ty * fx - tx * fy
    norm += fx * fx + fy * fy
  }
  if (norm < 1e-9) return null
  const a = re / norm
  const d = im / norm
  return { a, b: -d, c: pt.x - (a * pf.x - d * pf.y), d, e: a, f: pt.y - (d * pf.x + a * pf.y) }
}

/** Least-squares affine map (three pairs or more, not all on one line), or null. */
export function affineFrom(pairs: readonly LandmarkPair[]): Affine | null {
  if (pairs.length < 3) return null
  // Normal equations M·[a b c] = [Σx·x', Σy·x', Σx'] with M = Σ [x y 1]ᵀ[x y 1].
  const m = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ] as number[][]
  const rx = [0, 0, 0]
  const ry = [0, 0, 0]
  for (const { from, to } of pairs) {
    const v = [from.x, from.y, 1]
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++)
        (m[i] as number[])[j] = ((m[i] as number[])[j] as number) + (v[i] as number) * (v[j] as number)
      rx[i] = (rx[i] as number) + (v[i] as number) * to.x
      ry[i] = (ry[i] as number) + (v[i] as number) * to.y
    }
  }
  const solve = (rhs: number[]) => solve3(m, rhs)
  const sx = solve(rx)
  const sy = solve(ry)
  if (!sx || !sy) return null
  return { a: sx[0], b: sx[1], c: sx[2], d: sy[0], e: sy[1], f: sy[2] }
}

function det3(m: number[][]): number {
  const [[a, b, c], [d, e, f], [g, h, i]] = m as [
    [number, number, number],
    [number, number, number],
    [number, number, number],
  ]
  return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
}

/** Cramer's rule; null when the points lie (nearly) on one line. */
function solve3(m: number[][], rhs: number[]): [number, number, number] | null {
  const det = det3(m)
  const scale = Math.max(...m.flat().map(Math.abs), 1)
  if (Math.abs(det) < 1e-9 * scale ** 3) return null
  const column = (k: number) => det3(m.map((row, r) => row.map((v, c) => (c === k ? (rhs[r] as number) : v))))
  return [column(0) / det, column(1) / det, column(2) / det]
}

export type TakeoverResult =
  | { ok: true; document: DesignDocument; transform: Affine; matched: LandmarkRole[]; kind: 'affine' | 'similarity' }
  | { ok: false; reason: string }

/**
 * Moves a design from one picture onto another by the landmarks both carry: an affine map
 * when three or more match (a real head is not the chart's shape), a similarity for two. The
 * target keeps its own landmarks; every other object is carried over, its points mapped and
 * held on the picture. Millimetre fields (feather, widths, softness) stay as they are: the
 * target's calibration gives them their size there.
 */
export function takeOverDesign(
  source: DesignDocument,
  target: DesignDocument,
  targetSize: { width: number; height: number },
): TakeoverResult {
  if (target.objects.some((o) => o.kind !== 'landmark'))
    return {
      ok: false,
      reason: 'This photo has a design of its own already; take the design over onto a photo with only landmarks.',
    }
  const pairs = landmarkPairs(source, target)
  if (pairs.length < 2)
    return {
      ok: false,
      reason:
        'Place at least two of the same landmarks on this photo as on the chart (glabella, temple points, vertex), then take the design over.',
    }
  const affine = affineFrom(pairs)
  const transform = affine ?? similarityFrom(pairs)
  if (!transform)
    return { ok: false, reason: 'The landmarks on this photo lie on top of one another; place them apart.' }
  const hold = (p: Point): Point => ({
    x: Math.min(Math.max(p.x, 0), targetSize.width),
    y: Math.min(Math.max(p.y, 0), targetSize.height),
  })
  const taken = new Set(target.objects.map((o) => o.id))
  const carried: DesignObject[] = source.objects
    .filter((o) => o.kind !== 'landmark')
    .map((o) => {
      let id = o.id
      while (taken.has(id)) id = `${id}-taken`
      taken.add(id)
      return { ...o, id, points: o.points.map((p) => hold(applyAffine(transform, p))) }
    })
  return {
    ok: true,
    document: { ...target, objects: [...target.objects, ...carried] },
    transform,
    matched: pairs.map((p) => p.role),
    kind: affine ? 'affine' : 'similarity',
  }
}
