import type { Point } from './point'

/** Samples per span between two control points: smooth at any zoom a hairline is edited at. */
export const SPLINE_SAMPLES_PER_SPAN = 24

/**
 * A smooth curve through every control point (a centripetal Catmull-Rom spline), as a polyline.
 * Centripetal parameterisation never loops or cusps between close points, so a hairline drawn
 * with uneven spacing stays a clean curve. The result starts at the first control point, ends
 * at the last, and passes through each one at index `span × samplesPerSpan`.
 */
export function sampleSpline(controls: readonly Point[], samplesPerSpan = SPLINE_SAMPLES_PER_SPAN): Point[] {
  if (controls.length < 3) return controls.map((p) => ({ ...p }))
  const out: Point[] = []
  const n = controls.length
  for (let i = 0; i < n - 1; i++) {
    const p1 = controls[i] as Point
    const p2 = controls[i + 1] as Point
    // The ends are extended by reflection so the curve reaches them with a natural tangent.
    const p0 = i > 0 ? (controls[i - 1] as Point) : reflect(p2, p1)
    const p3 = i + 2 < n ? (controls[i + 2] as Point) : reflect(p1, p2)
    for (let s = 0; s < samplesPerSpan; s++) out.push(centripetal(p0, p1, p2, p3, s / samplesPerSpan))
  }
  out.push({ ...(controls[n - 1] as Point) })
  return out
}

function reflect(p: Point, about: Point): Point {
  return { x: 2 * about.x - p.x, y: 2 * about.y - p.y }
}

function knot(t: number, a: Point, b: Point): number {
  const d = Math.hypot(b.x - a.x, b.y - a.y)
  // A repeated point would give a zero-length knot interval; a tiny step keeps the maths finite.
  return t + Math.max(Math.sqrt(d), 1e-6)
}

function lerp(a: Point, b: Point, ta: number, tb: number, t: number): Point {
  const wa = (tb - t) / (tb - ta)
  const wb = (t - ta) / (tb - ta)
  return { x: wa * a.x + wb * b.x, y: wa * a.y + wb * b.y }
}

function centripetal(p0: Point, p1: Point, p2: Point, p3: Point, u: number): Point {
  const t0 = 0
  const t1 = knot(t0, p0, p1)
  const t2 = knot(t1, p1, p2)
  const t3 = knot(t2, p2, p3)
  const t = t1 + u * (t2 - t1)
  const a1 = lerp(p0, p1, t0, t1, t)
  const a2 = lerp(p1, p2, t1, t2, t)
  const a3 = lerp(p2, p3, t2, t3, t)
  const b1 = lerp(a1, a2, t0, t2, t)
  const b2 = lerp(a2, a3, t1, t3, t)
  return lerp(b1, b2, t1, t2, t)
}
