/** A point in image pixels: x to the right, y down, origin at the photo's top-left corner. */
export interface Point {
  x: number
  y: number
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y)
}
