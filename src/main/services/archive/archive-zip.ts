import { createHash } from 'node:crypto'
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate'
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  type ArchiveManifest,
  MANIFEST_ENTRY,
  MAX_MANIFEST_ENTRIES,
  MAX_RECORDS_BYTES,
  manifestSchema,
  RECORDS_ENTRY,
} from '../../../shared/archive/archive-format'
import { type ArchiveCounts, MAX_ARCHIVE_BYTES } from '../../../shared/archive/archive-summary'
import { PHOTO_LIMITS } from '../../../shared/photos/photo-fields'
import { type ReportFraction, unitCounter } from './archive-progress'
import { archiveRejected } from './archive-rejected'
import {
  digestZipEntryInSlices,
  listZipEntries,
  readZipEntry,
  STORED,
  type ZipEntry,
  ZipEntryUnreadable,
  type ZipSource,
  ZipUnreadable,
} from './zip-entries'

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04]

const megabytes = (bytes: number) => `${Math.ceil(bytes / 1024 / 1024).toLocaleString('en')} MB`

export interface PackInput {
  appVersion: string
  schemaVersion: number
  createdAt: string
  patient: ArchiveManifest['patient']
  counts: ArchiveCounts
  records: unknown
  /** Photo files, each with its entry path (pairs rather than a map, so they can cross to a decode process). */
  files: [string, Uint8Array][]
}

/**
 * Writes the archive, chunk by chunk, to `write`: the manifest first, so a person opening it
 * sees it at the top. `onHashed` hears how much of the entries' bytes are hashed: the work that
 * grows with the photos (the zip itself stores them as they are). No copy of the whole archive
 * is held, so packing a large patient costs the photos' memory once.
 */
export function writeArchive(
  input: PackInput,
  write: (chunk: Uint8Array) => void,
  onHashed: ReportFraction = () => {},
): void {
  const records = new TextEncoder().encode(JSON.stringify(input.records, null, 1))
  const entries: [string, Uint8Array][] = [[RECORDS_ENTRY, records], ...input.files]
  const hashed = unitCounter(
    entries.reduce((sum, [, bytes]) => sum + bytes.byteLength, 0),
    onHashed,
  )
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    appVersion: input.appVersion,
    schemaVersion: input.schemaVersion,
    createdAt: input.createdAt,
    patient: input.patient,
    counts: input.counts,
    entries: entries.map(([path, bytes]) => {
      const sha256 = sha256Of(bytes)
      hashed(bytes.byteLength)
      return { path, size: bytes.byteLength, sha256 }
    }),
  }
  const mtime = new Date(input.createdAt)
  const zip = new Zip((error, chunk) => {
    if (error) throw error
    write(chunk)
  })
  const add = (path: string, bytes: Uint8Array, compress: boolean) => {
    // Photos are compressed already: storing them keeps export fast and each entry readable as it is.
    const entry = compress ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path)
    entry.mtime = mtime
    zip.add(entry)
    entry.push(bytes, true)
  }
  add(MANIFEST_ENTRY, new TextEncoder().encode(JSON.stringify(manifest, null, 2)), true)
  for (const [path, bytes] of entries) add(path, bytes, path === RECORDS_ENTRY)
  zip.end()
}

export interface Unpacked {
  manifest: ArchiveManifest
  /** records.json, parsed but not yet checked. */
  records: unknown
  /**
   * Every entry but the two JSON files, each checked against its size and SHA-256, read only
   * when asked: one entry is held at a time, never the whole archive.
   */
  files: Map<string, ArchiveFile>
}

/** An entry proven against the manifest, not yet read. */
export interface ArchiveFile {
  /** Its bytes; a stored entry of an archive in a file is read into `into` when that is large enough. */
  read(into?: Uint8Array): Uint8Array
  /** Where its bytes lie in the archive as they are (a stored entry: every photo Stipple writes); null when inflated. */
  inArchive: [offset: number, length: number] | null
}

const startsWithZip = (source: ZipSource) => {
  const head = source.read(0, ZIP_SIGNATURE.length)
  return ZIP_SIGNATURE.every((b, i) => head[i] === b)
}

const largestEntry = (name: string) =>
  name === MANIFEST_ENTRY ? MAX_MANIFEST_BYTES : name === RECORDS_ENTRY ? MAX_RECORDS_BYTES : PHOTO_LIMITS.maxBytes

const CUT_SHORT =
  'The archive is incomplete or damaged: its table of contents cannot be read, as if the file was cut short while copying. Copy it again from the original.'

/**
 * The archive's table of contents, measured before anything is inflated: no name twice, no more
 * entries than an archive can hold, no entry declaring more than such a file can be, and all of
 * them together no more than the archive itself plus what records.json may inflate to.
 */
function tableOfContents(source: ZipSource): Map<string, ZipEntry> {
  let listed: ZipEntry[]
  try {
    listed = listZipEntries(source, MAX_MANIFEST_ENTRIES + 1)
  } catch (error) {
    if (error instanceof ZipEntryUnreadable) archiveRejected(`The archive is damaged: ${error.message}.`)
    if (error instanceof ZipUnreadable && /entries$/.test(error.message))
      archiveRejected(`The archive is damaged or not one Stipple wrote: ${error.message}.`)
    archiveRejected(CUT_SHORT)
  }
  const entries = new Map<string, ZipEntry>()
  let total = 0
  for (const entry of listed) {
    if (entries.has(entry.name)) archiveRejected(`The archive is damaged: it holds ${entry.name} twice.`)
    entries.set(entry.name, entry)
    if (entry.size > largestEntry(entry.name))
      archiveRejected(
        `The archive is damaged: ${entry.name} claims ${megabytes(entry.size)}, more than such a file can be.`,
      )
    total += entry.size
  }
  if (total > source.byteLength + MAX_RECORDS_BYTES)
    archiveRejected(
      `The archive is damaged or not one Stipple wrote: its entries claim ${megabytes(total)} in all, far more than the file holds.`,
    )
  return entries
}

/** `read` of an entry (its bytes or its digest), naming an entry that will not read. */
function readEntry<T>(entry: ZipEntry, read: (entry: ZipEntry) => T): T {
  try {
    return read(entry)
  } catch (error) {
    if (!(error instanceof ZipEntryUnreadable)) throw error
    archiveRejected(`The archive is damaged: ${entry.name} cannot be read (${error.message}).`)
  }
}

function parseJson(bytes: Uint8Array | undefined, what: string): unknown {
  if (!bytes) return undefined
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    archiveRejected(`The archive is damaged: its ${what} is not readable JSON.`)
  }
}

/** The manifest, once its format and schema version say this Stipple can read the rest. */
function readManifest(raw: unknown, latestSchema: number): ArchiveManifest {
  if (raw === undefined)
    archiveRejected('This file is not a Stipple patient archive: it is a zip file, but it holds no manifest.json.')
  const head = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  if (head.format !== ARCHIVE_FORMAT)
    archiveRejected('This file is not a Stipple patient archive: its manifest does not name the archive format.')
  if (typeof head.formatVersion === 'number' && head.formatVersion > ARCHIVE_FORMAT_VERSION)
    archiveRejected(
      `This archive was made by a newer version of Stipple (archive format ${head.formatVersion}; this version reads up to ${ARCHIVE_FORMAT_VERSION}). Update Stipple to import it.`,
    )
  if (typeof head.schemaVersion === 'number' && head.schemaVersion > latestSchema)
    archiveRejected(
      `This archive was made by a newer version of Stipple (schema ${head.schemaVersion}; this version reads up to ${latestSchema}). Update Stipple to import it.`,
    )
  if (Array.isArray(head.entries) && head.entries.length > MAX_MANIFEST_ENTRIES)
    archiveRejected(
      `The archive's manifest is damaged or not one Stipple wrote: it lists ${head.entries.length.toLocaleString('en')} entries.`,
    )
  const parsed = manifestSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    archiveRejected(
      `The archive's manifest is damaged or not one Stipple wrote: ${issue ? `${issue.path.join('.') || 'the manifest'}: ${issue.message}` : 'it is not valid'}.`,
    )
  }
  return parsed.data
}

const VARIANT_WORDS: Record<string, string> = {
  originals: 'the original',
  working: 'the working copy',
  thumbnails: 'the thumbnail',
}

/**
 * Names an entry as a person knows it ("the original of photo “front.jpg”") from records.json,
 * read as it is, not yet checked; an entry it cannot name keeps its path.
 */
function entryNames(records: unknown): (path: string) => string {
  const photos = (records as { photos?: unknown } | null)?.photos
  const names = new Map<string, string>()
  if (Array.isArray(photos))
    for (const photo of photos as { sha256?: unknown; original_name?: unknown }[])
      if (typeof photo?.sha256 === 'string' && typeof photo.original_name === 'string')
        names.set(photo.sha256, photo.original_name)
  return (path) => {
    const [, folder = '', sha = ''] = /^photos\/([a-z]+)\/([0-9a-f]{64})\.[a-z]+$/.exec(path) ?? []
    const name = names.get(sha)
    const variant = VARIANT_WORDS[folder]
    return name && variant ? `${variant} of photo “${name}”` : path
  }
}

type Digest = { size: number; sha256: string }

const digestOf = (content: Uint8Array): Digest => ({ size: content.byteLength, sha256: sha256Of(content) })

function checkEntry(entry: ArchiveManifest['entries'][number], digest: Digest | undefined, name: string) {
  if (!digest) archiveRejected(`The archive is incomplete: ${name} is listed in its manifest but missing from it.`)
  if (digest.size !== entry.size || digest.sha256 !== entry.sha256)
    archiveRejected(
      `The archive is damaged: ${name} does not match its checksum (the file changed after Stipple wrote it).`,
    )
}

/**
 * Opens an archive and proves its container whole: a zip holding a manifest this version can
 * read, and every entry the manifest lists, each of its size and SHA-256, and nothing else.
 * Throws a refusal naming what is wrong; checks no record yet. Each photo entry is hashed from
 * the source a slice at a time, and read whole only later, one at a time, by `files`, so the
 * archive is never held whole. `onChecked` hears how much of the listed
 * entries' bytes are proven.
 */
export function unpackArchive(source: ZipSource, latestSchema: number, onChecked: ReportFraction = () => {}): Unpacked {
  const { prove, ...unpacked } = openContainer(source, latestSchema)
  const checked = unitCounter(
    unpacked.manifest.entries.reduce((sum, entry) => sum + entry.size, 0),
    onChecked,
  )
  for (const bytes of prove()) checked(bytes)
  return unpacked
}

/** An archive whose container is open but whose entries are not yet all proven. */
export interface OpenContainer extends Unpacked {
  /**
   * Proves every listed entry but records.json (proven on opening) against its size and SHA-256,
   * in the manifest's order, throwing the refusal `unpackArchive` gives at the first that fails.
   * It yields the bytes proven at each step (a slice of a photo entry, records.json's size in its
   * turn), so other work can run between steps; until it has finished, `files` are unproven.
   */
  prove(): Generator<number, void>
}

/**
 * `unpackArchive` up to hashing the photo entries: the zip, its manifest and records.json are
 * proven; the photo entries are listed in `files` (only those the zip holds) and proven by `prove`.
 */
export function openContainer(source: ZipSource, latestSchema: number): OpenContainer {
  if (source.byteLength > MAX_ARCHIVE_BYTES)
    archiveRejected(
      `The archive is ${megabytes(source.byteLength)}; Stipple reads archives up to ${megabytes(MAX_ARCHIVE_BYTES)}.`,
    )
  if (!startsWithZip(source))
    archiveRejected(
      'This file is not a Stipple patient archive. Choose a .stipple file that Stipple exported with “Export patient…”.',
    )
  const table = tableOfContents(source)
  const read = (path: string, into?: Uint8Array) => {
    const entry = table.get(path)
    return entry && readEntry(entry, (each) => readZipEntry(source, each, into))
  }
  const manifest = readManifest(parseJson(read(MANIFEST_ENTRY), 'manifest'), latestSchema)

  const listed = new Map(manifest.entries.map((entry) => [entry.path, entry]))
  if (listed.size !== manifest.entries.length)
    archiveRejected('The archive’s manifest is damaged: it lists an entry twice.')
  if (!listed.has(RECORDS_ENTRY)) archiveRejected('The archive’s manifest is damaged: it does not list records.json.')
  const extra = [...table.keys()].find((name) => name !== MANIFEST_ENTRY && !name.endsWith('/') && !listed.has(name))
  if (extra)
    archiveRejected(
      `The archive holds ${extra}, which its manifest does not list; it was changed after Stipple wrote it.`,
    )
  // records.json first: once it is sound, a damaged photo entry can be named by its photo.
  const recordsEntry = listed.get(RECORDS_ENTRY) as ArchiveManifest['entries'][number]
  const recordsBytes = read(RECORDS_ENTRY)
  checkEntry(recordsEntry, recordsBytes && digestOf(recordsBytes), RECORDS_ENTRY)
  const records = parseJson(recordsBytes, 'records.json')
  const nameOf = entryNames(records)
  const files = new Map<string, ArchiveFile>()
  for (const entry of manifest.entries) {
    const inZip = table.get(entry.path)
    if (entry.path !== RECORDS_ENTRY && inZip)
      files.set(entry.path, {
        read: (into) => read(entry.path, into) as Uint8Array,
        inArchive: inZip.method === STORED ? [inZip.dataStart, inZip.size] : null,
      })
  }
  function* prove(): Generator<number, void> {
    for (const entry of manifest.entries) {
      const inZip = table.get(entry.path)
      if (entry.path !== RECORDS_ENTRY)
        checkEntry(entry, inZip && (yield* digestInSlices(source, inZip)), nameOf(entry.path))
      yield entry.path === RECORDS_ENTRY || !inZip || inZip.method !== STORED ? entry.size : 0
    }
  }
  return { manifest, records, files, prove }
}

/** An entry's digest a slice at a time (see `digestZipEntryInSlices`), naming an entry that will not read. */
function* digestInSlices(source: ZipSource, entry: ZipEntry): Generator<number, Digest> {
  try {
    return yield* digestZipEntryInSlices(source, entry)
  } catch (error) {
    if (!(error instanceof ZipEntryUnreadable)) throw error
    archiveRejected(`The archive is damaged: ${entry.name} cannot be read (${error.message}).`)
  }
}
