import { type Design, type DesignDocument, ZONE_ROLES, type ZoneObject, type ZoneRole } from '../design/design-types'
import { pxPerMm } from '../photos/calibration'
import type { Photo } from '../photos/photo'
import { designSimZones, zoneAreasPx } from '../simulation/design-zones'
import { curveBordersPolygon } from '../simulation/hairline-border'
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

/** A zone's name, or its role's label when it has none. */
export const zoneName = (zone: Pick<ZoneObject, 'name' | 'role'>) => zone.name.trim() || roleLabel(zone.role)

/** A zone's skin as the plan counts it: see `PlanZone.areaCm2` and `PlanZone.under` (here by zone id). */
export interface CountedArea {
  areaCm2: number
  under: string[]
  /** A hairline near it shapes its front edge: the zone is pulled up to the line and scattered past it. */
  byHairline: boolean
}

/**
 * Each zone of one design by id, with the area the plan counts its impressions over and the
 * zones drawn over it: the sampler's own ∫ w, seeded by the design's id as the sampler seeds it.
 * The plan and the designer's figures both read a zone's area from here.
 */
export function countedAreas(document: DesignDocument, designId: string, pxPerMm: number): Map<string, CountedArea> {
  const zones = designSimZones(document, pxPerMm)
  const areas = zoneAreasPx(zones, designId)
  return new Map(
    zones.map((zone) => {
      const area = areas.get(zone.id)
      const { hairline } = zone
      return [
        zone.id,
        {
          areaCm2: (area?.px2 ?? 0) / (pxPerMm * pxPerMm) / 100,
          under: area?.under ?? [],
          // The density field's own test of whether the line takes over the zone's edge.
          byHairline:
            !!hairline &&
            curveBordersPolygon(
              hairline.curve,
              zone.polygon,
              Math.max(0, hairline.featherPx) + Math.max(0, zone.softnessPx),
            ),
        },
      ]
    }),
  )
}

/** The impressions a density per cm² places over an area, as the plan rounds them. */
export const impressionsOver = (areaCm2: number, densityPerCm2: number) => Math.round(areaCm2 * densityPerCm2)

/** Every density zone of every design, with its area from the photo's calibration. */
export function planZones(
  designs: readonly Design[],
  photos: readonly Pick<Photo, 'id' | 'calibration'>[],
): PlanZone[] {
  const scales = new Map(photos.map((photo) => [photo.id, pxPerMm(photo.calibration)]))
  return designs.flatMap((design) => {
    const scale = scales.get(design.photoId) ?? null
    const scars = design.document.objects.filter((o) => o.kind === 'scar')
    const areas = scale ? countedAreas(design.document, design.id, scale) : null
    return design.document.objects
      .filter((o) => o.kind === 'zone')
      .map((zone) => ({
        key: zoneKey(design.id, zone.id),
        designId: design.id,
        photoId: design.photoId,
        zoneId: zone.id,
        name: zoneName(zone),
        role: zone.role,
        targetDensity: zone.density,
        areaCm2: scale ? (areas?.get(zone.id)?.areaCm2 ?? 0) : null,
        under: (areas?.get(zone.id)?.under ?? []).map((id) => zoneKey(design.id, id)),
        overScar: scars.some((scar) => scarOverlapsZone(scar, zone.points, scale)),
      }))
  })
}
