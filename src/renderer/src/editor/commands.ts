import type { DesignDocument, DesignObject } from '../../../shared/design/design-types'
import { landmarkOf, midlineOf, upDirection } from '../../../shared/design/landmarks'
import type { Point } from '../../../shared/geometry/point'

/**
 * The document's changes as pure functions: each takes a document and returns a new one (or the
 * same object when nothing changes, which history treats as no step). The editor runs them and
 * records the before and after for undo.
 */

export function addObject(document: DesignDocument, object: DesignObject): DesignDocument {
  return { ...document, objects: [...document.objects, object] }
}

export function removeObjects(document: DesignDocument, ids: readonly string[]): DesignDocument {
  const remove = new Set(ids)
  const objects = document.objects.filter((o) => !remove.has(o.id))
  return objects.length === document.objects.length ? document : { ...document, objects }
}

/** A partial change to one object; the kind can never change, so the patch cannot switch it. */
export type ObjectPatch = Partial<Omit<DesignObject, 'kind' | 'id'>> & Record<string, unknown>

export function updateObject(document: DesignDocument, id: string, patch: ObjectPatch): DesignDocument {
  let changed = false
  const objects = document.objects.map((o) => {
    if (o.id !== id) return o
    const next = { ...o, ...patch, id: o.id, kind: o.kind } as DesignObject
    changed = Object.keys(patch).some((key) => (o as unknown as Record<string, unknown>)[key] !== patch[key])
    return changed ? next : o
  })
  return changed ? { ...document, objects } : document
}

export function setPoints(document: DesignDocument, id: string, points: Point[]): DesignDocument {
  return updateObject(document, id, { points })
}

/**
 * The direction a mirrored hairline may move in when moved with the objects `moving`: along the
 * midline, unless the midline moves too. A move across it would pull the two halves apart or
 * through each other. Null when the object moves freely.
 */
function alongMidline(object: DesignObject, document: DesignDocument, moving: ReadonlySet<string>): Point | null {
  if (object.kind !== 'hairline' || !object.mirror) return null
  const landmark = landmarkOf(document, 'midline')
  const midline = midlineOf(document)
  if (!landmark || !midline || (moving.has(landmark.id) && !landmark.locked)) return null
  return upDirection(midline)
}

/** The part of the move `t` along unit `u` that keeps every point on the photo. */
function travelWithin(points: readonly Point[], u: Point, t: number, image: { width: number; height: number }) {
  let low = -Infinity
  let high = Infinity
  const limit = (p: number, v: number, size: number) => {
    if (v === 0) return
    const a = -p / v
    const b = (size - p) / v
    low = Math.max(low, Math.min(a, b))
    high = Math.min(high, Math.max(a, b))
  }
  for (const p of points) {
    limit(p.x, u.x, image.width)
    limit(p.y, u.y, image.height)
  }
  return Math.min(high, Math.max(low, t))
}

/**
 * Moves whole objects; locked ones stay where they are. A mirrored hairline moves only along
 * the midline (unless the midline moves with it), and with `image` only as far as the photo.
 */
export function moveObjects(
  document: DesignDocument,
  ids: readonly string[],
  dx: number,
  dy: number,
  image?: { width: number; height: number },
): DesignDocument {
  if (dx === 0 && dy === 0) return document
  const move = new Set(ids)
  let changed = false
  const objects = document.objects.map((o) => {
    if (!move.has(o.id) || o.locked) return o
    const u = alongMidline(o, document, move)
    if (!u) {
      changed = true
      return { ...o, points: o.points.map((p) => ({ x: p.x + dx, y: p.y + dy })) }
    }
    const requested = dx * u.x + dy * u.y
    const t = image ? travelWithin(o.points, u, requested, image) : requested
    if (t === 0) return o
    changed = true
    const moved = o.points.map((p) => ({ x: p.x + t * u.x, y: p.y + t * u.y }))
    return { ...o, points: image ? moved.map((p) => clampPoint(p, image)) : moved }
  })
  return changed ? { ...document, objects } : document
}

/** Moves objects above or below the rest, which decides what is drawn on top. */
export function reorderObject(document: DesignDocument, id: string, to: 'front' | 'back'): DesignDocument {
  const object = document.objects.find((o) => o.id === id)
  if (!object) return document
  const others = document.objects.filter((o) => o.id !== id)
  const objects = to === 'front' ? [...others, object] : [object, ...others]
  return objects.every((o, i) => o === document.objects[i]) ? document : { ...document, objects }
}

/** Keeps every point inside the photo, where the store accepts them. */
export function clampPoint(p: Point, image: { width: number; height: number }): Point {
  return { x: Math.min(image.width, Math.max(0, p.x)), y: Math.min(image.height, Math.max(0, p.y)) }
}

/**
 * How far the given objects can move and stay inside the photo. A mirrored hairline that moves
 * only along the midline is held inside by `moveObjects` instead, so it does not count here.
 */
export function clampDelta(
  document: DesignDocument,
  ids: readonly string[],
  dx: number,
  dy: number,
  image: { width: number; height: number },
): { dx: number; dy: number } {
  const move = new Set(ids)
  let lowX = -Infinity
  let highX = Infinity
  let lowY = -Infinity
  let highY = Infinity
  for (const o of document.objects) {
    if (!move.has(o.id) || o.locked || alongMidline(o, document, move)) continue
    for (const p of o.points) {
      lowX = Math.max(lowX, -p.x)
      highX = Math.min(highX, image.width - p.x)
      lowY = Math.max(lowY, -p.y)
      highY = Math.min(highY, image.height - p.y)
    }
  }
  return { dx: Math.min(highX, Math.max(lowX, dx)), dy: Math.min(highY, Math.max(lowY, dy)) }
}
