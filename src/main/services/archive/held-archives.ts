import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import type {
  ArchiveImportResult,
  ArchiveSummary,
  HeldArchiveSummary,
  OnExisting,
} from '../../../shared/archive/archive-summary'
import { HeldFile } from '../../../shared/files/held-file'
import { createHeldFolder, type HeldFolder, releaseHeld, secondName } from '../isolation/held-files'
import { ServiceError } from '../service-error'
import type { ArchiveBytes, ArchiveImporter, PreparedArchive } from './archive-import'
import type { ReportPercent } from './archive-progress'

/**
 * Archives shown to the person before they import them, each kept in a file of main's own and
 * named by an id: the import that follows takes the very archive that was shown (not the file as
 * it may be by then, nor a second upload of it), and the check that showed it goes on making its
 * photos' copies while the person reads what it holds.
 */
export interface HeldArchives {
  /**
   * Checks an archive as its import will (`ArchiveImporter.prepare`) and says what it holds once
   * it is proven; a sound one is held for its import under the id it answers, its photos' copies
   * still being made. A refused one leaves nothing behind.
   */
  inspect(bytes: ArchiveBytes, report?: ReportPercent): Promise<HeldArchiveSummary>
  /** Imports a held archive (waiting for the check its showing started); once done, it is let go. */
  import(heldId: string, onExisting: OnExisting, report?: ReportPercent): Promise<ArchiveImportResult>
  /** Lets a held archive go unimported (its dialog closed): its file goes, and its copies once made. */
  release(heldId: string): Promise<void>
  /** Lets every held archive go. */
  close(): Promise<void>
}

/** A shown archive not imported within this long is let go: its import then asks for the file again. */
export const HELD_FOR_MS = 30 * 60 * 1000
/** At most this many archives are held at once (one per open dialog); a further one lets the oldest go. */
export const MOST_HELD = 4

interface Held {
  file: HeldFile
  /** The check for its import, which showed it; null once taken by an import. */
  prepared: PreparedArchive | null
  importing: boolean
  expiry: ReturnType<typeof setTimeout> | null
}

const NO_LONGER_HELD =
  'This archive is no longer ready to import: it was let go after 30 minutes, or the app started again. Choose the file again.'

/**
 * Keeps the archive's bytes in a file of the folder's own: a file main holds already (an upload,
 * a copy of a chosen file) is linked in, so it costs no copy, and stays when its caller removes its own name.
 */
async function keep(bytes: ArchiveBytes, folder: HeldFolder): Promise<HeldFile> {
  const target = await folder.newPath()
  if (bytes instanceof HeldFile) await secondName(bytes, target)
  else
    try {
      await fs.promises.writeFile(target, bytes, { flag: 'wx', mode: 0o600 })
    } catch (error) {
      // A disk that filled half way leaves no part of it behind.
      await fs.promises.rm(target, { force: true })
      throw error
    }
  return new HeldFile(target, bytes.byteLength)
}

export function createHeldArchives(
  importer: Pick<ArchiveImporter, 'prepare' | 'importPrepared'>,
  options: { folder?: HeldFolder; heldForMs?: number; most?: number } = {},
): HeldArchives {
  const folder = options.folder ?? createHeldFolder()
  const heldForMs = options.heldForMs ?? HELD_FOR_MS
  const most = options.most ?? MOST_HELD
  /** In the order they were held, oldest first. */
  const held = new Map<string, Held>()

  const letGo = async (id: string) => {
    const entry = held.get(id)
    if (!entry) return
    held.delete(id)
    if (entry.expiry) clearTimeout(entry.expiry)
    entry.prepared?.drop()
    await releaseHeld(entry.file)
  }

  const expireLater = (id: string, entry: Held) => {
    entry.expiry = setTimeout(() => void letGo(id), heldForMs)
    entry.expiry.unref?.()
  }

  return {
    async inspect(bytes, report) {
      const file = await keep(bytes, folder)
      const prepared = importer.prepare(file, report)
      let summary: ArchiveSummary
      try {
        summary = await prepared.shown
      } catch (refusal) {
        prepared.drop()
        await releaseHeld(file)
        throw refusal
      }
      // The check that shows it is done; the import's bar hears the rest (its copies being made).
      prepared.listen(() => {})
      report?.(100)
      const heldId = randomBytes(16).toString('hex')
      const entry: Held = { file, prepared, importing: false, expiry: null }
      expireLater(heldId, entry)
      held.set(heldId, entry)
      const idle = [...held].filter(([, each]) => !each.importing)
      for (const [id] of idle.slice(0, Math.max(0, held.size - most))) await letGo(id)
      return { ...summary, heldId }
    },

    async import(heldId, onExisting, report) {
      const entry = held.get(heldId)
      if (!entry) throw new ServiceError('not_found', NO_LONGER_HELD)
      if (entry.importing) throw new ServiceError('conflict', 'This archive is being imported already.')
      entry.importing = true
      if (entry.expiry) clearTimeout(entry.expiry)
      // A failed import took the check its showing started; trying again checks the archive anew.
      const prepared = entry.prepared ?? importer.prepare(entry.file)
      entry.prepared = null
      if (report) prepared.listen(report)
      try {
        const result = await importer.importPrepared(prepared, onExisting)
        await letGo(heldId)
        return result
      } catch (error) {
        entry.importing = false
        if (held.has(heldId)) expireLater(heldId, entry)
        throw error
      }
    },

    release: letGo,

    async close() {
      for (const id of [...held.keys()]) await letGo(id)
      await folder.close()
    },
  }
}
