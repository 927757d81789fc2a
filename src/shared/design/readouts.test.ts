import { describe, expect, it } from 'vitest'
import type { Point } from '../geometry/point'
import { formatQuantity } from '../photos/calibration'
import type {
  DesignDocument,
  DesignObject,
  HairlineObject,
  LandmarkObject,
  ScarObject,
  ZoneObject,
} from './design-types'
import { presetFrame, presetHalf } from './hairline-presets'
import { glabellaOf, landmarkOf, midlineOf, upDirection } from './landmarks'
import { designReadouts, hairlineHeight, scarReadout, zoneReadout } from './readouts'

const p = (x: number, y: number): Point => ({ x, y })
const rectangle = (x: number, y: number, width: number, height: number) => [
  p(x, y),
  p(x + width, y),
  p(x + width, y + height),
  p(x, y + height),
]

const common = { name: '', colour: '#336699', hidden: false, locked: false }
const zone = (id: string, points: Point[], density: number): ZoneObject => ({
  ...common,
  id,
  kind: 'zone',
  points,
  role: 'crown',
  density,
  softnessMm: 5,
})
const scar = (shape: ScarObject['shape'], points: Point[], widthMm = 10, dotMm = 0.85): ScarObject => ({
  ...common,
  id: `scar-${shape}`,
  kind: 'scar',
  points,
  shape,
  widthMm,
  dotMm,
  note: '',
})
const hairline = (points: Point[], mirror: boolean): HairlineObject => ({
  ...common,
  id: 'hl',
  kind: 'hairline',
  points,
  mirror,
  featherMm: 4,
  irregularity: 0.5,
})
const landmark = (role: LandmarkObject['role'], points: Point[]): LandmarkObject => ({
  ...common,
  id: role,
  kind: 'landmark',
  points,
  role,
})
const design = (...objects: DesignObject[]): DesignDocument => ({ schema: 1, objects })

const GLABELLA = p(1000, 1500)
const MIDLINE = landmark('midline', [GLABELLA, p(1000, 500)])

describe('zone readouts', () => {
  it('gives a 20 × 30 mm zone at 10 px/mm as 6.00 cm²', () => {
    const readout = zoneReadout(zone('z', rectangle(100, 100, 200, 300), 140), 10)
    expect(readout.area.unit).toBe('cm²')
    expect(readout.area.value).toBeCloseTo(6, 9)
    expect(formatQuantity(readout.area)).toBe('6.00 cm²')
  })

  it.each([
    // A 3-4-5 ruler: 50 px over 2 mm is 25 px/mm, so 500 × 250 px is 20 × 10 mm.
    ['at 25 px/mm', rectangle(0, 0, 500, 250), 25, 2],
    // 70 × 70 px at 10 px/mm.
    ['of a small square', rectangle(0, 0, 70, 70), 10, 0.49],
    // A right triangle with legs 40 and 30 mm: 600 mm², 6 cm².
    ['of a triangle', [p(0, 0), p(400, 0), p(0, 300)], 10, 6],
  ])('measures a zone %s', (_label, points, scale, cm2) => {
    expect(zoneReadout(zone('z', points, 140), scale).area.value).toBeCloseTo(cm2, 9)
  })

  it('gives pixels on an uncalibrated photo', () => {
    expect(zoneReadout(zone('z', rectangle(100, 100, 200, 300), 140), null)).toEqual({
      area: { value: 60_000, unit: 'px²' },
    })
  })
})

describe('scar readouts', () => {
  it('measures a strip’s length, and its area from its width in mm', () => {
    // 500 px long at 10 px/mm is 50 mm; 50 × 10 mm is 5 cm².
    const strip = scar('strip', [p(100, 100), p(400, 500)], 10)
    const calibrated = scarReadout(strip, 10)
    expect(calibrated.length).toEqual({ value: 50, unit: 'mm' })
    expect(calibrated.area?.unit).toBe('cm²')
    expect(calibrated.area?.value).toBeCloseTo(5, 9)
    expect(calibrated.dots).toBeNull()
    // Without a scale the length is in pixels and the area cannot be known.
    expect(scarReadout(strip, null)).toEqual({ area: null, length: { value: 500, unit: 'px' }, dots: null })
  })

  it('measures a strip drawn as a bent line along all its points', () => {
    // 300 + 400 px at 20 px/mm is 35 mm; at 12 mm wide, 4.2 cm².
    const readout = scarReadout(scar('strip', [p(0, 0), p(300, 0), p(300, 400)], 12), 20)
    expect(readout.length?.value).toBeCloseTo(35, 9)
    expect(readout.area?.value).toBeCloseTo(4.2, 9)
  })

  it('measures a scar area as its outline', () => {
    // 100 × 50 px at 10 px/mm is 10 × 5 mm: 0.5 cm².
    const outline = scar('polygon', rectangle(0, 0, 100, 50))
    const readout = scarReadout(outline, 10)
    expect(readout.area?.value).toBeCloseTo(0.5, 9)
    expect(readout.length).toBeNull()
    expect(readout.dots).toBeNull()
    expect(scarReadout(outline, null).area).toEqual({ value: 5000, unit: 'px²' })
  })

  it('counts FUE dots and their area from the dot diameter, with or without a calibration', () => {
    // 12 dots of 1 mm: 12 × π × 0.5² = 9.42478 mm² = 0.0942478 cm².
    const dots = scar(
      'dots',
      Array.from({ length: 12 }, (_, i) => p(10 * i, 0)),
      10,
      1,
    )
    for (const scale of [10, null]) {
      const readout = scarReadout(dots, scale)
      expect(readout.dots).toBe(12)
      expect(readout.area?.unit).toBe('cm²')
      expect(readout.area?.value).toBeCloseTo(0.0942478, 6)
      expect(readout.length).toBeNull()
    }
  })
})

describe('hairline readouts', () => {
  it('measures a straight hairline’s length', () => {
    // Three evenly spaced points on a line: 500 px long, 50 mm at 10 px/mm.
    const straight = hairline([p(0, 0), p(150, 200), p(300, 400)], false)
    expect(designReadouts(design(straight), 10).hairlines.get('hl')?.length.value).toBeCloseTo(50, 6)
    expect(designReadouts(design(straight), null).hairlines.get('hl')?.length).toEqual({
      value: expect.closeTo(500, 6),
      unit: 'px',
    })
  })

  it('measures the whole mirrored hairline, both halves', () => {
    // A half from (600, 700) to the midline at (1000, 700), mirrored: 800 px in all.
    const level = hairline([p(600, 700), p(800, 700), p(1000, 700)], true)
    const readout = designReadouts(design(MIDLINE, level), 10).hairlines.get('hl')
    expect(readout?.length.value).toBeCloseTo(80, 6)
  })

  it('says the rounded preset at 10 px/mm stands 8.0 cm of tape above the glabella, 6.7 cm flat on the photo', () => {
    const midline = midlineOf(design(MIDLINE))
    const frame = presetFrame({ width: 2000, height: 3000 }, GLABELLA, midline, upDirection(midline), 10)
    const preset = hairline(presetHalf('rounded', frame), true)
    const document = design(MIDLINE, landmark('glabella', [GLABELLA]), preset)
    const readout = designReadouts(document, 10).hairlines.get('hl')
    expect(readout?.height?.unit).toBe('cm')
    expect(readout?.height?.value).toBeCloseTo(8 * Math.sin(1), 6)
    expect(readout?.tapeHeight && formatQuantity(readout.tapeHeight)).toBe('8.0 cm')
    expect(readout?.height && formatQuantity(readout.height)).toBe('6.7 cm')
    expect(readout?.heightHint).toBeNull()
    expect(readout?.lowHint).toBeNull()
    // Uncalibrated, the same hairline is 673 px up, and no tape height can be given.
    expect(designReadouts(document, null).hairlines.get('hl')).toMatchObject({
      height: { value: expect.closeTo(80 * Math.sin(1) * 10, 6), unit: 'px' },
      tapeHeight: null,
    })
  })

  it('says a hairline is lower than the clinics’ line below 7 cm of tape', () => {
    const midline = midlineOf(design(MIDLINE))
    const frame = presetFrame({ width: 2000, height: 3000 }, GLABELLA, midline, upDirection(midline), 10)
    const preset = hairline(presetHalf('rounded', frame, 6.5), true)
    const readout = designReadouts(design(MIDLINE, landmark('glabella', [GLABELLA]), preset), 10).hairlines.get('hl')
    expect(readout?.tapeHeight?.value).toBeCloseTo(6.5, 6)
    expect(readout?.lowHint).toMatch(/^Lower than the clinics' line: 6.5 cm over the forehead/)
  })

  it.each([
    // Level at y = 700, crossing x = 1000 between its points: 800 px above the glabella.
    ['straight up without a midline', null, [p(400, 700), p(1300, 700)], 10, 8],
    ['up a vertical midline', MIDLINE, [p(400, 700), p(1300, 700)], 10, 8],
    // Up (0.6, -0.8) from (1000, 1500) meets y = 700 after 800 / 0.8 = 1000 px: 10 cm at 10 px/mm.
    ['along a tilted midline', landmark('midline', [GLABELLA, p(1060, 1420)]), [p(0, 700), p(3000, 700)], 10, 10],
    // A hairline that rises to the right: y = 900 - x / 5 crosses x = 1000 at y = 700.
    ['where a sloping hairline crosses', null, [p(500, 800), p(1500, 600)], 20, 4],
  ])('measures the height %s', (_label, midline, points, scale, cm) => {
    const document = design(...(midline ? [midline] : []), landmark('glabella', [GLABELLA]))
    const result = hairlineHeight(points, glabellaOf(document), midlineOf(document), scale)
    expect(result.hint).toBeNull()
    expect(result.height?.unit).toBe('cm')
    expect(result.height?.value).toBeCloseTo(cm, 6)
  })

  it('takes the crossing nearest the glabella when the hairline crosses twice', () => {
    // Down through x = 1000 at y = 1100, back up through it at y = 600.
    const hook = [p(900, 1000), p(1100, 1200), p(1100, 500), p(900, 700)]
    expect(hairlineHeight(hook, GLABELLA, null, 10).height?.value).toBeCloseTo(4, 6)
  })

  it.each([
    ['without a glabella', null, [p(400, 700), p(1300, 700)], 'Place the glabella'],
    ['when the hairline is all to one side', GLABELLA, [p(100, 700), p(900, 600)], 'does not cross'],
    ['when the hairline is below the glabella', GLABELLA, [p(400, 1700), p(1300, 1700)], 'does not cross'],
  ])('gives a hint instead of a height %s', (_label, glabella, points, hint) => {
    const result = hairlineHeight(points, glabella, null, 10)
    expect(result.height).toBeNull()
    expect(result.hint).toContain(hint)
  })
})

describe('design readouts', () => {
  const crown = zone('crown', rectangle(100, 100, 200, 300), 140)
  const temple = zone('temple', rectangle(0, 0, 70, 70), 140)
  const strip = scar('strip', [p(100, 100), p(400, 500)])
  const document = design(MIDLINE, crown, strip, temple, hairline([p(600, 700), p(1000, 700)], true), {
    ...common,
    id: 'pin',
    kind: 'pin',
    points: [p(5, 5)],
    note: '',
  })

  it('reads out every zone, scar and hairline by id', () => {
    const readouts = designReadouts(document, 10)
    expect(readouts.calibrated).toBe(true)
    expect([...readouts.zones.keys()]).toEqual(['crown', 'temple'])
    expect([...readouts.scars.keys()]).toEqual(['scar-strip'])
    expect([...readouts.hairlines.keys()]).toEqual(['hl'])
  })

  it('reads areas in pixels on an uncalibrated photo', () => {
    const readouts = designReadouts(document, null)
    expect(readouts.calibrated).toBe(false)
    expect(readouts.zones.get('crown')?.area).toEqual({ value: 60_000, unit: 'px²' })
  })
})

describe('landmarks', () => {
  it('finds the midline and glabella by role, or null when they are not placed', () => {
    const document = design(landmark('vertex', [p(5, 5)]), MIDLINE, landmark('glabella', [GLABELLA]))
    expect(midlineOf(document)).toEqual({ a: GLABELLA, b: p(1000, 500) })
    expect(glabellaOf(document)).toEqual(GLABELLA)
    expect(landmarkOf(document, 'vertex')?.points).toEqual([p(5, 5)])
    expect(landmarkOf(document, 'temple-left')).toBeUndefined()
    expect(midlineOf(design())).toBeNull()
    expect(glabellaOf(design())).toBeNull()
  })

  it.each([
    ['straight up without a midline', null, p(0, -1)],
    ['up a midline drawn upward', { a: p(0, 100), b: p(0, 0) }, p(0, -1)],
    ['up a midline drawn downward', { a: p(0, 0), b: p(0, 100) }, p(0, -1)],
    ['along a tilted midline drawn upward', { a: p(1000, 1500), b: p(1060, 1420) }, p(0.6, -0.8)],
    ['along a tilted midline drawn downward', { a: p(1060, 1420), b: p(1000, 1500) }, p(0.6, -0.8)],
    ['along a midline leaning left', { a: p(0, 0), b: p(-300, -400) }, p(-0.6, -0.8)],
  ])('points %s', (_label, midline, up) => {
    const direction = upDirection(midline)
    expect(direction.x).toBeCloseTo(up.x, 9)
    expect(direction.y).toBeCloseTo(up.y, 9)
  })
})
