import { z } from 'zod'
import { textField } from '../text-field'
import { CLINIC_LIMITS, type ClinicDetails } from './clinic-details'

/** Base64 grows bytes by a third; the data URL's prefix is a few characters more. */
const LOGO_URL_CHARS = Math.ceil((CLINIC_LIMITS.logoBytes * 4) / 3) + 64

/**
 * The clinic details as Settings saves them. The logo is a PNG or JPEG data URL; main decodes it
 * and stores its own PNG, so only the shape is checked here.
 */
export const clinicDetailsSchema = z.strictObject(
  {
    name: textField(CLINIC_LIMITS.name, 'The clinic name'),
    address: textField(CLINIC_LIMITS.address, 'The address'),
    phone: textField(CLINIC_LIMITS.phone, 'The phone number'),
    email: textField(CLINIC_LIMITS.email, 'The email address'),
    website: textField(CLINIC_LIMITS.website, 'The website'),
    logo: z
      .string({ error: 'The logo must be an image' })
      .max(LOGO_URL_CHARS, `The logo is too large (${CLINIC_LIMITS.logoBytes / 1024 / 1024} MB at most)`)
      .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/, 'The logo must be a PNG or JPEG image')
      .nullable(),
    aftercare: textField(CLINIC_LIMITS.aftercare, 'The aftercare text'),
    consent: textField(CLINIC_LIMITS.consent, 'The consent text'),
  },
  { error: 'The clinic details are missing' },
) satisfies z.ZodType<ClinicDetails>
