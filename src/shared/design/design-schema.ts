import { z } from 'zod'
import { pointSchema } from '../photos/photo-schema'
import { DESIGN_LIMITS } from './design-limits'
import {
  DESIGN_SCHEMA_VERSION,
  type DesignDocument,
  LANDMARK_ROLES,
  type LandmarkRole,
  SCAR_SHAPES,
  type ScarShape,
  ZONE_ROLES,
  type ZoneRole,
} from './design-types'
import { pointsProblem } from './point-rules'

const enumOf = <T extends string>(values: readonly { value: T }[], error: string) =>
  z.enum(values.map((v) => v.value) as [T, ...T[]], { error })

const mm = (label: string, max: number, min = 0) =>
  z
    .number({ error: `${label} must be a number` })
    .finite(`${label} must be a number`)
    .min(min, `${label} must be at least ${min} mm`)
    .max(max, `${label} must be ${max} mm or less`)

const base = {
  id: z
    .string({ error: 'An object id must be text' })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'An object id is 1–64 letters, digits, - or _'),
  name: z
    .string({ error: 'A name must be text' })
    .max(DESIGN_LIMITS.name, `A name has at most ${DESIGN_LIMITS.name} characters`),
  colour: z.string({ error: 'A colour must be text' }).regex(/^#[0-9a-f]{6}$/i, 'A colour is written #rrggbb'),
  hidden: z.boolean({ error: 'hidden must be yes or no' }),
  locked: z.boolean({ error: 'locked must be yes or no' }),
  points: z
    .array(pointSchema, { error: 'Points must be a list' })
    .max(DESIGN_LIMITS.points, `An object has at most ${DESIGN_LIMITS.points} points`),
}

const note = z
  .string({ error: 'A note must be text' })
  .max(DESIGN_LIMITS.note, `A note has at most ${DESIGN_LIMITS.note} characters`)

const objectSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      ...base,
      kind: z.literal('hairline'),
      mirror: z.boolean({ error: 'mirror must be yes or no' }),
      featherMm: mm('The feather width', DESIGN_LIMITS.featherMm),
      irregularity: z
        .number({ error: 'Irregularity must be a number' })
        .min(0, 'Irregularity is between 0 and 1')
        .max(1, 'Irregularity is between 0 and 1'),
    }),
    z.strictObject({
      ...base,
      kind: z.literal('zone'),
      role: enumOf<ZoneRole>(ZONE_ROLES, 'Choose a zone role from the list'),
      density: z
        .number({ error: 'The target density must be a number' })
        .finite('The target density must be a number')
        .min(DESIGN_LIMITS.density.min, `The target density is at least ${DESIGN_LIMITS.density.min} per cm²`)
        .max(DESIGN_LIMITS.density.max, `The target density is at most ${DESIGN_LIMITS.density.max} per cm²`),
      softnessMm: mm('The edge softness', DESIGN_LIMITS.softnessMm),
    }),
    z.strictObject({
      ...base,
      kind: z.literal('scar'),
      shape: enumOf<ScarShape>(SCAR_SHAPES, 'Choose a scar shape from the list'),
      widthMm: mm('The strip width', DESIGN_LIMITS.widthMm, 0.1),
      dotMm: mm('The dot diameter', DESIGN_LIMITS.dotMm.max, DESIGN_LIMITS.dotMm.min),
      note,
    }),
    z.strictObject({
      ...base,
      kind: z.literal('landmark'),
      role: enumOf<LandmarkRole>(LANDMARK_ROLES, 'Choose a landmark from the list'),
    }),
    z.strictObject({ ...base, kind: z.literal('pin'), note }),
  ],
  { error: 'An object is a hairline, zone, scar, landmark or pin' },
)

export const designDocumentSchema = z
  .strictObject(
    {
      schema: z.literal(DESIGN_SCHEMA_VERSION, { error: `Not a design document of version ${DESIGN_SCHEMA_VERSION}` }),
      objects: z
        .array(objectSchema, { error: 'A design holds a list of objects' })
        .max(DESIGN_LIMITS.objects, `A design holds at most ${DESIGN_LIMITS.objects} objects`),
    },
    { error: 'The design document is missing' },
  )
  .superRefine((document, context) => {
    const ids = new Set<string>()
    const landmarks = new Set<string>()
    document.objects.forEach((object, index) => {
      const problem = pointsProblem(object)
      const name = object.name || object.kind
      if (problem)
        context.addIssue({ code: 'custom', path: ['objects', index, 'points'], message: `${name}: ${problem}` })
      if (ids.has(object.id))
        context.addIssue({
          code: 'custom',
          path: ['objects', index, 'id'],
          message: `Two objects share the id ${object.id}`,
        })
      ids.add(object.id)
      if (object.kind === 'landmark') {
        if (landmarks.has(object.role))
          context.addIssue({
            code: 'custom',
            path: ['objects', index, 'role'],
            message: `The design has more than one ${object.role} landmark`,
          })
        landmarks.add(object.role)
      }
    })
  }) satisfies z.ZodType<DesignDocument>
