import { localDateTime } from '../../../shared/dates'
import { EMPTY_PATIENT_FIELDS, type Patient, type PatientId } from '../../../shared/patients/patient'
import type { PhotoDetail } from '../../../shared/photos/photo'
import { OFFLINE_REVIEW_FORMAT, type OfflineReview } from '../../../shared/review-file/offline-review'
import type { Services } from '../../bridge/services'

/**
 * What a clinician reviewing the treatment sees of the patient: the name (the file is about
 * them), the contraindication and cautions shown wherever the patient appears, and the
 * transplant date the plan's scar warnings are reckoned from. Contact details, birth date,
 * hair and skin fields, goals, other medical flags and notes stay in the clinic.
 */
export function reviewedPatient(patient: Patient): Patient {
  return {
    ...EMPTY_PATIENT_FIELDS,
    id: patient.id,
    fullName: patient.fullName,
    medical: {
      ...EMPTY_PATIENT_FIELDS.medical,
      keloid: patient.medical.keloid,
      scalpCondition: patient.medical.scalpCondition,
      chemotherapy: patient.medical.chemotherapy,
      pregnancy: patient.medical.pregnancy,
      bloodThinners: patient.medical.bloodThinners,
    },
    transplantDate: patient.transplantDate,
    createdAt: patient.createdAt,
    updatedAt: patient.updatedAt,
    archivedAt: patient.archivedAt,
    revision: patient.revision,
  }
}

/** Shown as the clinic until the clinic's name is filled in under Settings. */
export const FALLBACK_CLINIC_NAME = 'Stipple'

/** A photo as the review draws it; the imported file's name (often a person's name or a date) is not shown. */
export const reviewedPhoto = (photo: PhotoDetail): PhotoDetail => ({ ...photo, originalName: '' })

/** Everything one patient's offline review answers its read calls with, read now. */
export function reviewSnapshot(
  services: Services,
  patientId: PatientId,
  made: { now: Date; appVersion: string },
): OfflineReview {
  const patient = services.patients.get(patientId)
  const photos = services.photos.list(patientId).map((photo) => reviewedPhoto(services.photos.get(photo.id)))
  const designs = services.designs.forPatient(patientId)
  return {
    format: OFFLINE_REVIEW_FORMAT,
    generatedAt: localDateTime(made.now),
    clinicName: services.clinic.get().details.name.trim() || FALLBACK_CLINIC_NAME,
    appVersion: made.appVersion,
    patient: reviewedPatient(patient),
    photos,
    designs,
    plan: services.plans.get(patientId),
    pigments: services.pigments.list(true),
    settings: services.settings.get(),
    comments: designs.flatMap((design) => services.comments.list(design.id)),
  }
}
