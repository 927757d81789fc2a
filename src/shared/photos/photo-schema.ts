import { z } from 'zod'
import { textField } from '../text-field'
import { PHOTO_LIMITS, PHOTO_VIEWS, type PhotoView } from './photo-fields'

export const photoIdSchema = z.uuid({ error: 'Not a photo id' })
export const measurementIdSchema = z.uuid({ error: 'Not a measurement id' })

export const photoViewSchema = z.enum(PHOTO_VIEWS.map((v) => v.value) as [PhotoView, ...PhotoView[]], {
  error: 'Choose a view from the list',
})

// The name is only shown, never used as a path; still, a name no file picker can produce is hostile.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
const UNSAFE_NAME = /[/\\\u0000-\u001f\u007f]/

export const fileNameSchema = z
  .string({ error: 'The file name must be text' })
  .min(1, 'The file has no name')
  .max(PHOTO_LIMITS.fileName, 'The file name is too long')
  .refine((s) => !UNSAFE_NAME.test(s) && s !== '.' && s !== '..', 'The file name holds a path or control characters')

export const photoBytesSchema = z
  .instanceof(Uint8Array, { error: 'The file content is missing' })
  .refine((b) => b.byteLength > 0, 'The file is empty (0 bytes)')
  .refine(
    (b) => b.byteLength <= PHOTO_LIMITS.maxBytes,
    `The file is larger than ${PHOTO_LIMITS.maxBytes / 1024 / 1024} MB`,
  )

const coordinate = z.number({ error: 'A coordinate must be a number' }).finite('A coordinate must be finite')
export const pointSchema = z.strictObject({ x: coordinate, y: coordinate }, { error: 'A point needs x and y' })

export const calibrationSchema = z.strictObject(
  {
    a: pointSchema,
    b: pointSchema,
    lengthMm: z
      .number({ error: 'Enter the real length in mm' })
      .positive('The real length must be more than 0 mm')
      .max(PHOTO_LIMITS.maxCalibrationMm, `The real length must be ${PHOTO_LIMITS.maxCalibrationMm} mm or less`),
  },
  { error: 'The calibration is missing' },
)

export const photoFieldsSchema = z.strictObject(
  {
    view: photoViewSchema,
    caption: textField(PHOTO_LIMITS.caption, 'The caption'),
    // Only the shape of an id: main checks the session exists and is this patient's.
    sessionId: z
      .string({ error: 'Not a session id' })
      .min(1, 'Not a session id')
      .max(64, 'Not a session id')
      .nullable(),
  },
  { error: 'Photo details are missing' },
)

export const measurementLabelSchema = textField(PHOTO_LIMITS.measurementLabel, 'The label')

export const measurementInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('distance'),
      label: measurementLabelSchema,
      points: z.array(pointSchema).length(2, 'A distance has exactly two points'),
    }),
    z.strictObject({
      kind: z.literal('area'),
      label: measurementLabelSchema,
      points: z
        .array(pointSchema)
        .min(3, 'An area needs at least three points')
        .max(PHOTO_LIMITS.polygonPoints, `An area has at most ${PHOTO_LIMITS.polygonPoints} points`),
    }),
  ],
  { error: 'A measurement is a distance or an area' },
)
