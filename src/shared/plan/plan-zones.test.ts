import { describe, expect, it } from 'vitest'
import type { Calibration } from '../photos/photo'
import { design, p, scarObject, square, zoneObject } from './plan-test-fixtures'
import { planZones } from './plan-zones'

/** 10 px per mm: a 100 px square is 1 cm². */
const tenPxPerMm: Calibration = { a: p(0, 0), b: p(100, 0), lengthMm: 10 }
const photos = [
  { id: 'calibrated', calibration: tenPxPerMm },
  { id: 'plain', calibration: null },
]
// Hard edges, so the area is the outline's; how soft edges count is in simulation/plan-scene.test.ts.
const crown = zoneObject('crown', square(0, 0, 100), { name: 'Crown left', softnessMm: 0 })

describe('planZones', () => {
  it('lists every zone of every design with its area in cm² and its target', () => {
    const zones = planZones(
      [
        design(
          'd1',
          'calibrated',
          crown,
          zoneObject('temple', square(200, 0, 200), { role: 'temples', density: 150, softnessMm: 0 }),
        ),
        design('d2', 'plain', zoneObject('crown', square(0, 0, 100))),
      ],
      photos,
    )
    expect(zones.map((z) => z.key)).toEqual(['d1:crown', 'd1:temple', 'd2:crown'])
    expect(zones[0]).toMatchObject({ name: 'Crown left', photoId: 'calibrated', targetDensity: 140 })
    expect(zones[0]?.areaCm2).toBeCloseTo(1, 6)
    expect(zones[1]?.areaCm2).toBeCloseTo(4, 6)
    expect(zones[1]?.name).toBe('Temples')
    expect(zones[2]?.areaCm2).toBeNull()
  })

  it('leaves out objects that are not zones', () => {
    expect(planZones([design('d1', 'calibrated', scarObject('strip', [p(0, 0), p(50, 50)]))], photos)).toEqual([])
  })

  const overScar = (photoId: string, scar: ReturnType<typeof scarObject>) =>
    planZones([design('d', photoId, crown, scar)], photos)[0]?.overScar

  it('finds a strip scar that crosses the zone or whose width reaches it', () => {
    expect(overScar('calibrated', scarObject('strip', [p(-50, 50), p(150, 50)]))).toBe(true)
    // Centre line 3 mm below the zone; a 10 mm strip reaches 5 mm either side.
    const below = [p(0, 130), p(100, 130)]
    expect(overScar('calibrated', scarObject('strip', below))).toBe(true)
    expect(overScar('calibrated', scarObject('strip', below, { widthMm: 4 }))).toBe(false)
    expect(overScar('plain', scarObject('strip', below))).toBe(false)
  })

  it('finds FUE dot scars inside the zone but not ones well outside it', () => {
    expect(overScar('calibrated', scarObject('dots', [p(300, 300), p(50, 50)]))).toBe(true)
    expect(overScar('calibrated', scarObject('dots', [p(300, 300)]))).toBe(false)
  })

  it('finds a scar area that overlaps or encloses the zone', () => {
    expect(overScar('calibrated', scarObject('polygon', square(80, 80, 100)))).toBe(true)
    expect(overScar('calibrated', scarObject('polygon', square(-50, -50, 300)))).toBe(true)
    expect(overScar('calibrated', scarObject('polygon', square(300, 300, 50)))).toBe(false)
  })

  it('ignores a scar drawn in another design', () => {
    const zones = planZones(
      [design('d1', 'calibrated', crown), design('d2', 'calibrated', scarObject('polygon', square(0, 0, 100)))],
      photos,
    )
    expect(zones[0]?.overScar).toBe(false)
  })
})
