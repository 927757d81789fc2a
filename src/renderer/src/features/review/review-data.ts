import type { Design } from '../../../../shared/design/design-types'
import type { PatientId } from '../../../../shared/patients/patient'
import type { Photo } from '../../../../shared/photos/photo'
import { labelOfView } from '../../../../shared/photos/photo-fields'
import type { Pigment, TreatmentPlan } from '../../../../shared/plan/plan-types'
import type { ClinicalSettings } from '../../../../shared/settings/clinical-defaults'
import type { BridgeClient } from '../../bridge/bridge-client'
import { formatDayTime } from '../../ui/format'
import { photoName } from '../photos/format-photo'

/** Everything the review shows of one patient, read once: it never writes any of it. */
export interface ReviewData {
  photos: Photo[]
  designs: Design[]
  plan: TreatmentPlan
  pigments: Pigment[]
  settings: ClinicalSettings
}

/** A photo with a design drawn over it: what the clinician reviews. */
export interface ReviewView {
  photo: Photo
  design: Design
  label: string
}

/** Only read calls, so the offline review file can answer every one of them from its embedded data. */
export async function loadReview(bridge: BridgeClient, patientId: PatientId): Promise<ReviewData> {
  const [photos, designs, plan, pigments, settings] = await Promise.all([
    bridge.call('photos.list', { patientId }),
    bridge.call('designs.forPatient', { patientId }),
    bridge.call('plans.get', { patientId }),
    bridge.call('pigments.list', { includeRetired: true }),
    bridge.call('settings.get', {}),
  ])
  return { photos, designs, plan, pigments, settings: settings.settings }
}

export const viewLabel = (photo: Photo): string =>
  photo.chart ? photoName(photo) : `${labelOfView(photo.view)} · ${formatDayTime(photo.takenAt)}`

/** The photos that carry a design, oldest first, as the treatment went. */
export function reviewViews(data: Pick<ReviewData, 'photos' | 'designs'>): ReviewView[] {
  const byPhoto = new Map(data.designs.map((d) => [d.photoId, d]))
  return [...data.photos]
    .sort((a, b) => a.takenAt.localeCompare(b.takenAt))
    .flatMap((photo) => {
      const design = byPhoto.get(photo.id)
      return design ? [{ photo, design, label: viewLabel(photo) }] : []
    })
}
