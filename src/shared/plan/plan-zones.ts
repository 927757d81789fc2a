import { type Design, ZONE_ROLES, type ZoneRole } from '../design/design-types'
import { pxPerMm } from '../photos/calibration'
import type { Photo } from '../photos/photo'
import { designSimZones, zoneAreasPx } from '../simulation/design-zones'
import { scarOverlapsZone } from './zone-overlap'

/** A density zone of one of the patient's designs, as the plan treats it. */
export interface PlanZone {
  /** `designId:zoneId`: zone ids are unique only within their design. */
  key: string
  designId: string
  photoId: string
  zoneId: string
  /** The zone's name, or its role's label when it has none. */
  name: string
  role: ZoneRole
  /** Impressions per cm² when finished. */
  targetDensity: number
  /**
   * The skin the zone's dots are placed over, cm²: its outline with the feathered edge counted
   * as drawn (half in, half out), pulled up to a hairline near it, less any part under a zone
   * drawn over it. The same ∫ w the simulation samples, so planned and placed impressions agree.
   * null when the design's photo is not calibrated (or is gone).
   */
  areaCm2: number | null
  /** The keys of the zones drawn over this one that take part of its skin (they set the density there). */
  under: string[]
  /** The zone touches a scar drawn in its design. */
  overScar: boolean
}

export const zoneKey = (designId: string, zoneId: string) => `${designId}:${zoneId}`

const roleLabel = (role: ZoneRole) => ZONE_ROLES.find((r) => r.value === role)?.label ?? role

/** Every density zone of every design, with its area from the photo's calibration. */
export function planZones(
  designs: readonly Design[],
  photos: readonly Pick<Photo, 'id' | 'calibration'>[],
): PlanZone[] {
  const scales = new Map(photos.map((photo) => [photo.id, pxPerMm(photo.calibration)]))
  return designs.flatMap((design) => {
    const scale = scales.get(design.photoId) ?? null
    const scars = design.document.objects.filter((o) => o.kind === 'scar')
    const areas = scale ? zoneAreasPx(designSimZones(design.document, scale), design.id) : null
    return design.document.objects
      .filter((o) => o.kind === 'zone')
      .map((zone) => ({
        key: zoneKey(design.id, zone.id),
        designId: design.id,
        photoId: design.photoId,
        zoneId: zone.id,
        name: zone.name.trim() || roleLabel(zone.role),
        role: zone.role,
        targetDensity: zone.density,
        areaCm2: scale ? (areas?.get(zone.id)?.px2 ?? 0) / (scale * scale) / 100 : null,
        under: (areas?.get(zone.id)?.under ?? []).map((id) => zoneKey(design.id, id)),
        overScar: scars.some((scar) => scarOverlapsZone(scar, zone.points, scale)),
      }))
  })
}
