import { labelOfView } from '../../../../shared/photos/photo-fields'
import { dotColour } from '../../../../shared/plan/fade'
import type { Pigment } from '../../../../shared/plan/plan-types'
import type { PlanZone } from '../../../../shared/plan/plan-zones'
import type { PlanWorld } from './plan-world'

export const percent = (share: number) => `${Math.round(share * 100)}%`

/** The view of the photo a zone is drawn on; a zone outlives its photo only until the next refresh. */
export function zoneView(world: PlanWorld, zone: PlanZone): string {
  const photo = world.photos.find((p) => p.id === zone.photoId)
  return photo ? labelOfView(photo.view) : 'Photo removed'
}

/**
 * A name for each zone that tells it apart from the others: its own name, with its photo's view
 * added when another zone shares the name (a frontal zone drawn on the front and the top photo).
 */
export function zoneLabels(world: PlanWorld): Map<string, string> {
  const uses = new Map<string, number>()
  for (const zone of world.zones) uses.set(zone.name, (uses.get(zone.name) ?? 0) + 1)
  return new Map(
    world.zones.map((zone) => [
      zone.key,
      (uses.get(zone.name) ?? 0) > 1 ? `${zone.name} (${zoneView(world, zone)})` : zone.name,
    ]),
  )
}

/** The colour the zone is drawn in over its photo, so the chart's lines match the canvas. */
export function zoneColour(world: PlanWorld, zone: PlanZone): string {
  const design = world.designs.find((d) => d.id === zone.designId)
  return design?.document.objects.find((o) => o.id === zone.zoneId)?.colour ?? '#888888'
}

/** A fresh dot of the pigment as the eye sees it: the shade diluted with water. */
export function pigmentCss(pigment: Pigment): string {
  const [r, g, b] = dotColour(pigment, 1).map((c) => Math.round(c * 255))
  return `rgb(${r} ${g} ${b})`
}

/** A DOM id fragment for a zone key (`designId:zoneId`). */
export const keyId = (key: string) => key.replace(/[^A-Za-z0-9_-]/g, '_')
