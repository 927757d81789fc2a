import type { CallInput, CallName, CallOutput } from '../../../shared/bridge/contract'
import type { BridgeError } from '../../../shared/bridge/errors'
import type { PatientSummary } from '../../../shared/patients/patient'
import type { Photo } from '../../../shared/photos/photo'
import type { OfflineReview } from '../../../shared/review-file/offline-review'
import type { Transport } from './bridge-client'

type Readers = { [K in CallName]?: (input: CallInput<K>) => CallOutput<K> }

class Refused extends Error {
  constructor(readonly error: BridgeError) {
    super(error.message)
  }
}

const notFound = (what: string) => new Refused({ code: 'not_found', message: `${what} is not in this review file.` })

export const READ_ONLY_MESSAGE = 'This is a read-only review file: nothing in it can be changed.'

function summaryOf(review: OfflineReview): PatientSummary {
  const { patient } = review
  return {
    id: patient.id,
    fullName: patient.fullName,
    dateOfBirth: patient.dateOfBirth,
    hairLossPattern: patient.hairLossPattern,
    keloid: patient.medical.keloid,
    archivedAt: patient.archivedAt,
    updatedAt: patient.updatedAt,
  }
}

/** Every read call the review makes, answered from the review the file embeds. */
function readersOf(review: OfflineReview): Readers {
  const { patient } = review
  const ofPatient = (patientId: string) => {
    if (patientId !== patient.id) throw notFound('That patient')
  }
  const photo = (id: string) => review.photos.find((p) => p.id === id) ?? null
  return {
    'app.info': () => ({ version: review.appVersion, shell: 'offline', dataDir: '' }),
    'patients.list': ({ query, includeArchived }) => {
      const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean)
      const name = patient.fullName.toLocaleLowerCase()
      const shown = (includeArchived || !patient.archivedAt) && words.every((w) => name.includes(w))
      return { patients: shown ? [summaryOf(review)] : [], total: shown ? 1 : 0 }
    },
    'patients.get': ({ id }) => {
      ofPatient(id)
      return patient
    },
    'photos.list': ({ patientId }) => {
      ofPatient(patientId)
      return review.photos.map(({ measurements: _measurements, ...rest }): Photo => rest)
    },
    'photos.get': ({ id }) => {
      const found = photo(id)
      if (!found) throw notFound('That photo')
      return found
    },
    'designs.list': ({ patientId }) => {
      ofPatient(patientId)
      return review.designs.map((d) => ({
        id: d.id,
        photoId: d.photoId,
        revision: d.revision,
        updatedAt: d.updatedAt,
        objectCount: d.document.objects.length,
      }))
    },
    'designs.forPhoto': ({ photoId }) => {
      if (!photo(photoId)) throw notFound('That photo')
      return review.designs.find((d) => d.photoId === photoId) ?? null
    },
    'designs.forPatient': ({ patientId }) => {
      ofPatient(patientId)
      return review.designs
    },
    'comments.list': ({ designId }) => {
      if (!review.designs.some((d) => d.id === designId)) throw notFound('That design')
      return review.comments.filter((c) => c.designId === designId)
    },
    'settings.get': () => review.settings,
    'pigments.list': ({ includeRetired }) => review.pigments.filter((p) => includeRetired || !p.retired),
    'plans.get': ({ patientId }) => {
      ofPatient(patientId)
      return review.plan
    },
  }
}

/**
 * The bridge of an offline review file: read calls answered from the embedded review, in the
 * same shapes main gives; every other call (every write, every export) refused as `forbidden`.
 */
export function offlineTransport(review: OfflineReview): Transport {
  const readers = readersOf(review)
  return async (name, input) => {
    const read = readers[name] as ((input: unknown) => unknown) | undefined
    if (!read) return { ok: false, error: { code: 'forbidden', message: READ_ONLY_MESSAGE } }
    try {
      // A copy, as a transport would give: a caller changing its answer cannot change the file's data.
      return { ok: true, value: structuredClone(read(input)) }
    } catch (error) {
      if (error instanceof Refused) return { ok: false, error: error.error }
      throw error
    }
  }
}
