import { describe, expect, it } from 'vitest'
import { formatQuantity } from '../photos/calibration'
import { draft, overlappingDesign, session, settings, share, tenPxPerMm } from './plan-test-fixtures'
import { planZones } from './plan-zones'
import { sessionDensities } from './session-density'
import { designZoneFigures } from './zone-figures'

// The forehead is above y = 200 (y grows down); 1 cm² is 100 × 100 px.
const theDesign = overlappingDesign()
const zones = planZones([theDesign], [{ id: 'photo', calibration: tenPxPerMm }])
const figures = designZoneFigures(theDesign.document, 'd1', 10)
const cm2 = (value: number) => formatQuantity({ value, unit: 'cm²' })

describe("the designer's zone figures are the plan's", () => {
  it("shows each zone's treated area as the plan counts it, to the rounding shown", () => {
    expect(zones).toHaveLength(3)
    for (const zone of zones) {
      const figure = figures.zones.get(zone.zoneId)
      expect(figure?.treated, zone.key).toEqual({ value: zone.areaCm2, unit: 'cm²' })
      expect(formatQuantity(figure?.treated ?? { value: Number.NaN, unit: 'cm²' })).toBe(cm2(zone.areaCm2 ?? 0))
    }
  })

  it('gives the impressions the plan places at the target, whether in one session or spread over three', () => {
    const whole = draft(
      'permanent',
      session(
        's1',
        '2025-03-01T10:00',
        zones.map((zone) => share(zone, 1)),
      ),
    )
    const spread = draft(
      'permanent',
      session(
        's1',
        '2025-03-01T10:00',
        zones.map((zone) => share(zone, 0.3)),
      ),
      session(
        's2',
        '2025-03-15T10:00',
        zones.map((zone) => share(zone, 0.4)),
      ),
      session(
        's3',
        '2025-03-29T10:00',
        zones.map((zone) => share(zone, 0.3)),
      ),
    )
    const planned = (plan: typeof whole, key: string) =>
      sessionDensities(plan, zones, settings)
        .filter((row) => row.zoneKey === key)
        .reduce((sum, row) => sum + (row.impressions ?? 0), 0)
    for (const zone of zones) {
      const shown = figures.zones.get(zone.zoneId)?.impressions ?? Number.NaN
      expect(shown, zone.key).toBe(planned(whole, zone.key))
      // Each session's count is rounded on its own: three roundings apart at most.
      expect(Math.abs(shown - planned(spread, zone.key)), zone.key).toBeLessThanOrEqual(1.5)
    }
    expect(figures.totalImpressions).toBe(zones.reduce((sum, zone) => sum + planned(whole, zone.key), 0))
  })

  it('keeps the outline beside the treated area, and names the zones over it', () => {
    const bandFigure = figures.zones.get('band')
    // The band is drawn 10 × 2 cm; the frontal zone over it takes its lower part.
    expect(bandFigure?.outline).toEqual({ value: 20, unit: 'cm²' })
    expect(bandFigure?.treated?.value).toBeLessThan(19.5)
    expect(bandFigure?.under).toEqual(['Frontal'])
    expect(figures.zones.get('frontal')?.under).toEqual(['Mid-scalp left'])
    expect(figures.zones.get('mid')?.under).toEqual([])
    // Only the band lies near enough to the hairline to be pulled up to it.
    expect([...figures.zones.values()].map((z) => z.byHairline)).toEqual([true, false, false])
    // Nothing lies over the top zone: only its feathered edge sets it apart, by less than its softness.
    expect(figures.zones.get('mid')?.treated?.value).toBeCloseTo(36, 0)
  })

  it('counts nothing on an uncalibrated photo but the outline in pixels', () => {
    const plain = designZoneFigures(theDesign.document, 'd1', null)
    expect(plain.zones.get('band')).toEqual({
      outline: { value: 200_000, unit: 'px²' },
      treated: null,
      impressions: null,
      under: [],
      byHairline: false,
    })
    expect(plain.totalImpressions).toBeNull()
  })
})
