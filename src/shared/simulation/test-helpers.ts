/**
 * Checks shared by the simulation's tests: they look at dots the way a user would (spacing,
 * counts in a region), independently of how the sampler stores them.
 */

/** The smallest distance between any two of the first `count` dots, found with a grid of cells `reach` wide (pairs farther apart than reach are not looked at). */
export function closestPair(xs: Float32Array, ys: Float32Array, count: number, reach: number): number {
  const cells = new Map<string, number[]>()
  let best = Number.POSITIVE_INFINITY
  for (let d = 0; d < count; d++) {
    const ci = Math.floor((xs[d] as number) / reach)
    const cj = Math.floor((ys[d] as number) / reach)
    for (let dj = -1; dj <= 1; dj++) {
      for (let di = -1; di <= 1; di++) {
        for (const other of cells.get(`${ci + di},${cj + dj}`) ?? []) {
          const dist = Math.hypot((xs[d] as number) - (xs[other] as number), (ys[d] as number) - (ys[other] as number))
          if (dist < best) best = dist
        }
      }
    }
    const key = `${ci},${cj}`
    const list = cells.get(key)
    if (list) list.push(d)
    else cells.set(key, [d])
  }
  return best
}

/** How many of the dots in [from, to) lie inside the rectangle. */
export function countIn(
  xs: Float32Array,
  ys: Float32Array,
  from: number,
  to: number,
  rect: { minX: number; minY: number; maxX: number; maxY: number },
): number {
  let n = 0
  for (let d = from; d < to; d++) {
    const x = xs[d] as number
    const y = ys[d] as number
    if (x >= rect.minX && x < rect.maxX && y >= rect.minY && y < rect.maxY) n++
  }
  return n
}
