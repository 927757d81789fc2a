import { describe, expect, it } from 'vitest'
import { type DesignDocument, emptyDesign } from '../../../../shared/design/design-types'
import { tapeToFlatCm } from '../../../../shared/design/forehead'
import { CLINICAL_DEFAULTS } from '../../../../shared/settings/clinical-defaults'
import { newLandmark } from '../landmark/landmark-shape'
import { HAIRLINE_COLOUR, hairlineFigures, hairlineShape, newHairline, presetHairline } from './hairline-shape'

const p = (x: number, y: number) => ({ x, y })
const midline = newLandmark(emptyDesign(), [p(500, 0), p(500, 800)], 'midline')
const glabella = newLandmark(emptyDesign(), [p(500, 700)], 'glabella')
const withMidline: DesignDocument = { ...emptyDesign(), objects: [midline, glabella] }
/** The left half, meeting the midline at x 500: mirrored it runs 300 → 500 → 700. */
const half = newHairline(withMidline, [p(300, 400), p(400, 320), p(500, 300)], true)

describe('the hairline shape', () => {
  it('starts from the settings’ feather and edge', () => {
    expect(half).toMatchObject({
      kind: 'hairline',
      name: 'Hairline',
      colour: HAIRLINE_COLOUR,
      featherMm: CLINICAL_DEFAULTS.hairlineFeatherMm,
      irregularity: CLINICAL_DEFAULTS.hairlineIrregularity,
    })
  })

  it('is an open line of at least two points, which may cross itself', () => {
    expect(hairlineShape.isClosed(half)).toBe(false)
    expect(hairlineShape.minimumPoints(half)).toBe(2)
    expect(hairlineShape.deletedWithPoint).toBe(false)
    expect(hairlineShape.pointsProblem({ ...half, points: [p(0, 0), p(10, 10), p(10, 0), p(0, 10)] })).toBeNull()
  })

  it('shows handles on both halves when mirrored, a reflected handle moving its stored original', () => {
    const handles = hairlineShape.handles(half, withMidline)
    expect(handles.map((h) => h.point)).toEqual([p(300, 400), p(400, 320), p(500, 300), p(600, 320), p(700, 400)])
    expect(handles[3]?.source).toEqual({ index: 1, mirrored: true })
    expect(handles[2]?.source).toEqual({ index: 2, mirrored: false })
    // Without a midline there is nothing to reflect about: the stored points alone.
    expect(hairlineShape.handles(half, emptyDesign()).map((h) => h.point)).toEqual(half.points)
  })

  it('is hit along its curve on both sides, not between its ends, and before the areas under it', () => {
    expect(hairlineShape.hitTest(half, withMidline, p(500, 304), 8, null)).toBe(true)
    expect(hairlineShape.hitTest(half, withMidline, p(700, 395), 8, null)).toBe(true)
    expect(hairlineShape.hitTest(half, withMidline, p(500, 380), 8, null)).toBe(false)
    expect(hairlineShape.pickedFirst).toBe(true)
  })

  it('is bounded by its whole mirrored curve', () => {
    const bounds = hairlineShape.bounds(half, withMidline)
    expect(bounds).toMatchObject({ minX: 300, maxX: 700, maxY: 400 })
    expect(bounds?.minY).toBeCloseTo(300, 0)
    expect(hairlineShape.labelAnchor(half)).toBeNull()
  })

  it('shows its length and its height above the glabella by the tape, flat on the photo beside it', () => {
    // 400 px at 100 px per cm (10 px/mm) above the glabella: 4 cm flat.
    const figures = hairlineShape.figures(half, { document: withMidline, pxPerMm: 10, settings: CLINICAL_DEFAULTS })
    expect(figures.map((f) => f.label)).toEqual(['Length', 'Height above glabella', null])
    expect(figures[1]).toMatchObject({ detail: ' · 4.0 cm flat on the photo' })
    expect(figures[1]?.value).toMatch(/^4\.2 cm over the forehead \(tape\)$/)
    expect(figures[2]).toMatchObject({ tone: 'warning' })
  })

  it('says why there is no height yet, muted', () => {
    const figures = hairlineFigures(
      {
        length: { value: 10, unit: 'px' },
        height: null,
        tapeHeight: null,
        heightHint: 'Place the glabella',
        lowHint: null,
      },
      'Hairline length',
    )
    expect(figures).toEqual([
      { label: 'Hairline length', value: '10 px' },
      expect.objectContaining({ label: 'Height above glabella', value: 'Place the glabella', tone: 'muted' }),
    ])
  })
})

describe('a preset hairline', () => {
  const image = { width: 2000, height: 1600 }
  const clamp = (q: { x: number; y: number }) => ({
    x: Math.min(Math.max(q.x, 0), image.width),
    y: Math.min(Math.max(q.y, 0), image.height),
  })
  const glabellaOnly: DesignDocument = {
    ...emptyDesign(),
    objects: [newLandmark(emptyDesign(), [p(1000, 1200)], 'glabella')],
  }

  it('proposes a midline down the middle of the photo when there is none', () => {
    const placed = presetHairline(glabellaOnly, 'straight', { image, pxPerMm: 10, defaults: CLINICAL_DEFAULTS, clamp })
    expect(placed.midline?.points).toEqual([p(1000, 160), p(1000, 1440)])
    expect(placed.cut).toBe(false)
    const withLine = {
      ...glabellaOnly,
      objects: [...glabellaOnly.objects, placed.midline as NonNullable<typeof placed.midline>],
    }
    expect(
      presetHairline(withLine, 'straight', { image, pxPerMm: 10, defaults: CLINICAL_DEFAULTS, clamp }).midline,
    ).toBeNull()
  })

  it('reads its height with the tape over the forehead radius of the settings it is given', () => {
    for (const foreheadRadiusCm of [8, 11]) {
      const defaults = { ...CLINICAL_DEFAULTS, foreheadRadiusCm }
      const { points } = presetHairline(glabellaOnly, 'straight', { image, pxPerMm: 10, defaults, clamp })
      expect(points.at(-1)?.y).toBeCloseTo(1200 - tapeToFlatCm(8, foreheadRadiusCm) * 100, 6)
    }
  })

  it('holds points past the photo at its edge and says so', () => {
    const short = { width: 2000, height: 700 }
    const low: DesignDocument = { ...emptyDesign(), objects: [newLandmark(emptyDesign(), [p(1000, 600)], 'glabella')] }
    const placed = presetHairline(low, 'rounded', { image: short, pxPerMm: 10, defaults: CLINICAL_DEFAULTS, clamp })
    expect(placed.cut).toBe(true)
    expect(Math.min(...placed.points.map((q) => q.y))).toBe(0)
  })
})
