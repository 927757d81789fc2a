/**
 * The clinic's own details, printed on every design sheet: not clinical numbers, so kept as a
 * record of their own beside the clinical settings. Free of any schema library so the renderer
 * can import it; the zod schema is in `clinic-schema.ts` and only main validates with it.
 */
export interface ClinicDetails {
  name: string
  /** Lines as the clinic writes them. */
  address: string
  phone: string
  email: string
  website: string
  /**
   * The logo as main stored it: a PNG data URL, re-encoded from what was chosen so it carries
   * no metadata, or null.
   */
  logo: string | null
  /** One instruction per line. */
  aftercare: string
  consent: string
}

export const CLINIC_LIMITS = {
  name: 120,
  address: 400,
  phone: 40,
  email: 254,
  website: 200,
  aftercare: 4000,
  consent: 3000,
  /** Largest logo file accepted, bytes. */
  logoBytes: 2 * 1024 * 1024,
  /** The stored logo's longest side, px: sharp at 300 dpi across 5 cm. */
  logoSide: 600,
} as const

/** What the logo chooser accepts; main checks the bytes themselves. */
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const

/**
 * Aftercare from the clinic pages (domain notes, "Recovery and aftercare") and the wider
 * literature ("Aftercare": water, sweat, sun, then SPF).
 */
export const DEFAULT_AFTERCARE = [
  'You can return to work the next day. Redness and swelling settle within 3–5 days; over a treated scar, 10–14 days.',
  'Keep your scalp dry: do not wash it until your practitioner says so (about 4 days).',
  'Avoid heavy exercise and anything that makes you sweat for about 5 days.',
  'No hot showers, steam rooms, saunas or swimming pools, and keep the sun off your scalp for about 4 weeks; after that, protect it with SPF 30–50.',
  'Come to your finishing session with your hair at the shortest length you plan to wear it.',
].join('\n')

/** What the patient confirms, from what the clinic pages say SMP is and is not (domain notes). */
export const DEFAULT_CONSENT =
  'I have discussed this design and treatment plan with my practitioner. I understand that scalp micropigmentation is a cosmetic tattoo that does not grow hair; that it is built up over several sessions; that pigment fades unevenly and touch-ups may be needed; that permanent pigment can only be removed by laser; and that the cost shown is an estimate. I have disclosed my medical history, including any tendency to keloid scarring.'

export const CLINIC_DEFAULTS: ClinicDetails = {
  name: '',
  address: '',
  phone: '',
  email: '',
  website: '',
  logo: null,
  aftercare: DEFAULT_AFTERCARE,
  consent: DEFAULT_CONSENT,
}

/** The record in force and the revision a save must name: 0 while nothing is saved. */
export interface SavedClinic {
  details: ClinicDetails
  revision: number
}
