import type { AppInfo } from '../../shared/bridge/contract'
import type { Platform } from '../platform'
import { ServiceError } from '../services/service-error'
import type { Handlers } from './dispatch'
import type { Services } from './services'

export function createHandlers(services: Services, info: AppInfo, platform: Platform = {}): Handlers {
  const { patients, photos, designs, settings, pigments, plans } = services
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
    'photos.import': (input) => photos.import(input),
    'photos.update': ({ id, revision, fields }) => photos.update(id, revision, fields),
    'photos.calibrate': ({ id, revision, calibration }) => photos.calibrate(id, revision, calibration),
    'photos.delete': ({ id }) => photos.remove(id),
    'measurements.add': ({ photoId, measurement }) => photos.addMeasurement(photoId, measurement),
    'measurements.rename': ({ id, label }) => photos.renameMeasurement(id, label),
    'measurements.delete': ({ id }) => photos.removeMeasurement(id),
    'designs.list': ({ patientId }) => designs.list(patientId),
    'designs.forPhoto': ({ photoId }) => designs.forPhoto(photoId),
    'designs.save': ({ photoId, baseRevision, document }) => designs.save(photoId, baseRevision, document),
    'designs.forPatient': ({ patientId }) => designs.forPatient(patientId),
    'settings.get': () => settings.get(),
    'settings.save': ({ baseRevision, settings: values }) => settings.save(baseRevision, values),
    'settings.reset': () => settings.reset(),
    'pigments.list': ({ includeRetired }) => pigments.list(includeRetired),
    'pigments.save': ({ pigment, baseRevision }) => pigments.save(pigment, baseRevision),
    'pigments.retire': ({ id, retired }) => pigments.retire(id, retired),
    'pigments.delete': ({ id }) => pigments.remove(id),
    'plans.get': ({ patientId }) => plans.get(patientId),
    'plans.save': ({ patientId, baseRevision, draft }) => plans.save(patientId, baseRevision, draft),
    'files.save': async (file) => {
      if (!platform.saveFile)
        throw new ServiceError(
          'unavailable',
          'Only the desktop app saves through a dialog; the browser downloads the file.',
        )
      return { savedAs: await platform.saveFile(file) }
    },
  }
}
