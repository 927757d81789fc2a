import { describe, expect, it } from 'vitest'
import { emptyDesign } from '../../../../shared/design/design-types'
import { CLINICAL_DEFAULTS } from '../../../../shared/settings/clinical-defaults'
import { newScar, SCAR_COLOUR, scarShape } from './scar-shape'

const p = (x: number, y: number) => ({ x, y })
const doc = emptyDesign()
const strip = newScar(doc, [p(100, 500), p(500, 500)], 'strip')
const area = newScar(doc, [p(100, 100), p(300, 100), p(200, 300)], 'polygon')
const dots = newScar(doc, [p(50, 50), p(80, 50)], 'dots')
const context = { document: doc, settings: CLINICAL_DEFAULTS }

describe('the scar shape', () => {
  it('starts from the settings’ strip width and FUE dot size, named by its shape', () => {
    expect(strip).toMatchObject({
      kind: 'scar',
      name: 'FUT strip',
      colour: SCAR_COLOUR,
      widthMm: CLINICAL_DEFAULTS.futStripWidthMm,
      dotMm: CLINICAL_DEFAULTS.fueScarDiameterMm,
      note: '',
    })
    expect(area.name).toBe('Scar area')
    expect(dots.name).toBe('FUE dot scars')
  })

  it('is a closed outline only as a scar area; a strip needs two points, a cluster one dot', () => {
    expect([strip, area, dots].map((s) => scarShape.isClosed(s))).toEqual([false, true, false])
    expect([strip, area, dots].map((s) => scarShape.minimumPoints(s))).toEqual([2, 3, 1])
    const crossed = { ...area, points: [p(100, 100), p(300, 300), p(300, 100), p(100, 300)] }
    expect(scarShape.pointsProblem(crossed)).toMatch(/cross itself/)
    // A strip's line may cross itself: only outlines enclose an area.
    expect(scarShape.pointsProblem({ ...strip, points: crossed.points })).toBeNull()
  })

  it('hits a strip across its width in mm on a calibrated photo, and only near its line without one', () => {
    // 10 mm wide at 2 px/mm: 10 px either side of the line.
    expect(scarShape.hitTest(strip, doc, p(300, 509), 4, 2)).toBe(true)
    expect(scarShape.hitTest(strip, doc, p(300, 509), 4, null)).toBe(false)
    expect(scarShape.hitTest(strip, doc, p(300, 503), 4, null)).toBe(true)
  })

  it('hits an area inside it and a dot within one and a half tolerances', () => {
    expect(scarShape.hitTest(area, doc, p(200, 150), 4, null)).toBe(true)
    expect(scarShape.hitTest(area, doc, p(200, 320), 4, null)).toBe(false)
    expect(scarShape.hitTest(dots, doc, p(85, 50), 4, null)).toBe(true)
    expect(scarShape.hitTest(dots, doc, p(87, 50), 4, null)).toBe(false)
  })

  it('is bounded by its points and shows its area, length or dots', () => {
    expect(scarShape.bounds(area, doc)).toEqual({ minX: 100, minY: 100, maxX: 300, maxY: 300 })
    expect(scarShape.labelAnchor(area)).toBeNull()
    expect(scarShape.figures(strip, { ...context, pxPerMm: 10 })).toEqual([
      { label: 'Area', value: '4.00 cm²' },
      { label: 'Length', value: '40.0 mm' },
    ])
    expect(scarShape.figures(strip, { ...context, pxPerMm: null })).toEqual([{ label: 'Length', value: '400 px' }])
    expect(scarShape.figures(dots, { ...context, pxPerMm: 10 }).map((f) => f.label)).toEqual(['Area', 'Dot scars'])
  })
})
