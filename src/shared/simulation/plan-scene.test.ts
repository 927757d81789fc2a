import { describe, expect, it } from 'vitest'
import { DEFAULT_PIGMENTS } from '../plan/default-pigments'
import { draft, overlappingDesign, session, settings, share, tenPxPerMm } from '../plan/plan-test-fixtures'
import { planZones } from '../plan/plan-zones'
import { dotDiameterMm, sessionDensities } from '../plan/session-density'
import { coverageAt } from '../plan/timeline'
import { planSimInput } from './plan-scene'
import { simulate } from './simulate'

// The forehead is above y = 200 (y grows down); 1 cm² is 100 × 100 px.
const theDesign = overlappingDesign()
const zones = planZones([theDesign], [{ id: 'photo', calibration: tenPxPerMm }])
const [bandZone, frontalZone, midZone] = zones as [(typeof zones)[0], (typeof zones)[0], (typeof zones)[0]]
const plan = draft(
  'permanent',
  session('s1', '2025-03-01T10:00', [share(bandZone, 0.3), share(frontalZone, 0.3), share(midZone, 0.4)]),
  session('s2', '2025-03-15T10:00', [share(bandZone, 0.4), share(frontalZone, 0.4)], {
    needle: { config: '1RL', diameterMm: 0.3 },
  }),
  session('s3', '2025-03-29T10:00', [share(bandZone, 0.3), share(frontalZone, 0.3), share(midZone, 0.6)]),
)
const input = planSimInput({
  designId: 'd1',
  document: theDesign.document,
  pxPerMm: 10,
  sessions: plan.sessions,
  settings,
})
const layers = simulate(input)

describe('the picture is the plan', () => {
  it('places within 3% of the impressions the plan gives, for every zone and session', () => {
    const rows = sessionDensities(plan, zones, settings)
    expect(rows).toHaveLength(8)
    for (const row of rows) {
      const l = plan.sessions.findIndex((s) => s.id === row.sessionId)
      const z = input.zones.findIndex((zone) => `d1:${zone.id}` === row.zoneKey)
      const placed = layers[l]?.zoneCounts[z] ?? 0
      const planned = row.impressions ?? 0
      expect(planned).toBeGreaterThan(300)
      expect(
        Math.abs(placed - planned) / planned,
        `${row.sessionId} ${row.zoneKey}: ${placed} vs ${planned}`,
      ).toBeLessThan(0.03)
    }
  })

  it('counts the feathered edge and the pull-up to the hairline as drawn', () => {
    // The band is drawn from 2.0 to 4.0 cm; the hairline pulls it up to about 1.9–2.1 cm and
    // scatters past it, while the frontal zone over it takes its lower 0.5 cm.
    expect(bandZone.areaCm2).toBeGreaterThan(10 * 1.5)
    expect(bandZone.areaCm2).not.toBeCloseTo(20, 0)
    // The top zone loses nothing; the zones under it lose their overlap.
    expect(midZone.under).toEqual([])
    expect(frontalZone.under).toEqual(['d1:mid'])
    expect(bandZone.under).toEqual(['d1:frontal'])
    expect(midZone.areaCm2).toBeCloseTo(9 * 4, 0)
  })

  it('gives the skin where zones overlap the density of the zone on top, not the sum', () => {
    // Deep inside the band/frontal overlap (3.6–3.9 cm down, 3–9 cm across) every session's dots
    // together reach the frontal zone's finished density.
    const [x0, x1, y0, y1] = [300, 900, 360, 390]
    let inside = 0
    for (const layer of layers)
      for (let d = 0; d < layer.x.length; d++) {
        const x = layer.x[d] as number
        const y = layer.y[d] as number
        if (x >= x0 && x < x1 && y >= y0 && y < y1) inside++
      }
    const perCm2 = inside / (((x1 - x0) * (y1 - y0)) / 10_000)
    expect(perCm2).toBeGreaterThan(120 * 0.6)
    expect(perCm2).toBeLessThan((120 + 150) * 0.75)
  })
})

describe("a zone's own needle", () => {
  // One permanent session with the usual 3RL 0.25 mm needle, the hairline band done with a fine 1RL.
  const fine = { config: '1RL', diameterMm: 0.18 } as const
  const one = draft(
    'permanent',
    session('s1', '2025-03-01T10:00', [{ ...share(bandZone, 0.5), needle: fine }, share(midZone, 0.5)]),
  )
  const oneInput = planSimInput({
    designId: 'd1',
    document: theDesign.document,
    pxPerMm: 10,
    sessions: one.sessions,
    settings,
  })
  const [layer] = simulate(oneInput)
  /** Mean diameter (mm) and mean area (mm²) of the dots drawn in one zone. */
  const drawn = (zoneId: string) => {
    const z = oneInput.zones.findIndex((zone) => zone.id === zoneId)
    let sumR = 0
    let sumArea = 0
    let n = 0
    for (let d = 0; d < (layer?.r.length ?? 0); d++) {
      if (layer?.zone[d] !== z) continue
      const r = (layer.r[d] as number) / 10
      sumR += r
      sumArea += Math.PI * r * r
      n++
    }
    return { diameterMm: (2 * sumR) / n, areaMm2: sumArea / n, count: n }
  }

  it('draws the dots of that zone with its needle, smaller than the session needle’s elsewhere', () => {
    const band = drawn('band')
    const mid = drawn('mid')
    expect(band.count).toBeGreaterThan(300)
    expect(mid.count).toBeGreaterThan(300)
    // 1RL at 0.18 mm heals to 0.10 × 0.18 / 0.25 = 0.072 mm; 3RL at 0.25 mm to 0.14 mm.
    expect(band.diameterMm).toBeCloseTo(dotDiameterMm(fine, settings), 2)
    expect(mid.diameterMm).toBeCloseTo(dotDiameterMm({ config: '3RL', diameterMm: 0.25 }, settings), 2)
    expect(band.diameterMm).toBeLessThan(mid.diameterMm * 0.6)
  })

  it("gives the plan's coverage figure the skin the drawn dots cover", () => {
    // A year on the dots are healed; per impression still present, the plan counts as much skin
    // as a drawn dot covers.
    for (const [zone, id] of [
      [bandZone, 'band'],
      [midZone, 'mid'],
    ] as const) {
      const { coverage, densityPresent } = coverageAt(one, zone, DEFAULT_PIGMENTS, settings, '2026-03-01T10:00')
      const planMm2 = (coverage / densityPresent) * 100
      const area = drawn(id).areaMm2
      expect(Math.abs(area - planMm2) / planMm2, `${id}: drawn ${area} mm², plan ${planMm2} mm²`).toBeLessThan(0.03)
    }
  })
})
