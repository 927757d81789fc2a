import { describe, expect, it } from 'vitest'
import { chartLandmarks, chartStartingDesign } from '../charts/head-chart'
import { sampleDesignObjects } from '../sample/sample-patient'
import type { DesignDocument, LandmarkObject, LandmarkRole } from './design-types'
import { DESIGN_SCHEMA_VERSION } from './design-types'
import { applyAffine, takeOverDesign } from './takeover'

const landmark = (role: LandmarkRole, x: number, y: number): LandmarkObject => ({
  id: `photo-${role}`,
  kind: 'landmark',
  role,
  name: '',
  colour: '#000000',
  hidden: false,
  locked: false,
  points: [{ x, y }],
})
const doc = (objects: DesignDocument['objects']): DesignDocument => ({ schema: DESIGN_SCHEMA_VERSION, objects })

const chartDesign = () => {
  const start = chartStartingDesign('front')
  return doc([...start.objects, ...sampleDesignObjects('front')])
}

/** The front chart's landmarks as a photo of a head twice as large, turned 10° and moved would show them. */
function photoLandmarks(scale: number, turn: number, shift: { x: number; y: number }) {
  const marks = chartLandmarks('front')
  const move = ({ x, y }: { x: number; y: number }) => ({
    x: scale * (Math.cos(turn) * x - Math.sin(turn) * y) + shift.x,
    y: scale * (Math.sin(turn) * x + Math.cos(turn) * y) + shift.y,
  })
  return (['glabella', 'temple-left', 'temple-right', 'vertex'] as const).map((role) => {
    const p = move(marks[role]?.[0] as { x: number; y: number })
    return landmark(role, p.x, p.y)
  })
}

describe('taking a design over from a head chart onto a photo', () => {
  it('lands every hairline and zone point where the landmarks say, for a larger, turned and moved head', () => {
    const turn = (10 * Math.PI) / 180
    const result = takeOverDesign(chartDesign(), doc(photoLandmarks(2, turn, { x: 300, y: 100 })), {
      width: 4000,
      height: 4000,
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.matched).toEqual(['glabella', 'temple-left', 'temple-right', 'vertex'])
    const hairline = result.document.objects.find((o) => o.kind === 'hairline')
    const original = sampleDesignObjects('front').find((o) => o.kind === 'hairline')
    const expected = (original?.points[0] ?? { x: 0, y: 0 }) as { x: number; y: number }
    const want = {
      x: 2 * (Math.cos(turn) * expected.x - Math.sin(turn) * expected.y) + 300,
      y: 2 * (Math.sin(turn) * expected.x + Math.cos(turn) * expected.y) + 100,
    }
    expect(hairline?.points[0]?.x).toBeCloseTo(want.x, 6)
    expect(hairline?.points[0]?.y).toBeCloseTo(want.y, 6)
    // The photo keeps its own landmarks; the chart's are not copied over them.
    expect(result.document.objects.filter((o) => o.kind === 'landmark').map((o) => o.id)).toEqual(
      photoLandmarks(2, turn, { x: 300, y: 100 }).map((o) => o.id),
    )
    expect(result.document.objects.filter((o) => o.kind === 'zone')).toHaveLength(2)
  })

  it('stretches to a head wider than the chart when three landmarks say so (an affine map)', () => {
    const marks = chartLandmarks('front')
    const wide = (['glabella', 'temple-left', 'temple-right'] as const).map((role) => {
      const p = marks[role]?.[0] as { x: number; y: number }
      return landmark(role, 1.2 * p.x, p.y)
    })
    const result = takeOverDesign(chartDesign(), doc(wide), { width: 2000, height: 2000 })
    expect(result.ok && result.kind).toBe('affine')
    if (!result.ok) return
    expect(applyAffine(result.transform, { x: 100, y: 50 }).x).toBeCloseTo(120, 6)
    expect(applyAffine(result.transform, { x: 100, y: 50 }).y).toBeCloseTo(50, 6)
  })

  it('uses rotation and scale only when just two landmarks match', () => {
    const marks = chartLandmarks('front')
    const g = marks.glabella?.[0] as { x: number; y: number }
    const v = marks.vertex?.[0] as { x: number; y: number }
    const result = takeOverDesign(
      chartDesign(),
      doc([landmark('glabella', g.x / 2, g.y / 2), landmark('vertex', v.x / 2, v.y / 2)]),
      { width: 1000, height: 1000 },
    )
    expect(result.ok && result.kind).toBe('similarity')
    if (!result.ok) return
    expect(applyAffine(result.transform, { x: 40, y: 80 }).x).toBeCloseTo(20, 6)
    expect(applyAffine(result.transform, { x: 40, y: 80 }).y).toBeCloseTo(40, 6)
  })

  it('refuses, saying what to do, with one landmark or onto a photo with a design of its own', () => {
    const one = takeOverDesign(chartDesign(), doc([landmark('glabella', 10, 10)]), { width: 100, height: 100 })
    expect(one).toEqual({ ok: false, reason: expect.stringContaining('at least two of the same landmarks') })
    const designed = takeOverDesign(chartDesign(), chartDesign(), { width: 1000, height: 1200 })
    expect(designed).toEqual({ ok: false, reason: expect.stringContaining('has a design of its own') })
  })

  it('keeps every carried point on the photo', () => {
    const result = takeOverDesign(chartDesign(), doc(photoLandmarks(3, 0, { x: 0, y: 0 })), {
      width: 1500,
      height: 1500,
    })
    if (!result.ok) throw new Error(result.reason)
    for (const o of result.document.objects.filter((o) => o.kind !== 'landmark'))
      for (const point of o.points) {
        expect(point.x).toBeGreaterThanOrEqual(0)
        expect(point.x).toBeLessThanOrEqual(1500)
        expect(point.y).toBeLessThanOrEqual(1500)
      }
  })
})
