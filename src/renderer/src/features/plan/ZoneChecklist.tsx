import { labelOfView } from '../../../../shared/photos/photo-fields'
import { formatDay } from '../../../../shared/plan/plan-dates'
import type { PlanZone } from '../../../../shared/plan/plan-zones'
import { zoneColour } from './plan-format'
import type { PlanWorld } from './plan-world'

interface PhotoGroup {
  photoId: string
  title: string
  zones: PlanZone[]
}

/** The zones by the photo (and so the view) they are drawn on, photos in library order. */
function byPhoto(world: PlanWorld): PhotoGroup[] {
  const groups = new Map<string, PhotoGroup>()
  for (const zone of world.zones) {
    let group = groups.get(zone.photoId)
    if (!group) {
      const photo = world.photos.find((p) => p.id === zone.photoId)
      const title = photo ? `${labelOfView(photo.view)} · ${formatDay(photo.takenAt)}` : 'Photo removed'
      group = { photoId: zone.photoId, title, zones: [] }
      groups.set(zone.photoId, group)
    }
    group.zones.push(zone)
  }
  return [...groups.values()]
}

/** Checkboxes for the zones a template treats, grouped by photo. */
export function ZoneChecklist(props: {
  world: PlanWorld
  chosen: ReadonlySet<string>
  onChange(next: Set<string>): void
}) {
  const { world, chosen, onChange } = props
  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen)
    if (on) next.add(key)
    else next.delete(key)
    onChange(next)
  }
  return (
    <div className="plan-zone-checklist">
      {byPhoto(world).map((group) => (
        <fieldset key={group.photoId} className="plan-zone-checklist__group">
          <legend>{group.title}</legend>
          {group.zones.map((zone) => (
            <label key={zone.key} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.has(zone.key)}
                onChange={(e) => toggle(zone.key, e.target.checked)}
              />
              <span className="plan-swatch" style={{ background: zoneColour(world, zone) }} aria-hidden="true" />
              {zone.name}
              <span className="plan-zone-checklist__meta">
                {zone.targetDensity}/cm²
                {zone.areaCm2 === null ? ' · not calibrated' : ` · ${zone.areaCm2.toFixed(1)} cm²`}
              </span>
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  )
}
