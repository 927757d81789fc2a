import { describe, expect, it } from 'vitest'
import { type DesignDocument, emptyDesign } from '../../../shared/design/design-types'
import { newHairline } from '../shapes/hairline/hairline-shape'
import { newLandmark } from '../shapes/landmark/landmark-shape'
import { newPin } from '../shapes/pin/pin-shape'
import { newZone } from '../shapes/zone/zone-shape'
import {
  addObject,
  clampDelta,
  clampPoint,
  moveObjects,
  removeObjects,
  reorderObject,
  setPoints,
  updateObject,
} from './commands'
import { near, p } from './testing'

const IMAGE = { width: 1000, height: 800 }

/** A zone spanning x 100–300, y 50–150, a pin at (600, 400) and a locked pin at (700, 700). */
function scene() {
  let document = emptyDesign()
  const zone = newZone(document, [p(100, 50), p(300, 50), p(300, 150), p(100, 150)], 'frontal')
  document = addObject(document, zone)
  const pin = newPin(document, p(600, 400))
  document = addObject(document, pin)
  const locked = { ...newPin(document, p(700, 700)), locked: true }
  document = addObject(document, locked)
  return { document, zone, pin, locked }
}

const snapshot = (document: DesignDocument) => structuredClone(document)

describe('addObject and removeObjects', () => {
  it('adds on top and removes by id, leaving the original document as it was', () => {
    const { document, zone, pin, locked } = scene()
    expect(document.objects.map((o) => o.id)).toEqual([zone.id, pin.id, locked.id])
    const before = snapshot(document)

    const removed = removeObjects(document, [zone.id, locked.id])
    expect(removed.objects.map((o) => o.id)).toEqual([pin.id])
    expect(document).toEqual(before)
  })

  it('returns the same document when none of the ids are in it', () => {
    const { document } = scene()
    expect(removeObjects(document, ['not-there'])).toBe(document)
    expect(removeObjects(document, [])).toBe(document)
  })
})

describe('updateObject and setPoints', () => {
  it('changes only the named object', () => {
    const { document, zone, pin } = scene()
    const next = updateObject(document, zone.id, { density: 120, name: 'Front' })
    expect(next.objects[0]).toMatchObject({ density: 120, name: 'Front', role: 'frontal' })
    expect(next.objects[1]).toBe(pin)
    expect(document.objects[0]).toMatchObject({ density: 150, name: 'Frontal' })
  })

  it('returns the same document when the values are already so, or the id is unknown', () => {
    const { document, zone } = scene()
    expect(updateObject(document, zone.id, { density: 150, name: 'Frontal' })).toBe(document)
    expect(updateObject(document, 'not-there', { name: 'X' })).toBe(document)
  })

  it('replaces the points', () => {
    const { document, pin } = scene()
    expect(setPoints(document, pin.id, [p(1, 2)]).objects[1]?.points).toEqual([p(1, 2)])
  })
})

describe('moveObjects', () => {
  it('moves every point of the named objects', () => {
    const { document, zone, pin } = scene()
    const next = moveObjects(document, [zone.id, pin.id], 15, -20)
    expect(next.objects[0]?.points).toEqual([p(115, 30), p(315, 30), p(315, 130), p(115, 130)])
    expect(next.objects[1]?.points).toEqual([p(615, 380)])
  })

  it('leaves locked objects where they are', () => {
    const { document, zone, locked } = scene()
    const next = moveObjects(document, [zone.id, locked.id], 10, 10)
    expect(next.objects[0]?.points[0]).toEqual(p(110, 60))
    expect(next.objects[2]?.points).toEqual([p(700, 700)])
  })

  it('returns the same document for a zero move or when only locked objects are named', () => {
    const { document, zone, locked } = scene()
    expect(moveObjects(document, [zone.id], 0, 0)).toBe(document)
    expect(moveObjects(document, [locked.id], 10, 10)).toBe(document)
    expect(moveObjects(document, [], 10, 10)).toBe(document)
  })
})

describe('moving a mirrored hairline', () => {
  /** A vertical midline at x = 500 and a mirrored half hairline from (200, 400) to (500, 400). */
  function mirrored() {
    let document = emptyDesign()
    const midline = newLandmark(document, [p(500, 750), p(500, 50)], 'midline')
    document = addObject(document, midline)
    const hairline = newHairline(document, [p(200, 400), p(500, 400)], true)
    document = addObject(document, hairline)
    const pin = newPin(document, p(990, 400))
    document = addObject(document, pin)
    return { document, midline, hairline, pin }
  }

  it('moves it along the midline only, unless the midline moves with it', () => {
    const { document, midline, hairline } = mirrored()
    expect(moveObjects(document, [hairline.id], 30, -20).objects[1]?.points).toEqual([p(200, 380), p(500, 380)])
    expect(moveObjects(document, [hairline.id], 30, 0)).toBe(document)
    const both = moveObjects(document, [hairline.id, midline.id], 30, -20)
    expect(both.objects[0]?.points).toEqual([p(530, 730), p(530, 30)])
    expect(both.objects[1]?.points).toEqual([p(230, 380), p(530, 380)])
  })

  it('moves an unmirrored hairline freely', () => {
    const { document, hairline } = mirrored()
    const unmirrored = updateObject(document, hairline.id, { mirror: false })
    expect(moveObjects(unmirrored, [hairline.id], 30, -20).objects[1]?.points).toEqual([p(230, 380), p(530, 380)])
  })

  it('does not let the hairline hold back a move it makes only in part', () => {
    const { document, hairline, pin } = mirrored()
    // The pin at x = 990 can go 10 right; the hairline, moving only up and down, does not limit that.
    expect(clampDelta(document, [hairline.id, pin.id], 50, -500, IMAGE)).toEqual({ dx: 10, dy: -400 })
    // Up 400 along the midline is exactly as far as the hairline at y = 400 can go.
    const moved = moveObjects(document, [hairline.id, pin.id], 10, -450, IMAGE)
    expect(moved.objects[1]?.points).toEqual([near(200, 0), near(500, 0)])
  })
})

describe('reorderObject', () => {
  it('brings an object to the front or sends it to the back', () => {
    const { document, zone, pin, locked } = scene()
    expect(reorderObject(document, zone.id, 'front').objects.map((o) => o.id)).toEqual([pin.id, locked.id, zone.id])
    expect(reorderObject(document, locked.id, 'back').objects.map((o) => o.id)).toEqual([locked.id, zone.id, pin.id])
  })

  it('returns the same document when the object is already there', () => {
    const { document, zone, locked } = scene()
    expect(reorderObject(document, locked.id, 'front')).toBe(document)
    expect(reorderObject(document, zone.id, 'back')).toBe(document)
    expect(reorderObject(document, 'not-there', 'front')).toBe(document)
  })
})

describe('keeping points inside the photo', () => {
  it('clampPoint puts a point outside the photo on its nearest edge', () => {
    expect(clampPoint(p(-5, 900), IMAGE)).toEqual(p(0, 800))
    expect(clampPoint(p(1200, -1), IMAGE)).toEqual(p(1000, 0))
    expect(clampPoint(p(400, 300), IMAGE)).toEqual(p(400, 300))
  })

  it('clampDelta lets the zone move only until its edge reaches the photo edge', () => {
    const { document, zone } = scene()
    // The zone spans x 100–300 and y 50–150 in a 1000 × 800 photo.
    expect(clampDelta(document, [zone.id], 800, 0, IMAGE)).toEqual({ dx: 700, dy: 0 })
    expect(clampDelta(document, [zone.id], -500, 0, IMAGE)).toEqual({ dx: -100, dy: 0 })
    expect(clampDelta(document, [zone.id], 0, -80, IMAGE)).toEqual({ dx: 0, dy: -50 })
    expect(clampDelta(document, [zone.id], 30, 700, IMAGE)).toEqual({ dx: 30, dy: 650 })
    expect(clampDelta(document, [zone.id], 40, -20, IMAGE)).toEqual({ dx: 40, dy: -20 })
  })

  it('clampDelta takes the tightest of the moving objects and ignores locked ones', () => {
    const { document, zone, pin, locked } = scene()
    // The pin at (600, 400) can go 400 right; the zone could go 700.
    expect(clampDelta(document, [zone.id, pin.id], 900, 0, IMAGE)).toEqual({ dx: 400, dy: 0 })
    // The locked pin at (700, 700) does not move, so it does not hold the zone back.
    expect(clampDelta(document, [zone.id, locked.id], 0, 600, IMAGE)).toEqual({ dx: 0, dy: 600 })
  })

  it('clampDelta and moveObjects together never put a point outside the photo', () => {
    const { document, zone, pin } = scene()
    const { dx, dy } = clampDelta(document, [zone.id, pin.id], -2000, 2000, IMAGE)
    const moved = moveObjects(document, [zone.id, pin.id], dx, dy)
    const points = moved.objects.flatMap((o) => o.points)
    expect(points.every((q) => q.x >= 0 && q.x <= 1000 && q.y >= 0 && q.y <= 800)).toBe(true)
    // -100 brings the zone to the left edge; +400 brings the pin to the bottom edge.
    expect(moved.objects[0]?.points[0]).toEqual(p(0, 450))
    expect(moved.objects[1]?.points[0]).toEqual(p(500, 800))
  })
})
