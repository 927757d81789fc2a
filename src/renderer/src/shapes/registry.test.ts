import { describe, expect, it } from 'vitest'
import { type DesignObject, emptyDesign, OBJECT_KINDS } from '../../../shared/design/design-types'
import { newHairline } from './hairline/hairline-shape'
import { newLandmark } from './landmark/landmark-shape'
import { newPin } from './pin/pin-shape'
import { isObjectKind, ofKind, pointRemovalProblem, SHAPES, shapeOf } from './registry'
import { newScar } from './scar/scar-shape'
import { newZone } from './zone/zone-shape'

const p = (x: number, y: number) => ({ x, y })
const doc = emptyDesign()
const zone = newZone(doc, [p(0, 0), p(100, 0), p(100, 100), p(0, 100)], 'frontal')
const objects: DesignObject[] = [
  newHairline(doc, [p(0, 0), p(50, 10)], false),
  zone,
  newScar(doc, [p(0, 0), p(10, 0)], 'strip'),
  newLandmark(doc, [p(5, 5)], 'vertex'),
  newPin(doc, p(1, 1)),
]

describe('the shapes registry', () => {
  it('has a definition for every kind the document holds, under its own kind', () => {
    expect(Object.keys(SHAPES).sort()).toEqual(OBJECT_KINDS.map((k) => k.kind).sort())
    for (const object of objects) expect(shapeOf(object).kind).toBe(object.kind)
    expect(Object.values(SHAPES).map(({ kind, label, plural }) => ({ kind, label, plural }))).toEqual(OBJECT_KINDS)
    expect(isObjectKind('zone')).toBe(true)
    expect(isObjectKind('select')).toBe(false)
  })

  it('picks the objects of one kind', () => {
    expect(ofKind(objects, 'zone')).toEqual([zone])
  })

  it('lets a point go only while the shape keeps its minimum and stays a simple outline', () => {
    expect(pointRemovalProblem(zone, zone.points.slice(0, 3))).toBeNull()
    expect(pointRemovalProblem(zone, zone.points.slice(0, 2))).toBe(
      'Frontal needs at least 3 points; delete the whole object instead.',
    )
    const hairline = objects[0] as DesignObject
    expect(pointRemovalProblem(hairline, [p(0, 0)])).toBe(
      'Hairline needs at least 2 points; delete the whole object instead.',
    )
    const dots = newScar(doc, [p(0, 0)], 'dots')
    expect(pointRemovalProblem(dots, [])).toBe('FUE dot scars needs at least 1 point; delete the whole object instead.')
    // Five corners whose middle one keeps the ring from crossing itself.
    const dart = newZone(doc, [p(0, 0), p(100, 0), p(50, 40), p(100, 100), p(0, 100)], 'crown')
    expect(pointRemovalProblem(dart, [p(0, 0), p(100, 0), p(100, 100), p(0, 100)])).toBeNull()
    const bow = [p(0, 0), p(100, 100), p(100, 0), p(0, 100)]
    expect(pointRemovalProblem(dart, bow)).toBe('Without that point the outline would cross itself.')
  })
})
