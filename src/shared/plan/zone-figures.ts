import type { DesignDocument } from '../design/design-types'
import { zoneReadout } from '../design/readouts'
import { formatQuantity, type Quantity } from '../photos/calibration'
import { countedAreas, impressionsOver, zoneName } from './plan-zones'

/** What the designer shows of one zone: the plan's own figures, beside the outline as drawn. */
export interface ZoneFigures {
  /** The drawn outline's area: cm², or px² on an uncalibrated photo. */
  outline: Quantity
  /**
   * The skin the plan counts, cm²: feathered edges as drawn, pulled up to a hairline near it,
   * less what a zone drawn over it takes. null on an uncalibrated photo.
   */
  treated: Quantity | null
  /** What the plan places over `treated` at the zone's target density; null on an uncalibrated photo. */
  impressions: number | null
  /** The names of the zones drawn over this one that take part of its skin. */
  under: string[]
  /** A hairline near it pulls it up to the line and scatters it past. */
  byHairline: boolean
}

export interface DesignZoneFigures {
  zones: Map<string, ZoneFigures>
  /** Sum over zones; null on an uncalibrated photo. */
  totalImpressions: number | null
}

/**
 * Every zone's figures as the plan counts them (`countedAreas`, `impressionsOver`), so the
 * designer, the plan and the layers show one area and one impression count per zone. The
 * design's id seeds the hairline's scatter as the sampler seeds it.
 */
export function designZoneFigures(
  document: DesignDocument,
  designId: string,
  pxPerMm: number | null,
): DesignZoneFigures {
  const zones = document.objects.filter((o) => o.kind === 'zone')
  const counted = pxPerMm ? countedAreas(document, designId, pxPerMm) : null
  const names = new Map(zones.map((zone) => [zone.id, zoneName(zone)]))
  let total = 0
  const figures = new Map(
    zones.map((zone) => {
      const area = counted?.get(zone.id)
      const areaCm2 = counted ? (area?.areaCm2 ?? 0) : null
      const impressions = areaCm2 === null ? null : impressionsOver(areaCm2, zone.density)
      total += impressions ?? 0
      const figure: ZoneFigures = {
        outline: zoneReadout(zone, pxPerMm).area,
        treated: areaCm2 === null ? null : { value: areaCm2, unit: 'cm²' },
        impressions,
        under: (area?.under ?? []).map((id) => names.get(id) ?? id),
        byHairline: area?.byHairline ?? false,
      }
      return [zone.id, figure] as const
    }),
  )
  return { zones: figures, totalImpressions: pxPerMm ? total : null }
}

/**
 * Below this share of the outline the two areas are the same to the artist: a feathered edge
 * alone adds a little at the corners, and a hard edge is counted to a fraction of a grid cell.
 */
const SAME_AREA = 0.01

/** The treated area and the outline beside it, when the two differ; null when they are the same. */
export function treatedAndOutline(figures: ZoneFigures): { treated: string; outline: string; why: string } | null {
  if (!figures.treated) return null
  const treated = formatQuantity(figures.treated)
  const outline = formatQuantity(figures.outline)
  if (
    treated === outline ||
    Math.abs(figures.treated.value - figures.outline.value) <= SAME_AREA * figures.outline.value
  )
    return null
  const causes = [
    ...(figures.under.length > 0 ? [`overlap with ${figures.under.join(', ')}`] : []),
    ...(figures.byHairline ? ['pulled up to the hairline'] : []),
  ]
  const why = causes.length > 0 ? causes.join('; ') : 'feathered edge'
  return { treated, outline, why }
}
