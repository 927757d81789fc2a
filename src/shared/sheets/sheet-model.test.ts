import { describe, expect, it } from 'vitest'
import { validFields } from '../../../test/fixtures/patients'
import { photoRecord } from '../../../test/fixtures/photo-record'
import { CLINIC_DEFAULTS } from '../clinic/clinic-details'
import type { DesignObject } from '../design/design-types'
import { tapeToFlatCm } from '../design/forehead'
import type { Patient } from '../patients/patient'
import { DEFAULT_PIGMENTS } from '../plan/default-pigments'
import {
  design,
  draft,
  p,
  planZone,
  scarObject,
  session,
  settings,
  share,
  zoneObject,
} from '../plan/plan-test-fixtures'
import { sheetBlocks } from './sheet-blocks'
import { buildSheet, defaultSheetOptions, type SheetOptions, type SheetSource } from './sheet-model'

const rect = (x: number, y: number, w: number, h: number) => [p(x, y), p(x + w, y), p(x + w, y + h), p(x, y + h)]

const patient: Patient = {
  ...validFields({ fullName: 'Ana Ruiz', medical: { ...validFields().medical, keloid: true } }),
  id: 'patient',
  createdAt: '2026-01-01T09:00:00.000Z',
  updatedAt: '2026-01-01T09:00:00.000Z',
  archivedAt: null,
  revision: 1,
}

// The front photo is calibrated at 10 px/mm; the top photo is not.
const front = photoRecord({
  id: 'front',
  patientId: 'patient',
  view: 'front',
  takenAt: '2026-03-02T10:00:00',
  calibration: { a: p(100, 830), b: p(600, 830), lengthMm: 50 },
})
const top = photoRecord({ id: 'top', patientId: 'patient', view: 'top' })

const hidden: DesignObject = { ...zoneObject('secret', rect(0, 0, 10, 10)), hidden: true, name: 'Hidden zone' }
const pin: DesignObject = {
  id: 'pin',
  kind: 'pin',
  name: 'Pin',
  note: 'Patient anxious about cost',
  colour: '#ffcc00',
  hidden: false,
  locked: false,
  points: [p(50, 50)],
}
// 100 × 60 mm and 50 × 40 mm: 60 and 20 cm².
const frontDesign = design(
  'd-front',
  'front',
  zoneObject('crown', rect(100, 100, 1000, 600), { name: 'Crown', colour: '#aa3377', density: 140 }),
  zoneObject('frontal', rect(200, 750, 500, 400), { name: '', role: 'frontal', colour: '#3377aa', density: 150 }),
  scarObject('strip', [p(100, 880), p(1100, 880)], { colour: '#22aa44' }),
  hidden,
  pin,
)
const topDesign = design('d-top', 'top', zoneObject('crown', rect(300, 300, 400, 400), { name: 'Vertex' }))

const crown = planZone({ designId: 'd-front', zoneId: 'crown' })
const frontal = planZone({ designId: 'd-front', zoneId: 'frontal' })
const vertex = planZone({ designId: 'd-top', zoneId: 'crown' })
const plan = draft(
  'permanent',
  session(
    's2',
    '2026-04-20T09:30',
    [{ ...share(crown, 0.4), needle: { config: '1RL', diameterMm: 0.2 }, dilution: 0.6 }],
    {
      pigmentId: 'smp-carbon-medium',
      name: 'Build-up',
      pigmentLot: '24-117',
      pigmentExpires: '2027-03-03',
    },
  ),
  session('s1', '2026-04-06T09:00', [share(crown, 0.3), { ...frontal, amount: { unit: 'perCm2', value: 45 } }]),
  session('s3', '2026-05-04T09:00', [share(vertex, 0.3)]),
  session('s4', '2026-05-18T09:00', [share(crown, 0.3)], { status: 'skipped' }),
)

const source: SheetSource = {
  patient,
  photos: [front, top],
  designs: [frontDesign, topDesign],
  draft: plan,
  pigments: DEFAULT_PIGMENTS,
  settings,
  clinic: {
    ...CLINIC_DEFAULTS,
    name: 'Northside Scalp Clinic',
    address: '12 Harbour Street\n\n Leith EH6 6QN ',
    email: 'hello@northside.example',
  },
  today: '2026-06-01',
}
const options = (over: Partial<SheetOptions> = {}): SheetOptions => ({
  paper: 'a4',
  orientation: 'portrait',
  designIds: ['d-front', 'd-top'],
  sessionIds: ['s1', 's2', 's3', 's4'],
  ...over,
})

describe('a design sheet’s content', () => {
  it('warns beside the contraindications of a hairline drawn too low for the patient, as the Plan does', () => {
    // A level hairline at 7.5 cm of tape above the glabella: above the clinics' 7 cm, but Ana is 41.
    const y = 1500 - tapeToFlatCm(7.5, settings.foreheadRadiusCm) * 100
    const lined = design(
      'd-front',
      'front',
      {
        id: 'glabella',
        kind: 'landmark',
        role: 'glabella',
        name: '',
        colour: '#000000',
        hidden: false,
        locked: false,
        points: [p(1000, 1500)],
      },
      {
        id: 'hl',
        kind: 'hairline',
        name: '',
        colour: '#aa3333',
        hidden: false,
        locked: false,
        points: [p(600, y), p(1000, y), p(1400, y)],
        mirror: false,
        featherMm: 4,
        irregularity: 0.5,
      },
    )
    const sheet = buildSheet({ ...source, designs: [lined] }, options({ designIds: ['d-front'] }))
    expect(sheet.patient.warnings.map((w) => w.title)).toEqual([
      'Keloid tendency: contraindication',
      'Hairline too low for age 41: Hairline on the Front photo',
    ])
    expect(sheet.patient.warnings[1]).toMatchObject({ level: 'caution' })
    expect(sheet.patient.warnings[1]?.detail).toContain('sits 7.5 cm above the glabella')
    // Not shown on the sheet, its hairline is not warned about there.
    expect(buildSheet({ ...source, designs: [lined] }, options({ designIds: [] })).patient.warnings).toHaveLength(1)
  })

  it('names the patient with the facts the sheet prints, the keloid warning first among them', () => {
    const sheet = buildSheet(source, options())
    expect(sheet.patient.name).toBe('Ana Ruiz')
    expect(Object.fromEntries(sheet.patient.facts)).toEqual({
      'Date of birth': '14 Mar 1985 (age 41)',
      'Skin type': 'Fitzpatrick III',
      'Natural hair colour': 'Dark brown',
      'Hair-loss pattern': 'Ludwig II',
      Goals: 'Density / thickening',
    })
    expect(sheet.patient.warnings.map((w) => w.title)).toEqual(['Keloid tendency: contraindication'])
    expect(sheet.date).toBe('1 Jun 2026')
    expect(sheet.clinic).toEqual({
      name: 'Northside Scalp Clinic',
      addressLines: ['12 Harbour Street', 'Leith EH6 6QN'],
      contact: ['hello@northside.example'],
      logo: null,
    })
  })

  it('carries nothing of the record it does not print: no phone, email, notes, hidden objects or pins', () => {
    const text = JSON.stringify(buildSheet(source, options()))
    for (const secret of ['+44 20 7946 0958', 'ana.ruiz@example.com', 'Widened part', 'Hidden zone', 'anxious'])
      expect(text).not.toContain(secret)
  })

  it('shows each chosen view with a legend of what is drawn and the layers of the chosen sessions', () => {
    const [view, topView] = buildSheet(source, options({ sessionIds: ['s1', 's2'] })).views
    expect(view?.title).toBe('Front view · photo of 2 Mar 2026')
    expect(view?.legend).toEqual([
      { kind: 'zone', colour: '#aa3377', label: 'Crown' },
      { kind: 'zone', colour: '#3377aa', label: 'Frontal' },
      { kind: 'scar', colour: '#22aa44', label: 'FUT strip' },
      { kind: 'layer', colour: expect.stringMatching(/^#[0-9a-f]{6}$/), label: 'Session 1 · 6 Apr 2026' },
      { kind: 'layer', colour: expect.stringMatching(/^#[0-9a-f]{6}$/), label: 'Session 2 · 20 Apr 2026' },
    ])
    expect(view?.sessionIds).toEqual(['s1', 's2'])
    expect(view?.day).toBe('2026-04-20')
    expect(view?.scaleBar).toEqual({ mm: 20, px: 200, label: '2 cm' })
    // The top view is treated only by session 3, which is not on this sheet.
    expect(topView?.sessionIds).toEqual([])
    expect(topView?.day).toBeNull()
    expect(topView?.scaleBar).toBeNull()
  })

  it('measures each view from its calibration, and says so where there is none', () => {
    const [view, topView] = buildSheet(source, options()).views
    // 60 and 20 cm² drawn; as the plan counts them (and its sessions below), the soft edges'
    // corners round them to 60.04 and 20.04 cm², too close to the outline to show it beside them.
    expect(view?.measurements).toEqual([
      { colour: '#aa3377', label: 'Crown zone', figures: '60.04 cm² · target 140/cm² · 8,406 impressions' },
      { colour: '#3377aa', label: 'Frontal zone', figures: '20.04 cm² · target 150/cm² · 3,007 impressions' },
      { colour: '#22aa44', label: 'FUT strip', figures: '100.0 mm long · 10.00 cm²' },
      { colour: null, label: 'All zones', figures: '80.09 cm² · 11,413 impressions' },
    ])
    expect(topView?.measurements).toEqual([
      { colour: '#336699', label: 'Vertex zone', figures: 'not measured: the photo is not calibrated' },
    ])
  })

  it("gives a zone under another the plan's treated area, with its outline and why beside it", () => {
    // The frontal zone (50 × 40 mm, hard-edged) is drawn over the crown's lower 20 mm.
    const overlapping = design(
      'd-over',
      'front',
      zoneObject('crown', rect(100, 100, 500, 400), { name: 'Crown', colour: '#aa3377', softnessMm: 0 }),
      zoneObject('frontal', rect(100, 300, 500, 400), { name: '', role: 'frontal', colour: '#3377aa', softnessMm: 0 }),
    )
    const view = buildSheet({ ...source, designs: [overlapping] }, options({ designIds: ['d-over'] })).views[0]
    expect(view?.measurements[0]).toEqual({
      colour: '#aa3377',
      label: 'Crown zone',
      figures: '10.00 cm² treated (outline 20.00 cm², overlap with Frontal) · target 140/cm² · 1,400 impressions',
    })
  })

  it('lists the chosen sessions in date order, numbered as in the whole plan', () => {
    const sheet = buildSheet(source, options({ sessionIds: ['s2', 's3'] }))
    expect(sheet.technique).toBe('Permanent SMP')
    expect(sheet.sessions).toEqual([
      {
        id: 's2',
        number: 2,
        name: 'Build-up',
        date: '20 Apr 2026',
        time: '09:30',
        status: 'Planned',
        pigment: { name: 'SMP carbon black, medium grey', colour: expect.stringMatching(/^#/) },
        lot: 'Lot 24-117 · expires 3 Mar 2027',
        needle: '3RL · 0.25 mm',
        // 60 cm² drawn; the soft edge's corners round it to the 60.04 cm² the dots are placed over.
        zones: [
          {
            name: 'Crown (front)',
            added: '+56/cm²',
            impressions: 3362,
            tools: '1RL · 0.2 mm, 60% water',
          },
        ],
      },
      expect.objectContaining({
        number: 3,
        lot: 'Lot not recorded',
        date: '4 May 2026',
        zones: [{ name: 'Vertex (top)', added: '+42/cm²', impressions: null, tools: null }],
      }),
    ])
  })

  it('estimates the cost from the treated area of the views shown and their scars', () => {
    // Sessions 1 and 2 treat the crown and frontal zones: 80 cm², band one, plus one strip scar.
    expect(buildSheet(source, options({ sessionIds: ['s1', 's2'] })).estimate).toMatchObject({
      low: 900,
      high: 1500,
      currency: 'USD',
      basis: { treatedAreaCm2: expect.closeTo(80, 0), unmeasuredZones: 0, scars: 1 },
    })
    // The skipped session adds nothing; the top view's zone is treated but cannot be measured.
    expect(buildSheet(source, options({ sessionIds: ['s3', 's4'] })).estimate.basis).toEqual({
      treatedAreaCm2: 0,
      unmeasuredZones: 1,
      scars: 1,
    })
    expect(buildSheet(source, options({ designIds: ['d-top'], sessionIds: ['s1'] })).estimate.basis).toEqual({
      treatedAreaCm2: 0,
      unmeasuredZones: 0,
      scars: 0,
    })
  })

  it('splits the aftercare into one instruction per line and keeps the consent text', () => {
    const sheet = buildSheet(source, options())
    expect(sheet.aftercare).toHaveLength(5)
    expect(sheet.aftercare[0]).toMatch(/return to work the next day/)
    expect(sheet.consent).toMatch(/^I have discussed/)
  })

  it('lays the content out as blocks, the long ones breakable by rows, empty sections left out', () => {
    const sheet = buildSheet(source, options({ sessionIds: [] }))
    expect(sheetBlocks(sheet).map((b) => ('rows' in b ? `${b.id}:${b.rows}` : b.id))).toEqual([
      'header',
      'patient',
      'view-0',
      'measurements-0:4',
      'view-1',
      'measurements-1:1',
      'estimate',
      'aftercare:5',
      'consent',
    ])
  })

  it('starts with every designed view and every session', () => {
    expect(
      defaultSheetOptions([frontDesign, design('empty', 'x')], plan, { paper: 'letter', orientation: 'landscape' }),
    ).toEqual({
      paper: 'letter',
      orientation: 'landscape',
      designIds: ['d-front'],
      sessionIds: ['s1', 's2', 's3', 's4'],
    })
  })
})
