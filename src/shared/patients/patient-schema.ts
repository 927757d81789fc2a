import { z } from 'zod'
import { isCalendarDate, localToday } from '../dates'
import { textField } from '../text-field'
import { FIELD_LIMITS, FITZPATRICK_TYPES, GOALS, HAIR_COLOURS, HAIR_LOSS_PATTERNS, SEXES } from './patient-fields'

const values = <T extends string | number>(options: readonly { value: T }[]) => options.map((o) => o.value)

const oneOf = <T extends string>(options: readonly { value: T }[], what: string) =>
  z.enum(values(options) as [T, ...T[]], { error: `Choose a ${what} from the list` })

function aYearFromToday(now = new Date()): string {
  return localToday(new Date(now.getFullYear() + 1, now.getMonth(), now.getDate()))
}

const dateOfBirth = z
  .string({ error: 'Date of birth must be a date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date of birth as YYYY-MM-DD')
  .refine(isCalendarDate, 'That date does not exist')
  .refine((s) => s >= '1900-01-01', 'Date of birth must be after 1900')
  .refine((s) => s <= localToday(), 'Date of birth cannot be in the future')
  .nullable()

/** A transplant may already be booked, so the date can be up to a year ahead. */
const transplantDate = z
  .string({ error: 'The transplant date must be a date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the transplant date as YYYY-MM-DD')
  .refine(isCalendarDate, 'That date does not exist')
  .refine((s) => s >= '1900-01-01', 'The transplant date must be after 1900')
  .refine((s) => s <= aYearFromToday(), 'The transplant date can be at most a year from today')
  .nullable()

const email = textField(FIELD_LIMITS.email, 'Email').refine(
  (s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s),
  'Enter an email address like name@example.com',
)

const phone = textField(FIELD_LIMITS.phone, 'Phone').refine(
  (s) => /^[+0-9 ()./-]*$/.test(s),
  'A phone number may hold digits, spaces, + ( ) - . / only',
)

const flag = z.boolean({ error: 'Must be yes or no' })

export const medicalFlagsSchema = z.strictObject(
  {
    keloid: flag,
    alopeciaAreata: flag,
    chemotherapy: flag,
    hormonal: flag,
    scalpCondition: flag,
    pregnancy: flag,
    bloodThinners: flag,
    other: textField(FIELD_LIMITS.medicalOther, 'Other medical notes'),
  },
  { error: 'Medical flags are missing' },
)

export const patientFieldsSchema = z.strictObject(
  {
    fullName: textField(FIELD_LIMITS.fullName, 'Full name').refine(
      (s) => s.length > 0,
      "Enter the patient's full name",
    ),
    dateOfBirth,
    sex: oneOf(SEXES, 'sex').nullable(),
    phone,
    email,
    fitzpatrick: z
      .union(
        values(FITZPATRICK_TYPES).map((v) => z.literal(v)),
        { error: 'Choose a Fitzpatrick type from I to VI' },
      )
      .nullable(),
    hairColour: oneOf(HAIR_COLOURS, 'hair colour').nullable(),
    hairLossPattern: oneOf(HAIR_LOSS_PATTERNS, 'hair-loss pattern').nullable(),
    goals: z
      .array(oneOf(GOALS, 'goal'), { error: 'Goals must be a list' })
      .max(GOALS.length)
      .refine((g) => new Set(g).size === g.length, 'A goal is listed twice'),
    medical: medicalFlagsSchema,
    transplantDate,
    notes: textField(FIELD_LIMITS.notes, 'Notes'),
  },
  { error: 'Patient details are missing' },
)

export const patientIdSchema = z.uuid({ error: 'Not a patient id' })
