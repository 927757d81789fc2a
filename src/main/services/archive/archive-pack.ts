import { HeavyWorkStopped } from '../../workers/worker-pool'
import { DECODE_MEMORY_BUDGET_MB, decoding } from '../isolation/decoding'
import type { ByFile } from '../isolation/spilled-bytes'
import { ServiceError } from '../service-error'
import type { PatientPack } from './archive-pack-patient'
import type { ReportFraction } from './archive-progress'

/** Stripping, hashing and zipping run at about 10 ms a MB on a slow machine; one taking ten times that is stuck. */
const packTimeoutMs = (byteLength: number) => 15_000 + (byteLength / (1024 * 1024)) * 100

const MB = 1024 * 1024

/**
 * The archive's bytes made in the decode process (`packArchive` there, `packPatient`): reading,
 * stripping, hashing and zipping a large patient's photos takes seconds, which main's event loop
 * never waits through. The photo files reach it by name (linked into its job's folder), never
 * read into main. `onProgress` hears how far it has got, as `packPatient` tells it.
 */
export async function packOffMain(input: PatientPack, onProgress: ReportFraction): Promise<Uint8Array<ArrayBuffer>> {
  const sizeOf = (file: ByFile) => ('byFile' in file ? file.byFile.byteLength : 0)
  const size = input.photoFiles.reduce((sum, files) => sum + Object.values(files).reduce((n, f) => n + sizeOf(f), 0), 0)
  const largestOriginal = Math.max(0, ...input.photoFiles.map((files) => sizeOf(files.original)))
  try {
    const packed = await decoding.run('packArchive', input, {
      timeoutMs: packTimeoutMs(size),
      // The process holds the patient's own photos once while it zips them, and the largest
      // original again while stripping it: an archive up to the 1 GiB the app exports is not
      // refused for being as large as its photos.
      memoryBudgetMb: DECODE_MEMORY_BUDGET_MB + Math.ceil((size * 1.5 + largestOriginal) / MB),
      onProgress: (percent) => onProgress(percent / 100),
    })
    // A plain view of the same memory, not a Node Buffer: JSON.stringify calls a Buffer's toJSON,
    // which would spell a large archive out as an array of numbers when the bridge frames it.
    return new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength)
  } catch (error) {
    if (!(error instanceof HeavyWorkStopped)) throw error
    throw new ServiceError(
      'conflict',
      error.reason === 'memory'
        ? 'Stipple stopped making this archive: this patient’s photos need more memory than Stipple allows for one archive. Nothing was saved.'
        : 'Stipple could not make this archive in time, so nothing was saved. Try again.',
    )
  }
}
