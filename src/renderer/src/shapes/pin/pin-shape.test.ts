import { describe, expect, it } from 'vitest'
import { emptyDesign } from '../../../../shared/design/design-types'
import { CLINICAL_DEFAULTS } from '../../../../shared/settings/clinical-defaults'
import { newPin, PIN_COLOUR, pinCaption, pinShape } from './pin-shape'

const p = (x: number, y: number) => ({ x, y })
const doc = emptyDesign()
const pin = newPin(doc, p(200, 200))

describe('the pin shape', () => {
  it('is one point with an empty note, named Note', () => {
    expect(pin).toMatchObject({ kind: 'pin', name: 'Note', colour: PIN_COLOUR, note: '', points: [p(200, 200)] })
    expect(pinShape.minimumPoints(pin)).toBe(1)
    expect(pinShape.deletedWithPoint).toBe(true)
    expect(pinShape.pointsProblem(pin)).toBeNull()
  })

  it('is hit within two tolerances of its point, before the areas under it', () => {
    expect(pinShape.hitTest(pin, doc, p(215, 200), 8, null)).toBe(true)
    expect(pinShape.hitTest(pin, doc, p(217, 200), 8, null)).toBe(false)
    expect(pinShape.pickedFirst).toBe(true)
  })

  it('is bounded and labelled at its point, shows no figures, and is captioned by its note’s first line', () => {
    expect(pinShape.bounds(pin, doc)).toEqual({ minX: 200, minY: 200, maxX: 200, maxY: 200 })
    expect(pinShape.labelAnchor(pin)).toEqual(p(200, 200))
    expect(pinShape.figures(pin, { document: doc, pxPerMm: 10, settings: CLINICAL_DEFAULTS })).toEqual([])
    expect(pinCaption(pin)).toBe('Note')
    expect(pinCaption({ ...pin, note: 'Check the scar\nnext visit' })).toBe('Check the scar')
  })
})
