import { describe, expect, it } from 'vitest'
import type { Point } from '../geometry/point'
import { CLINICAL_DEFAULTS } from '../settings/clinical-defaults'
import { DESIGN_LIMITS } from './design-limits'
import { designDocumentSchema } from './design-schema'
import {
  type DesignDocument,
  type DesignObject,
  type HairlineObject,
  type LandmarkObject,
  type PinObject,
  type ScarObject,
  ZONE_ROLES,
  type ZoneObject,
} from './design-types'

const p = (x: number, y: number): Point => ({ x, y })
const common = { name: 'Object', colour: '#336699', hidden: false, locked: false }

const hairline = (over: Partial<HairlineObject> = {}): HairlineObject => ({
  ...common,
  id: 'hairline',
  kind: 'hairline',
  points: [p(200, 600), p(300, 400), p(500, 320)],
  mirror: true,
  featherMm: 4,
  irregularity: 0.5,
  ...over,
})
const zone = (over: Partial<ZoneObject> = {}): ZoneObject => ({
  ...common,
  id: 'zone',
  kind: 'zone',
  points: [p(0, 0), p(100, 0), p(100, 100), p(0, 100)],
  role: 'crown',
  density: 140,
  softnessMm: 5,
  ...over,
})
const scar = (over: Partial<ScarObject> = {}): ScarObject => ({
  ...common,
  id: 'scar',
  kind: 'scar',
  points: [p(10, 10), p(200, 30)],
  shape: 'strip',
  widthMm: 10,
  dotMm: 0.85,
  note: 'Raised at the left end',
  ...over,
})
const landmark = (over: Partial<LandmarkObject> = {}): LandmarkObject => ({
  ...common,
  id: 'midline',
  kind: 'landmark',
  points: [p(500, 900), p(500, 100)],
  role: 'midline',
  ...over,
})
const pin = (over: Partial<PinObject> = {}): PinObject => ({
  ...common,
  id: 'pin',
  kind: 'pin',
  points: [p(40, 40)],
  note: '',
  ...over,
})
const design = (...objects: DesignObject[]): DesignDocument => ({ schema: 1, objects })

/** A design with an object of every kind, each valid. */
const full = () =>
  design(
    landmark(),
    landmark({ id: 'glabella', role: 'glabella', points: [p(500, 900)] }),
    hairline(),
    zone(),
    scar(),
    scar({ id: 'fue', shape: 'dots', points: [p(1, 1), p(5, 5), p(9, 1)] }),
    scar({ id: 'area', shape: 'polygon', points: [p(0, 0), p(30, 0), p(15, 20)] }),
    pin(),
  )

/** The messages zod gives for a value, or [] when it is accepted. */
const problems = (value: unknown): string[] => {
  const result = designDocumentSchema.safeParse(value)
  return result.success ? [] : result.error.issues.map((issue) => issue.message)
}

describe('design document schema', () => {
  it('accepts a design with every kind of object, unchanged', () => {
    const document = full()
    const result = designDocumentSchema.safeParse(document)
    expect(result.success).toBe(true)
    expect(result.data).toEqual(document)
  })

  it('accepts an empty design', () => {
    expect(problems(design())).toEqual([])
  })

  it.each([
    ['a zone with exactly three corners', zone({ points: [p(0, 0), p(10, 0), p(0, 10)] })],
    ['a concave zone', zone({ points: [p(0, 0), p(4, 0), p(4, 2), p(2, 2), p(2, 4), p(0, 4)] })],
    ['a hairline with two points', hairline({ points: [p(0, 0), p(10, 0)] })],
    ['a single FUE dot', scar({ shape: 'dots', points: [p(3, 3)] })],
    ['a strip of two points', scar({ points: [p(0, 0), p(10, 0)] })],
    ['the lowest density', zone({ density: DESIGN_LIMITS.density.min })],
    ['the highest density', zone({ density: DESIGN_LIMITS.density.max })],
    ['a sharp edge-up', hairline({ irregularity: 0 })],
    ['a fully broken edge', hairline({ irregularity: 1 })],
    ['no feather', hairline({ featherMm: 0 })],
    ['the widest feather', hairline({ featherMm: DESIGN_LIMITS.featherMm })],
    ['the smallest and largest FUE dots', scar({ dotMm: DESIGN_LIMITS.dotMm.min, widthMm: DESIGN_LIMITS.widthMm })],
    ['a name at its longest', pin({ name: 'n'.repeat(DESIGN_LIMITS.name) })],
    ['an empty name', pin({ name: '' })],
    ['a note at its longest', pin({ note: 'n'.repeat(DESIGN_LIMITS.note) })],
    ['an upper-case colour', pin({ colour: '#AABBCC' })],
    ['an id of letters, digits, - and _', pin({ id: 'Pin_2-b' })],
    ['an id 64 characters long', pin({ id: 'x'.repeat(64) })],
    ['a point off the photo (negative, fractional)', pin({ points: [p(-12.5, 3.25)] })],
    [
      'the most points an object may have',
      hairline({ points: Array.from({ length: DESIGN_LIMITS.points }, (_, i) => p(i, 0)) }),
    ],
  ])('accepts %s', (_label, object) => {
    expect(problems(design(object))).toEqual([])
  })

  it('accepts the most objects a design may hold', () => {
    const pins = Array.from({ length: DESIGN_LIMITS.objects }, (_, i) => pin({ id: `pin-${i}` }))
    expect(problems(design(...pins))).toEqual([])
  })

  it.each([
    ['a self-intersecting zone', zone({ points: [p(0, 0), p(10, 10), p(10, 0), p(0, 10)] }), 'must not cross itself'],
    ['a zone of two corners', zone({ points: [p(0, 0), p(10, 0)] }), 'at least three corners'],
    [
      'a self-intersecting scar area',
      scar({ shape: 'polygon', points: [p(0, 0), p(10, 10), p(10, 0), p(0, 10)] }),
      'must not cross itself',
    ],
    ['a scar area of two corners', scar({ shape: 'polygon', points: [p(0, 0), p(10, 0)] }), 'at least three corners'],
    ['a hairline of one point', hairline({ points: [p(0, 0)] }), 'at least two points'],
    ['a strip of one point', scar({ points: [p(0, 0)] }), 'at least two points'],
    ['an FUE cluster with no dots', scar({ shape: 'dots', points: [] }), 'at least one dot'],
    ['a glabella of two points', landmark({ role: 'glabella', points: [p(0, 0), p(1, 1)] }), 'one point'],
    ['a midline of one point', landmark({ points: [p(0, 0)] }), 'two points'],
    ['a midline of three points', landmark({ points: [p(0, 0), p(0, 5), p(0, 9)] }), 'two points'],
    ['a midline with both points in one place', landmark({ points: [p(5, 5), p(5, 5)] }), 'two different points'],
    ['a pin of two points', pin({ points: [p(0, 0), p(1, 1)] }), 'one point'],
    ['a pin with no point', pin({ points: [] }), 'one point'],
    ['a density of 0', zone({ density: 0 }), 'at least 1 per cm²'],
    ['a density over the limit', zone({ density: 401 }), 'at most 400 per cm²'],
    ['an endless density', zone({ density: Number.POSITIVE_INFINITY }), 'density'],
    ['a negative softness', zone({ softnessMm: -1 }), 'at least 0 mm'],
    ['an irregularity over 1', hairline({ irregularity: 1.5 }), 'between 0 and 1'],
    ['a negative irregularity', hairline({ irregularity: -0.1 }), 'between 0 and 1'],
    ['a feather over the limit', hairline({ featherMm: 51 }), '50 mm or less'],
    ['a strip with no width', scar({ widthMm: 0 }), 'at least 0.1 mm'],
    ['FUE dots too small', scar({ dotMm: 0.05 }), 'at least 0.1 mm'],
    ['FUE dots too large', scar({ dotMm: 6 }), '5 mm or less'],
    ['a colour by name', pin({ colour: 'red' }), '#rrggbb'],
    ['a short colour', pin({ colour: '#abc' }), '#rrggbb'],
    ['an id with a space', pin({ id: 'a b' }), 'letters, digits'],
    ['an empty id', pin({ id: '' }), 'letters, digits'],
    ['an id 65 characters long', pin({ id: 'x'.repeat(65) }), 'letters, digits'],
    ['a name too long', pin({ name: 'n'.repeat(81) }), 'at most 80 characters'],
    ['a note too long', pin({ note: 'n'.repeat(2001) }), 'at most 2000 characters'],
    ['a coordinate that is not a number', pin({ points: [p(Number.NaN, 0)] }), 'coordinate'],
    ['an endless coordinate', pin({ points: [p(Number.POSITIVE_INFINITY, 0)] }), 'coordinate'],
    ['an unknown zone role', zone({ role: 'eyebrow' as ZoneObject['role'] }), 'zone role'],
    ['an unknown scar shape', scar({ shape: 'round' as ScarObject['shape'] }), 'scar shape'],
    ['an unknown landmark', landmark({ role: 'chin' as LandmarkObject['role'] }), 'landmark'],
    [
      'more points than an object may have',
      hairline({ points: Array.from({ length: DESIGN_LIMITS.points + 1 }, (_, i) => p(i, 0)) }),
      'at most 2000 points',
    ],
  ])('refuses %s', (_label, object, message) => {
    const found = problems(design(object))
    expect(found.length).toBeGreaterThan(0)
    expect(found.join('\n')).toContain(message)
  })

  it('names the object whose shape is wrong', () => {
    expect(problems(design(zone({ name: 'Crown', points: [p(0, 0), p(10, 10), p(10, 0), p(0, 10)] })))).toEqual([
      'Crown: A zone outline must not cross itself',
    ])
    expect(problems(design(hairline({ name: '', points: [p(0, 0)] })))).toEqual([
      'hairline: A hairline needs at least two points',
    ])
  })

  it('refuses two objects with one id, whatever their kinds', () => {
    expect(problems(design(zone({ id: 'same' }), pin({ id: 'same' })))).toEqual(['Two objects share the id same'])
  })

  it('refuses a second landmark of the same role, but allows one of each', () => {
    const glabella = (id: string) => landmark({ id, role: 'glabella', points: [p(500, 900)] })
    expect(problems(design(glabella('g1'), glabella('g2')))).toEqual(['The design has more than one glabella landmark'])
    expect(
      problems(
        design(
          landmark(),
          glabella('g1'),
          landmark({ id: 'tl', role: 'temple-left', points: [p(300, 500)] }),
          landmark({ id: 'tr', role: 'temple-right', points: [p(700, 500)] }),
          landmark({ id: 'v', role: 'vertex', points: [p(500, 50)] }),
        ),
      ),
    ).toEqual([])
  })

  it('refuses more objects than a design may hold', () => {
    const pins = Array.from({ length: DESIGN_LIMITS.objects + 1 }, (_, i) => pin({ id: `pin-${i}` }))
    expect(problems(design(...pins))).toContain('A design holds at most 500 objects')
  })

  it.each([
    ['another format version', { schema: 2, objects: [] }, 'Not a design document of version 1'],
    ['no objects list', { schema: 1 }, 'list of objects'],
    ['an unknown kind of object', { schema: 1, objects: [{ ...pin(), kind: 'arrow' }] }, 'hairline, zone, scar'],
    ['an unknown field on an object', { schema: 1, objects: [{ ...pin(), size: 3 }] }, ''],
    ['an unknown field on the document', { ...design(), title: 'x' }, ''],
    ['a point with a third coordinate', design(pin({ points: [{ x: 1, y: 2, z: 3 } as Point] })), ''],
    ['nothing', undefined, 'missing'],
  ])('refuses %s', (_label, value, message) => {
    const found = problems(value)
    expect(found.length).toBeGreaterThan(0)
    expect(found.join('\n')).toContain(message)
  })
})

describe('clinical defaults', () => {
  it('make objects the schema accepts', () => {
    const defaults = CLINICAL_DEFAULTS
    const objects: DesignObject[] = [
      hairline({ featherMm: defaults.hairlineFeatherMm, irregularity: defaults.hairlineIrregularity }),
      ...ZONE_ROLES.map(({ value: role }) =>
        zone({ id: `zone-${role}`, role, density: defaults.zoneDensity[role], softnessMm: defaults.zoneSoftnessMm }),
      ),
      scar({ widthMm: defaults.futStripWidthMm, dotMm: defaults.fueScarDiameterMm }),
    ]
    expect(problems(design(...objects))).toEqual([])
  })

  it('keep finished densities within the 100–190 per cm² of finished SMP', () => {
    for (const density of Object.values(CLINICAL_DEFAULTS.zoneDensity)) {
      expect(density).toBeGreaterThanOrEqual(100)
      expect(density).toBeLessThanOrEqual(190)
    }
  })
})
