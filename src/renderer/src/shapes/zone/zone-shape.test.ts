import { describe, expect, it } from 'vitest'
import { emptyDesign } from '../../../../shared/design/design-types'
import { CLINICAL_DEFAULTS } from '../../../../shared/settings/clinical-defaults'
import { newZone, ZONE_COLOURS, zoneCaption, zoneShape } from './zone-shape'

const p = (x: number, y: number) => ({ x, y })
const doc = emptyDesign()
const square = newZone(doc, [p(100, 100), p(300, 100), p(300, 300), p(100, 300)], 'crown')

describe('the zone shape', () => {
  it('starts from the settings for its role, in its role’s colour, with a name no other zone has', () => {
    expect(square).toMatchObject({
      kind: 'zone',
      name: 'Crown / vertex',
      colour: ZONE_COLOURS.crown,
      density: CLINICAL_DEFAULTS.zoneDensity.crown,
      softnessMm: CLINICAL_DEFAULTS.zoneSoftnessMm,
      hidden: false,
      locked: false,
    })
    const second = newZone({ ...doc, objects: [square] }, square.points, 'crown', {
      ...CLINICAL_DEFAULTS,
      zoneDensity: { ...CLINICAL_DEFAULTS.zoneDensity, crown: 90 },
    })
    expect(second).toMatchObject({ name: 'Crown / vertex 2', density: 90 })
    expect(second.id).not.toBe(square.id)
  })

  it('is a closed outline of at least three corners that must not cross itself', () => {
    expect(zoneShape.isClosed(square)).toBe(true)
    expect(zoneShape.minimumPoints(square)).toBe(3)
    expect(zoneShape.deletedWithPoint).toBe(false)
    expect(zoneShape.pointsProblem(square)).toBeNull()
    const bowtie = { ...square, points: [p(100, 100), p(300, 300), p(300, 100), p(100, 300)] }
    expect(zoneShape.pointsProblem(bowtie)).toMatch(/cross itself/)
  })

  it('is hit inside and on its edge, not outside', () => {
    const hit = (x: number, y: number) => zoneShape.hitTest(square, doc, p(x, y), 8, null)
    expect(hit(200, 200)).toBe(true)
    expect(hit(305, 200)).toBe(true)
    expect(hit(320, 200)).toBe(false)
    expect(zoneShape.pickedFirst).toBe(false)
  })

  it('is bounded by its corners, labelled at their mean, and has a handle on each', () => {
    expect(zoneShape.bounds(square, doc)).toEqual({ minX: 100, minY: 100, maxX: 300, maxY: 300 })
    expect(zoneShape.labelAnchor(square)).toEqual(p(200, 200))
    const handles = zoneShape.handles(square, doc)
    expect(handles.map((h) => h.point)).toEqual(square.points)
    expect(handles[2]?.source).toEqual({ index: 2, mirrored: false })
  })

  it('shows its area and impressions, or asks for a calibration', () => {
    const context = { document: doc, settings: CLINICAL_DEFAULTS }
    // 200 px square at 10 px/mm: 4 cm² × 140 per cm².
    expect(zoneShape.figures(square, { ...context, pxPerMm: 10 })).toEqual([
      { label: 'Area', value: '4.00 cm²' },
      { label: 'Impressions', value: '560' },
    ])
    expect(zoneShape.figures(square, { ...context, pxPerMm: null })).toEqual([
      { label: 'Area', value: '40,000 px²' },
      { label: 'Impressions', value: '— (calibrate first)' },
    ])
    expect(zoneCaption(square, { area: { value: 4, unit: 'cm²' }, impressions: 560 })).toBe(
      'Crown / vertex · 4.00 cm² · 560 imp.',
    )
  })
})
