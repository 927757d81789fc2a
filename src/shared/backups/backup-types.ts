/** Why a backup was taken; the rotation keeps each kind by its own rule. */
export const BACKUP_REASONS = [
  { value: 'automatic', label: 'Automatic' },
  { value: 'manual', label: 'Manual' },
  { value: 'safety', label: 'Safety (before a restore)' },
] as const

export type BackupReason = (typeof BACKUP_REASONS)[number]['value']

/** A backup is named by this id in every call: the renderer never sends a path. */
export type BackupId = string

export interface BackupCounts {
  patients: number
  photos: number
  designs: number
  sessions: number
}

/** One backup as the list shows it. */
export interface BackupSummary {
  id: BackupId
  createdAt: string
  reason: BackupReason
  appVersion: string
  schemaVersion: number
  /** Size of the database file; photo files are shared with the live library, not copied. */
  bytes: number
  counts: BackupCounts
}

/** What a backup holds and whether it can be restored, read before the user commits to a restore. */
/** One check a restore runs first, as the preview lists it. */
export interface BackupCheck {
  name: 'File' | 'Checksum' | 'Schema' | 'Integrity' | 'Photo files'
  /** `skipped` when an earlier check failed, so this one could not run. */
  outcome: 'passed' | 'failed' | 'warning' | 'skipped'
  detail: string
}

export interface BackupPreview {
  backup: BackupSummary
  /** Every check run, in order, with its result: what "it passes its checks" means. */
  checks: BackupCheck[]
  /** Every patient in the backup, by name, archived ones marked. */
  patients: { name: string; archived: boolean }[]
  /** Why this backup cannot be restored (damaged, altered, from a newer Stipple); empty when it can. */
  problems: string[]
  /** Photos whose files are no longer in the data folder: their records come back without a picture. */
  missingPhotoFiles: number
}

/**
 * How many backups are kept. Automatic backups: the newest of each day for the last `daily`
 * days that have one, and the newest of each week for the last `weekly` weeks that have one.
 * Safety backups are kept `safetyDays` days; manual backups until the user deletes them.
 */
export interface BackupPolicy {
  daily: number
  weekly: number
  safetyDays: number
}

/** Daily for a week and weekly for two months, as the clinic asked; a month of safety backups. */
export const DEFAULT_BACKUP_POLICY: BackupPolicy = { daily: 7, weekly: 8, safetyDays: 30 }

/** The range each policy figure may take: at least one daily backup is always kept. */
export const BACKUP_POLICY_LIMITS: Record<keyof BackupPolicy, { min: number; max: number }> = {
  daily: { min: 1, max: 90 },
  weekly: { min: 0, max: 104 },
  safetyDays: { min: 1, max: 365 },
}

export interface RestoreOutcome {
  restored: BackupSummary
  /** The backup of what was there just before, taken first; null when restoring in recovery. */
  safetyBackup: BackupSummary | null
  /** The damaged database's new name in the data folder, when one was moved aside. */
  movedAside: string | null
}

/** The result of a full integrity check of the open database. */
export interface DatabaseCheck {
  ok: boolean
  /** SQLite's own findings, one per line, when there are any. */
  problems: string[]
  checkedAt: string
  durationMs: number
}

/**
 * Why Stipple started in recovery rather than with the database: the file is damaged (or is
 * not a database), or it is missing while backups of it exist.
 */
export interface RecoveryState {
  reason: 'damaged' | 'missing'
  /** SQLite's words, or what was found, for the curious and for support. */
  detail: string
  /** The database file's name in the data folder. */
  databaseFile: string
}
