import type { ArchiveManifest } from '../../../shared/archive/archive-format'
import type { ArchiveRecords } from '../../../shared/archive/archive-records'
import type { StoredFileSet } from '../photos/photo-service'
import { checkPhotoFiles } from './archive-check-photos'
import { checkRecords } from './archive-check-records'
import { unpackArchive } from './archive-zip'

export interface OpenedArchive {
  manifest: ArchiveManifest
  records: ArchiveRecords
  /** Each photo's files to store; with `remake`, its drawn copies made here from the original. */
  fileSets: StoredFileSet[]
}

/**
 * The whole archive proven sound (container, checksums, every record, every photo file), or a
 * refusal naming what is wrong with it. Pure work on the bytes: it runs in a worker thread.
 */
export async function openArchive(bytes: Uint8Array, latestSchema: number, remake: boolean): Promise<OpenedArchive> {
  const unpacked = unpackArchive(bytes, latestSchema)
  const records = checkRecords(unpacked.records, unpacked.manifest)
  const shaOfEntry = new Map(unpacked.manifest.entries.map((e) => [e.path, e.sha256]))
  const fileSets = await checkPhotoFiles(records, unpacked.files, shaOfEntry, remake)
  return { manifest: unpacked.manifest, records, fileSets }
}
