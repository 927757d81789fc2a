import type { DesignDocument } from '../design/design-types'
import { hairlineCurve } from '../design/hairline'
import { midlineOf } from '../design/landmarks'
import { boundsOf } from '../geometry/polygon'
import type { SimZone, ZoneShape } from './simulate'
import { maskField, shapeField } from './zone-field'

/**
 * A design's density zones as the simulation samples them, and the areas the plan counts
 * impressions over: both from here, so the plan and the picture agree zone by zone.
 */

/** Every zone of the design in drawing order, in image px, each with the zones drawn over it that may reach it. */
export function designSimZones(document: DesignDocument, pxPerMm: number): SimZone[] {
  const midline = midlineOf(document)
  const hairline = document.objects.find((o) => o.kind === 'hairline' && o.points.length >= 2)
  const curve = hairline?.kind === 'hairline' ? hairlineCurve(hairline, midline) : null
  const shapes: ZoneShape[] = document.objects.flatMap((zone) =>
    zone.kind === 'zone'
      ? [
          {
            id: zone.id,
            polygon: zone.points,
            softnessPx: zone.softnessMm * pxPerMm,
            ...(hairline?.kind === 'hairline' &&
              curve && {
                hairline: { curve, featherPx: hairline.featherMm * pxPerMm, irregularity: hairline.irregularity },
              }),
          },
        ]
      : [],
  )
  const reaches = shapes.map(reachOf)
  return shapes.map((shape, i) => {
    const above = shapes.filter((_, j) => j > i && overlap(reaches[i], reaches[j]))
    return above.length > 0 ? { ...shape, above } : shape
  })
}

interface Reach {
  minX: number
  minY: number
  maxX: number
  maxY: number
}

/** Where a zone's weight can be above 0: its outline grown by its soft edge and, near a hairline, the pull-up and scatter past it. */
function reachOf(shape: ZoneShape): Reach | null {
  const bounds = boundsOf(shape.polygon)
  if (!bounds) return null
  const softness = Math.max(0, shape.softnessPx)
  const hairline = shape.hairline
  const grow =
    softness / 2 +
    (hairline ? Math.max(0, hairline.featherPx) + 2 * softness : 0) +
    0.02 * Math.max(1, bounds.maxX - bounds.minX, bounds.maxY - bounds.minY) +
    2
  let { minX, minY, maxX, maxY } = bounds
  if (hairline) {
    // The zone may be pulled up to the line, which can lie beyond the outline's own box.
    const line = boundsOf(hairline.curve)
    if (line) {
      minX = Math.min(minX, line.minX)
      minY = Math.min(minY, line.minY)
      maxX = Math.max(maxX, line.maxX)
      maxY = Math.max(maxY, line.maxY)
    }
  }
  return { minX: minX - grow, minY: minY - grow, maxX: maxX + grow, maxY: maxY + grow }
}

const overlap = (a: Reach | null | undefined, b: Reach | null | undefined) =>
  !!a && !!b && a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY

/** Areas computed lately, by everything they depend on: the plan asks again on every edit of a session. */
const recent = new Map<string, Map<string, ZoneArea>>()
const RECENT_LIMIT = 16

export interface ZoneArea {
  /** ∫ w, px²: what the sampler places the zone's dots over. */
  px2: number
  /** The zones drawn over this one that take some of its skin, by id. */
  under: string[]
}

/**
 * Each zone's ∫ w in px², what the sampler places dots over: feathered edges, the pull-up to the
 * hairline and its scatter counted as they are drawn, the parts under a zone drawn over it left out.
 */
export function zoneAreasPx(zones: readonly SimZone[], seedKey: string): Map<string, ZoneArea> {
  const key = JSON.stringify([seedKey, zones])
  const known = recent.get(key)
  if (known) return known
  const own = new Map(zones.map((zone) => [zone.id, shapeField(zone, seedKey)]))
  const areas = new Map(
    zones.map((zone) => {
      const field = own.get(zone.id) ?? shapeField(zone, seedKey)
      const area = maskField(
        field,
        (zone.above ?? []).map((shape) => own.get(shape.id) ?? shapeField(shape, seedKey)),
      ).effectiveArea
      const under = (zone.above ?? []).filter((shape) => {
        const cover = own.get(shape.id)
        return cover !== undefined && maskField(field, [cover]).effectiveArea < field.effectiveArea * 0.999
      })
      return [zone.id, { px2: area, under: under.map((shape) => shape.id) }]
    }),
  )
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value as string)
  recent.set(key, areas)
  return areas
}
