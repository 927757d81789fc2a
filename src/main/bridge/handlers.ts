import type { AppInfo } from '../../shared/bridge/contract'
import type { PatientService } from '../services/patients/patient-service'
import type { Handlers } from './dispatch'

export interface Services {
  patients: PatientService
}

export function createHandlers(services: Services, info: AppInfo): Handlers {
  const { patients } = services
  return {
    'app.info': () => info,
    'patients.list': (input) => patients.list(input),
    'patients.get': ({ id }) => patients.get(id),
    'patients.create': ({ fields }) => patients.create(fields),
    'patients.update': ({ id, revision, fields }) => patients.update(id, revision, fields),
    'patients.archive': ({ id }) => patients.archive(id),
    'patients.restore': ({ id }) => patients.restore(id),
  }
}
