import { describe, expect, it } from 'vitest'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { refusal } from '../../../../test/node/service-refusal'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import type { Point } from '../../../shared/geometry/point'
import { formatQuantity, measure, pxPerMm } from '../../../shared/photos/calibration'
import type { Calibration } from '../../../shared/photos/photo'

const tempDir = tempDirsForEachTest()
const backend = photoBackendsForEachTest(tempDir)

const p = (x: number, y: number): Point => ({ x, y })
/** A ruler 100 px long drawn over 10 mm: 10 px per mm. */
const RULER: Calibration = { a: p(10, 140), b: p(110, 140), lengthMm: 10 }

/** A 200 × 150 photo of one patient, ready to calibrate and measure. */
async function photoToMeasure() {
  const bed = backend()
  return { ...bed, photo: await bed.plainPhoto('crown.jpg') }
}

describe('calibration', () => {
  it('stores the ruler line, gives the photo its scale and can be cleared', async () => {
    const { photos, photo } = await photoToMeasure()
    expect(photo.calibration).toBeNull()
    const calibrated = photos.calibrate(photo.id, photo.revision, RULER)
    expect(calibrated.revision).toBe(photo.revision + 1)
    expect(photos.get(photo.id).calibration).toEqual(RULER)
    expect(pxPerMm(photos.get(photo.id).calibration)).toBe(10)
    expect(pxPerMm({ a: p(0, 0), b: p(30, 40), lengthMm: 2 })).toBe(25)
    expect(pxPerMm(null)).toBeNull()

    const cleared = photos.calibrate(photo.id, calibrated.revision, null)
    expect(cleared.calibration).toBeNull()
    expect(photos.get(photo.id).calibration).toBeNull()
  })

  it('refuses a ruler line too short, or off the photo, and changes nothing', async () => {
    const { photos, photo } = await photoToMeasure()
    const calibrated = photos.calibrate(photo.id, photo.revision, RULER)

    const short = refusal(() => photos.calibrate(photo.id, calibrated.revision, { ...RULER, b: p(25, 140) }))
    expect(short.code).toBe('invalid_input')
    expect(short.message).toMatch(/too short to calibrate.*at least 20 photo pixels/)

    const outside = refusal(() => photos.calibrate(photo.id, calibrated.revision, { ...RULER, b: p(201, 140) }))
    expect(outside.code).toBe('invalid_input')
    expect(outside.message).toMatch(/outside the photo/)
    expect(outside.fieldErrors).toEqual({ 'calibration.points.1': 'This point lies outside the photo' })
    const negative = refusal(() => photos.calibrate(photo.id, calibrated.revision, { ...RULER, a: p(-1, 140) }))
    expect(negative.fieldErrors).toEqual({ 'calibration.points.0': 'This point lies outside the photo' })

    expect(photos.get(photo.id)).toMatchObject({ calibration: RULER, revision: calibrated.revision })
  })

  it.each([
    [0, /more than 0 mm/],
    [-5, /more than 0 mm/],
    [1001, /1000 mm or less/],
  ])('refuses a real length of %s mm at the bridge', async (lengthMm, message) => {
    const { dispatch, photos, photo } = await photoToMeasure()
    const result = await dispatch('photos.calibrate', {
      id: photo.id,
      revision: photo.revision,
      calibration: { ...RULER, lengthMm },
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    if (!result.ok) expect(result.error.fieldErrors?.['calibration.lengthMm']).toMatch(message)
    expect(photos.get(photo.id)).toMatchObject({ calibration: null, revision: photo.revision })
  })

  it('refuses a change made from a stale copy of the photo', async () => {
    const { photos, photo } = await photoToMeasure()
    photos.update(photo.id, photo.revision, { view: 'crown', caption: 'Before session 1', sessionId: null })
    const stale = refusal(() => photos.calibrate(photo.id, photo.revision, RULER))
    expect(stale.code).toBe('conflict')
    expect(stale.message).toMatch(/changed elsewhere/)
    expect(photos.get(photo.id)).toMatchObject({ calibration: null, view: 'crown', caption: 'Before session 1' })
    expect(refusal(() => photos.calibrate('00000000-0000-4000-8000-000000000000', 1, RULER)).code).toBe('not_found')
  })
})

describe('measurements', () => {
  it('stores a distance and an area and reads them back in millimetres and square centimetres', async () => {
    const { photos, photo } = await photoToMeasure()
    photos.calibrate(photo.id, photo.revision, RULER)
    const distance = photos.addMeasurement(photo.id, {
      kind: 'distance',
      label: 'Hairline to brow',
      points: [p(10, 20), p(10, 70)],
    })
    const square = [p(20, 20), p(120, 20), p(120, 120), p(20, 120)]
    const area = photos.addMeasurement(photo.id, { kind: 'area', label: 'Scar', points: square })

    const detail = photos.get(photo.id)
    expect(detail.measurementCount).toBe(2)
    expect(photos.list(photo.patientId)[0]?.measurementCount).toBe(2)
    expect(detail.measurements).toEqual([distance, area])
    expect(detail.measurements.map((m) => [m.kind, m.label, m.points])).toEqual([
      ['distance', 'Hairline to brow', [p(10, 20), p(10, 70)]],
      ['area', 'Scar', square],
    ])

    const scale = pxPerMm(detail.calibration)
    const [readDistance, readArea] = detail.measurements.map((m) => measure(m, scale))
    // 50 px at 10 px/mm; a 100 px square is 10 mm × 10 mm = 1 cm².
    expect(readDistance?.unit).toBe('mm')
    expect(readDistance?.value).toBeCloseTo(5, 9)
    expect(readArea?.unit).toBe('cm²')
    expect(readArea?.value).toBeCloseTo(1, 9)
    expect(formatQuantity(readDistance as NonNullable<typeof readDistance>)).toBe('5.0 mm')
    expect(formatQuantity(readArea as NonNullable<typeof readArea>)).toBe('1.00 cm²')

    // Without a calibration the same shapes read in pixels.
    expect(measure(area, null)).toEqual({ value: 10_000, unit: 'px²' })
    expect(measure(distance, null)).toEqual({ value: 50, unit: 'px' })

    photos.renameMeasurement(area.id, 'Scar (left)')
    expect(photos.get(photo.id).measurements[1]?.label).toBe('Scar (left)')
    photos.removeMeasurement(distance.id)
    expect(photos.get(photo.id).measurements.map((m) => m.id)).toEqual([area.id])
  })

  it('refuses an outline that crosses itself, a point off the photo and a zero-length distance', async () => {
    const { photos, photo, rowCount, dispatch } = await photoToMeasure()
    const bowTie = refusal(() =>
      photos.addMeasurement(photo.id, {
        kind: 'area',
        label: 'Bow-tie',
        points: [p(20, 20), p(120, 120), p(120, 20), p(20, 120)],
      }),
    )
    expect(bowTie.code).toBe('invalid_input')
    expect(bowTie.message).toMatch(/crosses itself/)

    const outside = refusal(() =>
      photos.addMeasurement(photo.id, { kind: 'distance', label: '', points: [p(10, 10), p(10, 151)] }),
    )
    expect(outside.fieldErrors).toEqual({ 'measurement.points.1': 'This point lies outside the photo' })

    const dot = refusal(() =>
      photos.addMeasurement(photo.id, { kind: 'distance', label: '', points: [p(10, 10), p(10, 10)] }),
    )
    expect(dot.message).toMatch(/two different points/)

    const twoPointArea = await dispatch('measurements.add', {
      photoId: photo.id,
      measurement: { kind: 'area', label: '', points: [p(1, 1), p(5, 5)] },
    })
    expect(twoPointArea).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    if (!twoPointArea.ok) expect(twoPointArea.error.fieldErrors?.['measurement.points']).toMatch(/at least three/)

    expect(rowCount('photo_measurements')).toBe(0)
    expect(photos.get(photo.id).measurementCount).toBe(0)
  })
})
