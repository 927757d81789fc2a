import { z } from 'zod'
import { ARCHIVE_ROW_LIMITS } from './archive-records'
import type { ArchiveCounts } from './archive-summary'

/**
 * A patient archive (`.stipple`) is a plain zip, so anyone can open it with the tools their OS
 * already has and read what it holds:
 *
 *   manifest.json                     what made it, whom it holds, a SHA-256 and size per entry
 *   records.json                      the patient's rows, as the database holds them
 *   photos/originals/<sha256>.<ext>   each original, byte for byte (its name is its own SHA-256)
 *   photos/working/<sha256>.jpg       the drawn working copy and the thumbnail, so an import
 *   photos/thumbnails/<sha256>.jpg    shows the photos without decoding every original again
 *
 * Photos are stored uncompressed (they are compressed already), the JSON deflated.
 */
export const ARCHIVE_FORMAT = 'stipple-patient-archive'
/** Bumped when the container's layout changes; `schemaVersion` follows the database's rows. */
export const ARCHIVE_FORMAT_VERSION = 1

export const MANIFEST_ENTRY = 'manifest.json'
export const RECORDS_ENTRY = 'records.json'

/** Far above any real patient's records (JSON of thousands of sessions and comments), far below memory trouble. */
export const MAX_RECORDS_BYTES = 64 * 1024 * 1024

export type ArchivePhotoFolder = 'originals' | 'working' | 'thumbnails'

/** The entry a photo file is kept under; `extension` without its dot. */
export const photoEntry = (folder: ArchivePhotoFolder, sha256: string, extension: string) =>
  `photos/${folder}/${sha256}.${extension}`

/** records.json and each photo's three files, for as many photos as an archive may hold. */
export const MAX_MANIFEST_ENTRIES = 1 + 3 * ARCHIVE_ROW_LIMITS.photos

const SHA256 = /^[0-9a-f]{64}$/
const count = z.int().nonnegative()

const archiveCountsSchema = z.strictObject({
  photos: count,
  measurements: count,
  designs: count,
  sessions: count,
  pigments: count,
  comments: count,
  auditEntries: count,
}) satisfies z.ZodType<ArchiveCounts>

export const manifestSchema = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.int().positive(),
  appVersion: z.string().min(1).max(64),
  schemaVersion: z.int().positive(),
  createdAt: z.iso.datetime(),
  patient: z.strictObject({ id: z.string().min(1).max(64), fullName: z.string().min(1).max(200) }),
  counts: archiveCountsSchema,
  entries: z
    .array(
      z.strictObject({
        path: z.string().min(1).max(200),
        size: z.int().nonnegative(),
        sha256: z.string().regex(SHA256),
      }),
    )
    .min(1)
    .max(MAX_MANIFEST_ENTRIES),
})
export type ArchiveManifest = z.infer<typeof manifestSchema>
