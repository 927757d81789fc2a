import { z } from 'zod'
import { patientIdSchema } from '../patients/patient-schema'
import { AUDIT_ENTITIES, type AuditEntity } from './audit-types'

/** The most entries one page holds: a day of design autosaves fits, a whole history need not. */
export const AUDIT_PAGE_MAX = 200

export const auditEntitySchema = z.enum(AUDIT_ENTITIES.map((e) => e.value) as [AuditEntity, ...AuditEntity[]], {
  error: 'Choose a kind of change from the list',
})

export const auditPageQuerySchema = z.strictObject({
  patientId: patientIdSchema,
  /** Only entries of this kind; null for all. */
  entity: auditEntitySchema.nullable(),
  /** Entries older than this number; null for the newest. */
  before: z
    .int({ error: 'The page must start at a whole number' })
    .min(1, 'The page must start at 1 or later')
    .nullable(),
  limit: z
    .int({ error: 'The page size must be a whole number' })
    .min(1, 'A page holds at least one entry')
    .max(AUDIT_PAGE_MAX, `A page holds at most ${AUDIT_PAGE_MAX} entries`),
})

export type AuditPageQuery = z.output<typeof auditPageQuerySchema>
