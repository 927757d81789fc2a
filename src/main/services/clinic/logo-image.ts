import { CLINIC_LIMITS } from '../../../shared/clinic/clinic-details'
import { loadSharp } from '../photos/image-pipeline'
import { ServiceError } from '../service-error'

const DATA_URL = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/
const SIGNATURES = {
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  jpeg: [0xff, 0xd8, 0xff],
} as const
/** A logo is small; anything larger is not a logo and would cost time to decode. */
const MAX_PIXELS = 25_000_000

const refuse = (message: string) => new ServiceError('invalid_input', message, { 'details.logo': message })

/**
 * The stored form of a chosen logo: decoded (so a damaged or disguised file is refused), turned
 * upright, shrunk to at most `CLINIC_LIMITS.logoSide`, and written as a fresh PNG. Sharp writes no
 * metadata unless asked, so the camera, GPS or author fields of the original never reach a sheet.
 */
export async function normaliseLogo(dataUrl: string): Promise<string> {
  const match = DATA_URL.exec(dataUrl)
  if (!match) throw refuse('The logo must be a PNG or JPEG image.')
  const [, type, base64] = match as unknown as [string, keyof typeof SIGNATURES, string]
  const bytes = Buffer.from(base64, 'base64')
  if (bytes.byteLength > CLINIC_LIMITS.logoBytes)
    throw refuse(`The logo is too large (${CLINIC_LIMITS.logoBytes / 1024 / 1024} MB at most).`)
  if (!SIGNATURES[type].every((byte, i) => bytes[i] === byte))
    throw refuse(`The file is not a ${type.toUpperCase()} image.`)
  const sharp = await loadSharp()
  try {
    const png = await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
      .rotate()
      .resize({
        width: CLINIC_LIMITS.logoSide,
        height: CLINIC_LIMITS.logoSide,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .png({ compressionLevel: 9 })
      .toBuffer()
    return `data:image/png;base64,${png.toString('base64')}`
  } catch {
    throw refuse('The logo image cannot be read; it may be damaged or too large.')
  }
}
