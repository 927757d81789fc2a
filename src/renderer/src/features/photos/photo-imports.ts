import type { PatientId } from '../../../../shared/patients/patient'
import type { Photo } from '../../../../shared/photos/photo'
import { PHOTO_LIMITS } from '../../../../shared/photos/photo-fields'
import { type BridgeClient, errorMessage } from '../../bridge/bridge-client'
import { desktopPathOf } from '../../bridge/desktop-files'

export type ImportStatus = 'waiting' | 'importing' | 'imported' | 'duplicate' | 'failed'

export interface ImportJob {
  key: number
  patientId: PatientId
  name: string
  size: number
  status: ImportStatus
  message: string
}

const DONE: readonly ImportStatus[] = ['imported', 'duplicate', 'failed']
export const isFinished = (job: ImportJob) => DONE.includes(job.status)

/** What the import queue reads and writes of the photos store. */
interface ImportsHost {
  bridge: BridgeClient
  get(): { patientId: PatientId | null; imports: ImportJob[] }
  set(patch: { imports: ImportJob[] } | { notice: string }): void
  /** Puts an imported photo in the library. */
  replacePhoto(photo: Photo): void
}

/**
 * Photo imports, one file at a time: dropped or chosen files queue up as jobs, each with its
 * own outcome, and the library hears of each photo as it is stored.
 */
export function createImportQueue({ bridge, get, set, replacePhoto }: ImportsHost) {
  let nextKey = 1
  let draining = false
  const patchJob = (key: number, patch: Partial<ImportJob>) =>
    set({ imports: get().imports.map((j) => (j.key === key ? { ...j, ...patch } : j)) })

  // The files of queued jobs; kept out of state because a File is not data to render.
  const pending = new Map<number, File>()

  const drain = async () => {
    if (draining) return
    draining = true
    try {
      for (;;) {
        const job = get().imports.find((j) => j.status === 'waiting')
        if (!job) break
        const file = pending.get(job.key)
        pending.delete(job.key)
        if (!file) continue
        patchJob(job.key, { status: 'importing' })
        try {
          if (file.size > PHOTO_LIMITS.maxBytes)
            throw new Error(`${file.name}: The file is larger than ${PHOTO_LIMITS.maxBytes / 1024 / 1024} MB`)
          const path = desktopPathOf(file)
          const outcome = path
            ? await bridge.call('photos.importFile', { patientId: job.patientId, path })
            : await bridge.call('photos.import', {
                patientId: job.patientId,
                name: file.name || 'pasted image',
                lastModified: file.lastModified || null,
                bytes: new Uint8Array(await file.arrayBuffer()),
              })
          patchJob(job.key, {
            status: outcome.status,
            message: outcome.status === 'duplicate' ? 'Already in this library' : 'Imported',
          })
          replacePhoto(outcome.photo)
        } catch (error) {
          patchJob(job.key, { status: 'failed', message: errorMessage(error).replace(`${file.name}: `, '') })
        }
      }
    } finally {
      draining = false
    }
    const jobs = get().imports
    const imported = jobs.filter((j) => j.status === 'imported').length
    const failed = jobs.filter((j) => j.status === 'failed').length
    set({
      notice: `Import finished: ${imported} imported${failed ? `, ${failed} could not be imported` : ''}`,
    })
  }

  async function importFiles(files: readonly File[]) {
    const { patientId } = get()
    if (!patientId || files.length === 0) return
    const finishedBefore = get().imports.every(isFinished)
    const jobs = files.map((file): ImportJob => {
      const key = nextKey++
      pending.set(key, file)
      return { key, patientId, name: file.name || 'pasted image', size: file.size, status: 'waiting', message: '' }
    })
    // A new batch after a finished one starts a fresh list; while importing, files queue up.
    set({ imports: [...(finishedBefore ? [] : get().imports), ...jobs] })
    await drain()
  }

  return {
    importFiles,
    dismissImports: () => set({ imports: get().imports.filter((j) => !isFinished(j)) }),
  }
}
