import { describe, expect, it } from 'vitest'
import type { HairlineObject, LandmarkObject } from '../design/design-types'
import { tapeToFlatCm } from '../design/forehead'
import { designReadouts } from '../design/readouts'
import { formatQuantity } from '../photos/calibration'
import type { Calibration } from '../photos/photo'
import { norwoodStage, planHairlines } from './plan-hairlines'
import { context, design, draft, p, planPatient, planZone, session, settings, share } from './plan-test-fixtures'
import { planWarnings } from './plan-warnings'

// 10 px per mm; the glabella at (1000, 1500), the forehead above it (y grows down).
const calibration: Calibration = { a: p(0, 0), b: p(100, 0), lengthMm: 10 }
const glabella: LandmarkObject = {
  id: 'glabella',
  kind: 'landmark',
  role: 'glabella',
  name: '',
  colour: '#000000',
  hidden: false,
  locked: false,
  points: [p(1000, 1500)],
}
/** A level hairline drawn where a tape over the forehead reads `tapeCm` above the glabella. */
const hairlineAt = (tapeCm: number): HairlineObject => {
  const y = 1500 - tapeToFlatCm(tapeCm, settings.foreheadRadiusCm) * 100
  return {
    id: 'hl',
    kind: 'hairline',
    name: '',
    colour: '#aa3333',
    hidden: false,
    locked: false,
    points: [p(500, y), p(1000, y), p(1500, y)],
    mirror: false,
    featherMm: 4,
    irregularity: 0.5,
  }
}
const frontPhoto = { id: 'photo', calibration, view: 'front' } as const
const hairlinesAt = (tapeCm: number) =>
  planHairlines([design('d1', 'photo', glabella, hairlineAt(tapeCm))], [frontPhoto], settings)

const crown = planZone()
// The default permanent course, from 1 March 2025, none of it done yet.
const course = draft(
  'permanent',
  session('s1', '2025-03-10T09:00', [share(crown, 0.3)], { kind: 'base' }),
  session('s2', '2025-03-31T09:00', [share(crown, 0.4)], { kind: 'follow-up' }),
  session('s3', '2025-04-21T09:00', [share(crown, 0.3)], { kind: 'finishing' }),
)
const hairlineWarnings = (tapeCm: number, patient = planPatient()) =>
  planWarnings(course, context({ zones: [crown], hairlines: hairlinesAt(tapeCm), patient })).filter((w) =>
    w.kind.startsWith('hairline'),
  )

describe('the hairline height the plan is checked against', () => {
  it('is the readout’s tape height over the forehead, named by its photo', () => {
    const [line] = hairlinesAt(6.5)
    expect(line).toMatchObject({ designId: 'd1', hairlineId: 'hl', name: 'Hairline on the Front photo' })
    const readout = designReadouts(design('d1', 'photo', glabella, hairlineAt(6.5)).document, 10).hairlines.get('hl')
    expect(readout?.tapeHeight && formatQuantity(readout.tapeHeight)).toBe('6.5 cm')
    expect(line?.tapeCm).toBeCloseTo(readout?.tapeHeight?.value ?? 0, 9)
  })

  it('is not known on an uncalibrated photo, without a glabella, or for a hidden hairline', () => {
    const drawn = design('d1', 'photo', glabella, hairlineAt(6))
    expect(planHairlines([drawn], [{ ...frontPhoto, calibration: null }], settings)).toEqual([])
    expect(planHairlines([design('d1', 'photo', hairlineAt(6))], [frontPhoto], settings)).toEqual([])
    expect(
      planHairlines([design('d1', 'photo', glabella, { ...hairlineAt(6), hidden: true })], [frontPhoto], settings),
    ).toEqual([])
  })

  it('reads the Norwood stage from the pattern, its variants included', () => {
    expect(norwoodStage('norwood-4a')).toBe(4)
    expect(norwoodStage('norwood-3v')).toBe(3)
    expect(norwoodStage('ludwig-2')).toBeNull()
    expect(norwoodStage(null)).toBeNull()
  })
})

describe('hairline warnings', () => {
  it('raises none for the usual 8 cm line of a young patient, nor for a 7.5 cm line', () => {
    expect(hairlineWarnings(8, planPatient({ dateOfBirth: '2000-06-01', hairLossPattern: 'norwood-2' }))).toEqual([])
    expect(hairlineWarnings(7.5, planPatient({ dateOfBirth: '2000-06-01' }))).toEqual([])
  })

  it('warns when the line is lower than the clinics’ 7 cm, with the figure and the source', () => {
    const [warning, ...rest] = hairlineWarnings(6.5)
    expect(rest).toEqual([])
    expect(warning).toMatchObject({
      kind: 'hairline-low',
      level: 'caution',
      title: "Hairline below the clinics' line: Hairline on the Front photo",
    })
    expect(warning?.detail).toContain('sits 6.5 cm above the glabella, measured with a tape over the forehead')
    expect(warning?.detail).toContain('7.0 cm (aggressive) to 10 cm (conservative)')
    expect(warning?.source).toMatch(/Garg.*Shapiro: never too low/)
  })

  it('asks a mature line of a patient of 30 or more: 7.5 cm is too low at 52, fine at 24', () => {
    const [warning] = hairlineWarnings(7.5, planPatient({ dateOfBirth: '1972-05-01' }))
    expect(warning).toMatchObject({
      kind: 'hairline-mature',
      title: expect.stringMatching(/^Hairline too low for age 52:/),
    })
    expect(warning?.detail).toContain('with age 52 draw it at 8.0 cm or more')
    // The age is taken on the first session still to come: 29 on 10 March, 30 on 21 April does not count.
    expect(hairlineWarnings(7.5, planPatient({ dateOfBirth: '1995-04-01' }))).toEqual([])
    expect(hairlineWarnings(7.5, planPatient({ dateOfBirth: '2001-01-01' }))).toEqual([])
  })

  it('asks a receding line from Norwood 4, whatever the age', () => {
    const [warning] = hairlineWarnings(7.6, planPatient({ dateOfBirth: '2000-01-01', hairLossPattern: 'norwood-5v' }))
    expect(warning).toMatchObject({
      kind: 'hairline-mature',
      title: expect.stringMatching(/^Hairline too low for Norwood 5:/),
    })
    expect(hairlineWarnings(7.6, planPatient({ hairLossPattern: 'norwood-3a' }))).toEqual([])
    expect(hairlineWarnings(7.6, planPatient({ hairLossPattern: 'ludwig-3' }))).toEqual([])
  })

  it('names both reasons below the clinics’ line too, and follows the settings', () => {
    const old = planPatient({ dateOfBirth: '1960-01-01', hairLossPattern: 'norwood-6' })
    const [warning] = hairlineWarnings(6.8, old)
    expect(warning?.kind).toBe('hairline-low')
    expect(warning?.detail).toContain('with age 65 and Norwood 6 draw it at 8.0 cm or more')
    const lenient = { ...settings, matureHairlineAge: 70, matureNorwoodStage: 7, lowestHairlineCm: 6.5 }
    expect(
      planWarnings(course, context({ zones: [crown], hairlines: hairlinesAt(6.8), patient: old, settings: lenient })),
    ).not.toContainEqual(expect.objectContaining({ kind: expect.stringMatching(/^hairline/) }))
  })
})
