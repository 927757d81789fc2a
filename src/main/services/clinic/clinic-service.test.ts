import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { jpegOf, rawImage } from '../../../../test/node/images'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { PNG_METADATA_CHUNKS, pngChunkTypes } from '../../../../test/node/png-chunks'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import { CLINIC_DEFAULTS, type ClinicDetails, type SavedClinic } from '../../../shared/clinic/clinic-details'

const tempDir = tempDirsForEachTest()
const backend = photoBackendsForEachTest(tempDir)

const details = (change: Partial<ClinicDetails> = {}): ClinicDetails => ({
  ...CLINIC_DEFAULTS,
  name: 'Northside Scalp Clinic',
  address: '12 Harbour Street\nLeith EH6 6QN',
  phone: '0131 555 0100',
  ...change,
})

const dataUrl = (type: 'png' | 'jpeg', bytes: Buffer) => `data:image/${type};base64,${bytes.toString('base64')}`

/** A 1200 × 400 logo, red left half, blue right, with camera and GPS fields in its EXIF. */
async function logoWithExif(): Promise<Buffer> {
  return jpegOf(
    rawImage(1200, 400, (x) => (x < 600 ? [220, 30, 30] : [30, 30, 220])),
    {
      exif: {
        IFD0: { Make: 'Canon', Artist: 'Dr Example' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 2628/100' },
      },
    },
  )
}

describe('the clinic details', () => {
  it('are the defaults at revision 0, with the domain notes’ aftercare and a consent text, until saved', async () => {
    const { dispatch } = backend()
    const result = await dispatch('clinic.get', {})
    expect(result).toMatchObject({ ok: true, value: { revision: 0, details: { name: '', logo: null } } })
    const { details: shipped } = (result.ok ? result.value : null) as SavedClinic
    expect(shipped.aftercare).toMatch(/return to work the next day/)
    expect(shipped.aftercare).toMatch(/SPF 30–50/)
    expect(shipped.consent).toMatch(/does not grow hair/)
  })

  it('are saved whole (trimmed) and read back, and a stale save is refused', async () => {
    const { dispatch } = backend()
    const saved = await dispatch('clinic.save', { baseRevision: 0, details: details({ name: '  Northside  ' }) })
    expect(saved).toMatchObject({
      ok: true,
      value: { revision: 1, details: { name: 'Northside', phone: '0131 555 0100' } },
    })
    expect(await dispatch('clinic.get', {})).toEqual(saved)
    const stale = await dispatch('clinic.save', { baseRevision: 0, details: details({ name: 'Other' }) })
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(await dispatch('clinic.get', {})).toEqual(saved)
  })

  it('store a chosen logo as a small upright PNG that keeps none of the original’s metadata', async () => {
    const { dispatch } = backend()
    const original = await logoWithExif()
    expect(original.includes('Dr Example')).toBe(true)
    const result = await dispatch('clinic.save', {
      baseRevision: 0,
      details: details({ logo: dataUrl('jpeg', original) }),
    })
    if (!result.ok) throw new Error(result.error.message)
    const saved = result.value as SavedClinic
    const stored = saved.details.logo as string
    expect(stored).toMatch(/^data:image\/png;base64,/)
    const png = Buffer.from(stored.split(',')[1] as string, 'base64')
    const meta = await sharp(png).metadata()
    expect([meta.width, meta.height]).toEqual([600, 200])
    expect(meta.exif).toBeUndefined()
    expect(pngChunkTypes(png).filter((t) => PNG_METADATA_CHUNKS.includes(t))).toEqual([])
    for (const secret of ['Canon', 'Dr Example', 'GPS']) expect(png.includes(secret)).toBe(false)
    const { data } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true })
    expect([data[0], data[2]]).toEqual([expect.closeTo(220, -1), expect.closeTo(30, -1)])

    // Saving again with the stored logo keeps it as it is.
    const again = await dispatch('clinic.save', { baseRevision: 1, details: { ...saved.details, phone: '' } })
    expect(again).toMatchObject({ ok: true, value: { revision: 2, details: { logo: stored, phone: '' } } })
  })

  it.each([
    [
      'bytes that are no image',
      () => dataUrl('png', Buffer.from('\x89PNG\r\n\x1a\nnot really a picture', 'latin1')),
      /cannot be read/,
    ],
    ['a JPEG that says it is a PNG', async () => dataUrl('png', await logoWithExif()), /not a PNG/],
    ['a GIF', async () => `data:image/gif;base64,${Buffer.from('GIF89a').toString('base64')}`, /PNG or JPEG/],
  ])('refuse %s on the logo field and store nothing', async (_, logo, message) => {
    const { dispatch, db } = backend()
    const result = await dispatch('clinic.save', { baseRevision: 0, details: details({ logo: await logo() }) })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    if (!result.ok) expect(result.error.fieldErrors?.['details.logo']).toMatch(message)
    expect(db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'clinic'").get()).toEqual({ n: 0 })
  })

  it('refuse a name longer than a sheet’s header holds', async () => {
    const { dispatch } = backend()
    const result = await dispatch('clinic.save', { baseRevision: 0, details: details({ name: 'x'.repeat(121) }) })
    expect(result).toMatchObject({
      ok: false,
      error: { fieldErrors: { 'details.name': expect.stringMatching(/too long/) } },
    })
  })

  it('leave the clinical settings’ own record alone', async () => {
    const { dispatch, settings } = backend()
    await dispatch('clinic.save', { baseRevision: 0, details: details() })
    expect(settings.get().revision).toBe(0)
  })
})

describe('printing a sheet to PDF', () => {
  it('is the desktop’s: the harness answers unavailable', async () => {
    const { dispatch } = backend()
    expect(
      await dispatch('sheets.savePdf', { paper: 'a4', orientation: 'portrait', suggestedName: 'Sheet.pdf' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    })
    expect(
      await dispatch('sheets.savePdf', { paper: 'a3', orientation: 'portrait', suggestedName: 'Sheet.pdf' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
  })
})
