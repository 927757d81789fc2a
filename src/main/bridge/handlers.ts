import type { AppInfo } from '../../shared/bridge/contract'
import type { ProgressTask } from '../../shared/bridge/desktop-events'
import type { ChosenFileKind } from '../../shared/files/chosen-file'
import type { HeldFile } from '../../shared/files/held-file'
import type { SavedFileKind } from '../../shared/files/safe-file-name'
import { fileNameSchema } from '../../shared/photos/photo-schema'
import type { Platform } from '../platform'
import { releaseHeld } from '../services/isolation/held-files'
import { createPhotoFiles } from '../services/photos/photo-files'
import { viewHintOfFile } from '../services/photos/view-hint'
import { createReviewFileService } from '../services/review-file/review-file-service'
import { ServiceError } from '../services/service-error'
import type { CallContext, Handlers } from './dispatch'
import type { Services } from './services'

const DOWNLOADS_INSTEAD = 'Only the desktop app saves through a dialog; the browser downloads the file.'

/**
 * `rendererDir` is the built renderer the offline review file packs; null where there is none
 * (the development server), and the export then answers `unavailable`.
 */
export function createHandlers(
  services: Services,
  info: AppInfo,
  platform: Platform = {},
  rendererDir: string | null = null,
): Handlers {
  const { patients, photos, designs, settings, pigments, plans, clinic } = services
  const reviewFiles = createReviewFileService(services, { rendererDir, appVersion: info.version })
  const desktopOnly = <K extends keyof Platform>(capability: K, instead: string): NonNullable<Platform[K]> => {
    const provided = platform[capability]
    if (!provided) throw new ServiceError('unavailable', instead)
    return provided.bind(platform) as NonNullable<Platform[K]>
  }
  const save = (kind: SavedFileKind) => async (file: { suggestedName: string; bytes: Uint8Array }) => ({
    savedAs: await desktopOnly('saveFile', DOWNLOADS_INSTEAD)({ ...file, kind }),
  })
  const read = (path: string, kind: ChosenFileKind) =>
    desktopOnly('readChosenFile', 'Only the desktop app reads files by their location; the browser sends them.')(
      path,
      kind,
    )
  /** An archive chosen by its path, checked from main's own copy, removed once `work` is done (a held archive keeps its own). */
  const withChosenArchive = async <T>(path: string, work: (archive: HeldFile) => Promise<T>): Promise<T> => {
    const archive = await desktopOnly(
      'holdChosenArchive',
      'Only the desktop app reads files by their location; the browser sends them.',
    )(path)
    try {
      return await work(archive)
    } finally {
      await releaseHeld(archive)
    }
  }
  /** Long work tells the page that asked how far it has got, through the call's own transport. */
  const progressOf = (call: CallContext, task: ProgressTask) => (percent: number) =>
    call.showProgress({ task, percent })
  return {
    'app.info': () => info,
    'patients.list': (input) => patients.list(input),
    'patients.get': ({ id }) => patients.get(id),
    'patients.create': ({ fields }) => patients.create(fields),
    'patients.update': ({ id, revision, fields }) => patients.update(id, revision, fields),
    'patients.archive': ({ id }) => patients.archive(id),
    'patients.restore': ({ id }) => patients.restore(id),
    'photos.list': ({ patientId }) => photos.list(patientId),
    'photos.get': ({ id }) => photos.get(id),
    'photos.viewHint': ({ id }) => {
      const photo = photos.get(id)
      if (photo.chart) return null
      return viewHintOfFile(createPhotoFiles(info.dataDir).pathOf(photo.sha256, 'original', photo.format))
    },
    'photos.import': (input) => photos.import(input),
    'photos.importFile': async ({ patientId, path }) => {
      const chosen = await read(path, 'photo')
      // The name is the file system's, not the contract's: hold it to the same rule as a sent one.
      const named = fileNameSchema.safeParse(chosen.name)
      if (!named.success)
        throw new ServiceError('invalid_input', named.error.issues[0]?.message ?? 'Bad file name', {
          path: 'The file’s name cannot be kept',
        })
      return photos.import({ patientId, ...chosen, name: named.data })
    },
    'photos.update': ({ id, revision, fields }) => photos.update(id, revision, fields),
    'photos.calibrate': ({ id, revision, calibration }) => photos.calibrate(id, revision, calibration),
    'photos.delete': ({ id }) => photos.remove(id),
    'measurements.add': ({ photoId, measurement }) => photos.addMeasurement(photoId, measurement),
    'measurements.rename': ({ id, label }) => photos.renameMeasurement(id, label),
    'measurements.delete': ({ id }) => photos.removeMeasurement(id),
    'designs.list': ({ patientId }) => designs.list(patientId),
    'designs.forPhoto': ({ photoId }) => designs.forPhoto(photoId),
    'designs.save': ({ photoId, baseRevision, document }) => designs.save(photoId, baseRevision, document),
    'charts.add': ({ patientId, view }) => services.charts.add(patientId, view),
    'designs.takeOver': ({ fromPhotoId, toPhotoId }) => services.charts.takeOver(fromPhotoId, toPhotoId),
    'sample.status': () => services.sample.status(),
    'sample.open': () => services.sample.open(),
    'sample.remove': () => services.sample.remove(),
    'designs.forPatient': ({ patientId }) => designs.forPatient(patientId),
    'comments.list': ({ designId }) => services.comments.list(designId),
    'comments.add': ({ comment }) => services.comments.add(comment),
    'comments.resolve': ({ id, revision, by }) => services.comments.resolve(id, revision, by),
    'comments.reopen': ({ id, revision, by }) => services.comments.reopen(id, revision, by),
    'comments.delete': ({ id, by }) => services.comments.remove(id, by),
    'settings.get': () => settings.get(),
    'settings.save': ({ baseRevision, settings: values }) => settings.save(baseRevision, values),
    'settings.reset': () => settings.reset(),
    'pigments.list': ({ includeRetired }) => pigments.list(includeRetired),
    'pigments.save': ({ pigment, baseRevision }) => pigments.save(pigment, baseRevision),
    'pigments.retire': ({ id, retired }) => pigments.retire(id, retired),
    'pigments.delete': ({ id }) => pigments.remove(id),
    'plans.get': ({ patientId }) => plans.get(patientId),
    'plans.save': ({ patientId, baseRevision, draft }) => plans.save(patientId, baseRevision, draft),
    'audit.forPatient': (query) => services.audit.forPatient(query),
    'audit.verify': () => services.audit.verify(),
    'clinic.get': () => clinic.get(),
    'clinic.save': ({ baseRevision, details }) => clinic.save(baseRevision, details),
    'sheets.savePdf': async ({ suggestedName, ...page }) => {
      const print = desktopOnly('printToPdf', 'Only the desktop app prints to PDF itself; use the browser’s Print.')
      return save('pdf')({ suggestedName, bytes: await print(page) })
    },
    'files.save': async (file) => ({ savedAs: await desktopOnly('saveFile', DOWNLOADS_INSTEAD)(file) }),
    'review.exportFile': ({ patientId }) => reviewFiles.exportFile(patientId),
    'review.saveFile': async ({ patientId }) => {
      desktopOnly('saveFile', DOWNLOADS_INSTEAD)
      return save('html')(await reviewFiles.exportFile(patientId))
    },
    'archives.export': ({ patientId }, call) =>
      services.archives.export(patientId, info.version, progressOf(call, 'exporting')),
    'archives.saveFile': async ({ patientId }, call) => {
      desktopOnly('saveFile', DOWNLOADS_INSTEAD)
      return save('archive')(await services.archives.export(patientId, info.version, progressOf(call, 'exporting')))
    },
    'archives.inspect': ({ bytes }, call) => services.archives.held.inspect(bytes, progressOf(call, 'checking')),
    'archives.import': ({ heldId, onExisting }, call) =>
      services.archives.held.import(heldId, onExisting, progressOf(call, 'checking')),
    'archives.release': async ({ heldId }) => {
      await services.archives.held.release(heldId)
      return { heldId }
    },
    'archives.inspectFile': ({ path }, call) =>
      withChosenArchive(path, (archive) => services.archives.held.inspect(archive, progressOf(call, 'checking'))),
    'backups.list': () => services.backups.list(),
    'backups.create': () => services.backups.create(),
    'backups.preview': ({ id }) => services.backups.preview(id),
    'backups.restore': ({ id }) => services.backups.restore(id),
    'backups.delete': ({ id }) => services.backups.remove(id),
    'backups.policy.get': () => services.backups.policy(),
    'backups.policy.save': ({ policy }) => services.backups.savePolicy(policy),
    'database.check': () => services.backups.check(),
    'database.startEmpty': () => services.backups.startEmpty(),
  }
}
