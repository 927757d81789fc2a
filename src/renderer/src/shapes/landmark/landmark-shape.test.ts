import { describe, expect, it } from 'vitest'
import { emptyDesign } from '../../../../shared/design/design-types'
import { LANDMARK_COLOUR, landmarkShape, newLandmark } from './landmark-shape'

const p = (x: number, y: number) => ({ x, y })
const doc = emptyDesign()
const midline = newLandmark(doc, [p(500, 100), p(500, 700)], 'midline')
const glabella = newLandmark(doc, [p(500, 600)], 'glabella')

describe('the landmark shape', () => {
  it('is named by its role', () => {
    expect(midline).toMatchObject({ kind: 'landmark', name: 'Facial midline', colour: LANDMARK_COLOUR })
    expect(glabella.name).toBe('Glabella')
  })

  it('is its points: the midline two, any other one; deleting a point deletes it', () => {
    expect(landmarkShape.minimumPoints(midline)).toBe(2)
    expect(landmarkShape.minimumPoints(glabella)).toBe(1)
    expect(landmarkShape.deletedWithPoint).toBe(true)
    expect(landmarkShape.isClosed(midline)).toBe(false)
  })

  it('refuses a midline whose two points meet', () => {
    expect(landmarkShape.pointsProblem(midline)).toBeNull()
    expect(landmarkShape.pointsProblem({ ...midline, points: [p(5, 5), p(5, 5)] })).toMatch(/two different points/)
  })

  it('is hit along the midline, or within one and a half tolerances of its point, before the areas under it', () => {
    expect(landmarkShape.hitTest(midline, doc, p(506, 300), 8, null)).toBe(true)
    expect(landmarkShape.hitTest(midline, doc, p(510, 300), 8, null)).toBe(false)
    expect(landmarkShape.hitTest(glabella, doc, p(511, 600), 8, null)).toBe(true)
    expect(landmarkShape.hitTest(glabella, doc, p(513, 600), 8, null)).toBe(false)
    expect(landmarkShape.pickedFirst).toBe(true)
  })

  it('is bounded by its points and named beside its point; the midline has no label', () => {
    expect(landmarkShape.bounds(midline, doc)).toEqual({ minX: 500, minY: 100, maxX: 500, maxY: 700 })
    expect(landmarkShape.labelAnchor(glabella)).toEqual(p(500, 600))
    expect(landmarkShape.labelAnchor(midline)).toBeNull()
  })
})
