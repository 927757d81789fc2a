import fs from 'node:fs'
import type { ArchiveRecords, PhotoArchiveRow } from '../../../shared/archive/archive-records'
import { MAX_ARCHIVE_BYTES } from '../../../shared/archive/archive-summary'
import type { ByFile } from '../isolation/spilled-bytes'
import type { StoredVariant } from '../photos/photo-files'
import { ServiceError } from '../service-error'
import { photoEntries } from './archive-check-photos'
import { archivedOriginal } from './archive-originals'
import { partOf, type ReportFraction, unitCounter } from './archive-progress'
import { type PackInput, writeArchive } from './archive-zip'

/**
 * A patient's archive as an export hands it to be packed: the records, and each photo's stored
 * files by name rather than by bytes, so they go from the photo folder to the packing without
 * passing through main.
 */
export interface PatientPack extends Omit<PackInput, 'records' | 'files'> {
  records: ArchiveRecords
  /** Each photo's stored files, in the order of `records.photos`: main names them as held files. */
  photoFiles: Record<StoredVariant, ByFile>[]
  /** Whether originals leave without their location, as the clinic's setting has imports do. */
  removeLocation: boolean
}

/** Of the packing, how much is reading the photo files; hashing every entry is the rest. */
const READ_SHARE = 0.5

const megabytes = (bytes: number) => `${Math.ceil(bytes / 1024 / 1024).toLocaleString('en')} MB`

const pathOf = (file: ByFile) => {
  if (!('file' in file)) throw new Error('A patient is packed from its photo files')
  return file.file
}

/**
 * Writes the patient's archive to `write` (`writeArchive`): each photo's files read, its original
 * stripped of its location unless the clinic keeps it (`archivedOriginal`), every entry then
 * hashed and zipped. Refuses, naming the limit, a patient whose photos pass what one archive holds.
 * `onProgress` hears the photos read, then the entries hashed.
 */
export function packPatient(
  input: PatientPack,
  write: (chunk: Uint8Array) => void,
  onProgress: ReportFraction = () => {},
): void {
  const { records, photoFiles, removeLocation, ...head } = input
  const photoRead = unitCounter(records.photos.length, partOf(onProgress, 0, READ_SHARE))
  const scratch = removeLocation
    ? new Uint8Array(Math.max(0, ...photoFiles.map((files) => fs.statSync(pathOf(files.original)).size)))
    : undefined
  const files: [string, Uint8Array][] = []
  const photos: PhotoArchiveRow[] = []
  let size = 0
  records.photos.forEach((stored, i) => {
    const storedFiles = photoFiles[i] as Record<StoredVariant, ByFile>
    const read = (variant: StoredVariant) => fs.readFileSync(pathOf(storedFiles[variant]))
    const original = archivedOriginal(stored, read('original'), { removeLocation, at: head.createdAt, scratch })
    photos.push(original.photo)
    const entries = photoEntries(original.photo)
    for (const variant of Object.keys(entries) as StoredVariant[]) {
      const bytes = variant === 'original' ? original.bytes : read(variant)
      size += bytes.byteLength
      if (size > MAX_ARCHIVE_BYTES)
        throw new ServiceError(
          'invalid_input',
          `This patient’s photos come to more than ${megabytes(MAX_ARCHIVE_BYTES)}, the most one archive holds.`,
        )
      files.push([entries[variant], bytes])
    }
    photoRead(1)
  })
  writeArchive({ ...head, records: { ...records, photos }, files }, write, partOf(onProgress, READ_SHARE, 1))
}
