import type { ArchiveManifest } from '../../../shared/archive/archive-format'
import type { ArchiveRecords } from '../../../shared/archive/archive-records'
import type { PlacedFileSet } from './archive-answer'
import { checkPhotoFiles } from './archive-check-photos'
import { checkRecords } from './archive-check-records'
import { partOf, percentReporter, type ReportPercent } from './archive-progress'
import { unpackArchive } from './archive-zip'
import type { ZipSource } from './zip-entries'

export interface OpenedArchive {
  manifest: ArchiveManifest
  records: ArchiveRecords
  /** Each original's files to store, a stored entry by its place; with `remake`, its drawn copies made here from it. */
  fileSets: PlacedFileSet[]
}

/** Of the whole check, how much is the container (inflating and hashing every entry); the photos are the rest. */
const CONTAINER_SHARE = 0.6

/**
 * The whole archive proven sound (container, checksums, every record, every photo file), or a
 * refusal naming what is wrong with it, telling `report` how far it has got (100 once sound).
 * Pure work on the archive, read a range at a time: it runs in a decode process.
 */
export async function openArchive(
  archive: ZipSource,
  latestSchema: number,
  remake: boolean,
  report: ReportPercent = () => {},
): Promise<OpenedArchive> {
  const whole = percentReporter(report)
  whole(0)
  const unpacked = unpackArchive(archive, latestSchema, partOf(whole, 0, CONTAINER_SHARE))
  const records = checkRecords(unpacked.records, unpacked.manifest)
  const shaOfEntry = new Map(unpacked.manifest.entries.map((e) => [e.path, e.sha256]))
  const fileSets = await checkPhotoFiles(records, unpacked.files, shaOfEntry, remake, partOf(whole, CONTAINER_SHARE, 1))
  whole(1)
  return { manifest: unpacked.manifest, records, fileSets }
}
