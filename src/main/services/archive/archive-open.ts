import type { ArchiveManifest } from '../../../shared/archive/archive-format'
import type { ArchiveRecords } from '../../../shared/archive/archive-records'
import type { PlacedFileSet } from './archive-answer'
import { checkPhotoFiles } from './archive-check-photos'
import { checkRecords } from './archive-check-records'
import { percentReporter, type ReportPercent } from './archive-progress'
import { openContainer } from './archive-zip'
import type { ZipSource } from './zip-entries'

export interface OpenedArchive {
  manifest: ArchiveManifest
  records: ArchiveRecords
  /** Each original's files to store, a stored entry by its place; with `remake`, its drawn copies made here from it. */
  fileSets: PlacedFileSet[]
}

/** Of the whole check, how much is the container (inflating and hashing every entry); the photos are the rest. */
const CONTAINER_SHARE = 0.6

/** Runs `steps` to the end, one step per turn of the event loop, telling `onStep` what each step yields. */
async function inTurns(steps: Iterator<number, void>, onStep: (units: number) => void) {
  for (let step = steps.next(); !step.done; step = steps.next()) {
    onStep(step.value)
    await new Promise(setImmediate)
  }
}

/** What an archive holds, once it is proven: what it says of itself and its records. */
export type ProvenArchive = Pick<OpenedArchive, 'manifest' | 'records'>

/**
 * The whole archive proven sound (container, checksums, every record, every photo file), or a
 * refusal naming what is wrong with it, telling `report` how far it has got (100 once sound).
 * Pure work on the archive, read a range at a time: it runs in a decode process.
 *
 * The photo entries are hashed while the records and photos are checked and the photos' copies
 * remade (libvips works on its own threads while this one hashes). The answer is the one
 * checking them in turn gives: a checksum that fails refuses the archive, before any other
 * refusal, and stops the photo checks before their next original; the photos' answer counts
 * only once every entry is proven. `onProven` hears what the archive holds as soon as every
 * entry is proven and every original checked against its record, while copies are still being
 * made: what a person is shown before choosing to import it. Nothing after that can refuse the
 * archive but a photo whose picture cannot be decoded.
 */
export async function openArchive(
  archive: ZipSource,
  latestSchema: number,
  report: ReportPercent = () => {},
  onProven: (proven: ProvenArchive) => void = () => {},
): Promise<OpenedArchive> {
  const whole = percentReporter(report)
  whole(0)
  const { prove, ...unpacked } = openContainer(archive, latestSchema)
  const entryBytes = unpacked.manifest.entries.reduce((sum, entry) => sum + entry.size, 0)
  let proven = entryBytes > 0 ? 0 : 1
  let photosDone = 0
  const progress = () => whole(CONTAINER_SHARE * proven + (1 - CONTAINER_SHARE) * photosDone)
  const stop = new AbortController()
  const proving = inTurns(prove(), (bytes) => {
    proven = entryBytes > 0 ? proven + bytes / entryBytes : 1
    progress()
  })
  let markExamined: (records: ArchiveRecords) => void = () => {}
  const examined = new Promise<ArchiveRecords>((resolve) => {
    markExamined = resolve
  })
  const checking = (async () => {
    const records = checkRecords(unpacked.records, unpacked.manifest)
    const shaOfEntry = new Map(unpacked.manifest.entries.map((e) => [e.path, e.sha256]))
    const fileSets = await checkPhotoFiles(records, unpacked.files, shaOfEntry, {
      onChecked: (fraction) => {
        photosDone = fraction
        progress()
      },
      onExamined: () => markExamined(records),
      stop: stop.signal,
    })
    return { records, fileSets }
  })()
  // Its refusal is answered after the proof's (below); handled now so it is never "unhandled" meanwhile.
  checking.catch(() => {})
  try {
    await proving
  } catch (refusal) {
    stop.abort(refusal)
    await checking.catch(() => {})
    throw refusal
  }
  // A photo refused before every original was checked is the answer, below.
  const shown = await Promise.race([
    examined,
    checking.then(
      () => null,
      () => null,
    ),
  ])
  if (shown) onProven({ manifest: unpacked.manifest, records: shown })
  const { records, fileSets } = await checking
  whole(1)
  return { manifest: unpacked.manifest, records, fileSets }
}
