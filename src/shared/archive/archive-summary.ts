import type { MadeFile } from '../files/made-file'
import type { PatientId } from '../patients/patient'

/**
 * The largest archive Stipple writes or reads: what `files.save` takes (its
 * `MAX_SAVED_FILE_BYTES`), so every archive made can be saved. Here, free of any schema library,
 * so the renderer can refuse a larger file before reading it.
 */
export const MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024

/** How many of each thing an archive holds besides the patient's record. */
export interface ArchiveCounts {
  photos: number
  measurements: number
  designs: number
  sessions: number
  pigments: number
  comments: number
  auditEntries: number
}

/** What to do when the archive's patient is already on this machine. */
export type OnExisting = 'copy' | 'skip'

/** What an archive holds, shown before anything is imported. */
export interface ArchiveSummary {
  createdAt: string
  appVersion: string
  schemaVersion: number
  /** Size of the archive file in bytes. */
  byteSize: number
  patient: { id: PatientId; fullName: string; dateOfBirth: string | null; archived: boolean }
  counts: ArchiveCounts
  /**
   * The record already on this machine under the archive's ids (the same patient imported or
   * moved before), with its name here; null when the archive's patient is new to this machine.
   */
  existing: { id: PatientId; fullName: string } | null
}

/**
 * What an archive holds, and the id main keeps it under for its import (`archives.import`): the
 * archive imported is the one shown, and its photos are checked while the person reads this.
 */
export interface HeldArchiveSummary extends ArchiveSummary {
  heldId: string
}

/** 32 hex digits: made by main, never a path. */
export const HELD_ARCHIVE_ID_PATTERN = /^[0-9a-f]{32}$/

export interface ArchiveImportResult {
  /** `copied`: imported with new ids beside the record already here; `skipped`: nothing was written. */
  status: 'imported' | 'copied' | 'skipped'
  /** The record to open: the new one, or for a skip the one already here. */
  patient: { id: PatientId; fullName: string }
  counts: ArchiveCounts
  /** Pigments the archive's sessions use that this catalogue lacked, added under their own names. */
  pigmentsAdded: string[]
  /**
   * Pigments this catalogue holds under the same id with other values: kept as they are here,
   * and the archive's added beside them under these names, so neither record changes.
   */
  pigmentsAddedAsCopies: string[]
}

/** An archive made for saving: its bytes and the file name to offer. */
export interface ArchiveExport extends MadeFile {
  counts: ArchiveCounts
}
