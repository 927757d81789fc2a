import { describe, expect, it } from 'vitest'
import { emptyDesign } from '../../../../shared/design/design-types'
import { designZoneFigures } from '../../../../shared/plan/zone-figures'
import { CLINICAL_DEFAULTS } from '../../../../shared/settings/clinical-defaults'
import { areaNote, newZone, TREATED_EXPLANATION, ZONE_COLOURS, zoneCaption, zoneShape } from './zone-shape'

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
    // A hard edge, so the area the plan counts is the outline's.
    const hard = { ...square, softnessMm: 0 }
    const document = { ...doc, objects: [hard] }
    const context = { document, settings: CLINICAL_DEFAULTS }
    const counted = (pxPerMm: number | null) => ({
      ...context,
      pxPerMm,
      zoneFigures: designZoneFigures(document, 'd', pxPerMm),
    })
    // 200 px square at 10 px/mm: 4 cm² × 140 per cm².
    expect(zoneShape.figures(hard, counted(10))).toEqual([
      { label: 'Area', value: '4.00 cm²', explanation: TREATED_EXPLANATION },
      { label: 'Impressions', value: '560' },
    ])
    expect(zoneShape.figures(hard, counted(null))).toEqual([
      { label: 'Area', value: '40,000 px²', explanation: TREATED_EXPLANATION },
      { label: 'Impressions', value: '— (calibrate first)' },
    ])
    expect(zoneCaption(hard, counted(10).zoneFigures.zones.get(hard.id))).toBe('Crown / vertex · 4.00 cm² · 560 imp.')
    // Until the figures are counted: no figure yet, and the label over the photo names the zone alone.
    expect(zoneShape.figures(hard, { ...context, pxPerMm: 10 })).toEqual([
      { label: 'Area', value: 'counting…', tone: 'muted' },
    ])
    expect(zoneCaption(hard, undefined)).toBe('Crown / vertex')
  })

  it('shows the treated area beside the outline where a zone drawn over it takes some of its skin', () => {
    const under = { ...square, softnessMm: 0 }
    const over = {
      ...newZone({ ...doc, objects: [under] }, [p(200, 100), p(400, 100), p(400, 300), p(200, 300)], 'frontal'),
      softnessMm: 0,
    }
    const document = { ...doc, objects: [under, over] }
    const zoneFigures = designZoneFigures(document, 'd', 10)
    const figure = zoneFigures.zones.get(under.id)
    // The frontal zone drawn over it takes its right half: 2 cm² left, 280 impressions.
    expect(figure && areaNote(figure)).toBe('outline 4.00 cm² · treated 2.00 cm² (overlap with Frontal)')
    expect(zoneShape.figures(under, { document, settings: CLINICAL_DEFAULTS, pxPerMm: 10, zoneFigures })).toEqual([
      { label: 'Treated area', value: '2.00 cm²', explanation: TREATED_EXPLANATION },
      { label: 'Outline area', value: '4.00 cm²', detail: ' (overlap with Frontal)' },
      { label: 'Impressions', value: '280' },
    ])
    expect(zoneCaption(under, figure)).toBe('Crown / vertex · 2.00 cm² treated (outline 4.00 cm²) · 280 imp.')
    // A hairline near a zone pulls it up to the line: more skin than its outline.
    expect(
      areaNote({
        outline: { value: 4.77, unit: 'cm²' },
        treated: { value: 6.8, unit: 'cm²' },
        impressions: 1020,
        under: [],
        byHairline: true,
      }),
    ).toBe('outline 4.77 cm² · treated 6.80 cm² (pulled up to the hairline)')
    // The zone on top keeps its outline's area: no note.
    const top = zoneFigures.zones.get(over.id)
    expect(top && areaNote(top)).toBeNull()
  })

  it('shows one area where the feathered edge alone changes it by less than 1%', () => {
    // 40 × 30 mm feathered over 5 mm: the soft corners add about 0.04 cm² to the 12 cm² drawn.
    const soft = newZone(doc, [p(0, 0), p(400, 0), p(400, 300), p(0, 300)], 'frontal')
    const figure = designZoneFigures({ ...doc, objects: [soft] }, 'd', 10).zones.get(soft.id)
    expect(figure?.treated?.value).not.toBe(12)
    expect(Math.abs((figure?.treated?.value ?? 0) - 12)).toBeLessThan(0.12)
    expect(figure && areaNote(figure)).toBeNull()
  })
})
