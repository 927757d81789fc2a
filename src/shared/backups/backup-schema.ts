import { z } from 'zod'
import { BACKUP_POLICY_LIMITS, BACKUP_REASONS, type BackupReason } from './backup-types'

/** `20261121T100000123Z-a1b2`: the time it was taken and a random tail; never a path. */
export const BACKUP_ID_PATTERN = /^\d{8}T\d{9}Z-[0-9a-f]{4}$/

export const backupIdSchema = z
  .string({ error: 'A backup is named by its id' })
  .regex(BACKUP_ID_PATTERN, 'That is not the id of a backup')

const policyFigure = (key: keyof typeof BACKUP_POLICY_LIMITS, what: string) => {
  const { min, max } = BACKUP_POLICY_LIMITS[key]
  return z
    .int({ error: `${what} must be a whole number` })
    .min(min, `${what} must be at least ${min}`)
    .max(max, `${what} can be at most ${max}`)
}

export const backupPolicySchema = z.strictObject({
  daily: policyFigure('daily', 'Days of daily backups'),
  weekly: policyFigure('weekly', 'Weeks of weekly backups'),
  safetyDays: policyFigure('safetyDays', 'Days to keep safety backups'),
})

const count = z.int().nonnegative()
const sha256 = z.string().regex(/^[0-9a-f]{64}$/)

/**
 * The manifest written beside each backup's database file: enough to list, preview and verify
 * it without opening the database, and the photo files it needs kept.
 */
export const backupManifestSchema = z.object({
  format: z.literal(1),
  id: backupIdSchema,
  createdAt: z.iso.datetime(),
  reason: z.enum(BACKUP_REASONS.map((r) => r.value) as [BackupReason, ...BackupReason[]]),
  appVersion: z.string(),
  schemaVersion: z.int().positive(),
  counts: z.object({ patients: count, photos: count, designs: count, sessions: count }),
  patients: z.array(z.object({ name: z.string(), archived: z.boolean() })),
  /** The content-addressed photo files the backup's records name. */
  photoFiles: z.array(sha256),
  file: z.object({ bytes: count, sha256 }),
  /** The audit trail's newest entry in the backup: a head kept outside the live database (older backups lack it). */
  auditHead: z.object({ seq: count, hash: sha256 }).optional(),
})

export type BackupManifest = z.infer<typeof backupManifestSchema>
