import { useStore } from 'zustand'
import type { Pigment, PlanDraft } from '../../../../shared/plan/plan-types'
import type { PlanZone } from '../../../../shared/plan/plan-zones'
import type { SessionZoneDensity } from '../../../../shared/plan/session-density'
import { coverageAt } from '../../../../shared/plan/timeline'
import type { ClinicalSettings } from '../../../../shared/settings/clinical-defaults'
import type { DotRenderer } from './dot-renderer'
import type { SimulationScene } from './simulation-scene'

const pct = (x: number) => `${Math.round(x * 100)}%`
const count = (n: number) => n.toLocaleString('en')

/**
 * Dots placed per zone by each session and in all beside the plan's impressions, and the plan's
 * coverage: the simulation panel reads the same figures as the plan.
 */
export function SimulationReadout(props: {
  scene: SimulationScene
  renderer: DotRenderer
  /** The plan's rows (`sessionDensities`) over the plan's zones. */
  plan: readonly SessionZoneDensity[]
  draft: PlanDraft
  pigments: readonly Pigment[]
  zones: readonly PlanZone[]
  day: string
  settings: ClinicalSettings
}) {
  const { scene, renderer, plan, draft, pigments, zones, day, settings } = props
  const counts = useStore(renderer.store, (s) => s.counts)
  if (counts.length === 0 || scene.zones.length === 0) return null
  const names = new Map(zones.map((z) => [z.key, z.name]))
  const under = scene.zones.flatMap(({ key, zone }) => {
    const over = zones.find((z) => z.key === key)?.under ?? []
    return over.length > 0
      ? [
          `${zone.name || names.get(key) || 'Zone'} lies partly under ${over.map((k) => names.get(k) ?? 'a zone').join(', ')}`,
        ]
      : []
  })
  return (
    <>
      <table className="readouts__table simulation-readout">
        <caption className="visually-hidden">Impressions placed per zone and session, planned, and coverage</caption>
        <thead>
          <tr>
            <th scope="col">Zone</th>
            {scene.layers.map((layer) => (
              <th scope="col" key={layer.session.id}>
                S{layer.number}
              </th>
            ))}
            <th scope="col">Total</th>
            <th scope="col" title="Impressions the plan gives these sessions">
              Plan
            </th>
            <th scope="col" title="The plan's coverage on the day shown">
              Cover
            </th>
          </tr>
        </thead>
        <tbody>
          {scene.zones.map(({ zone, key }, z) => {
            const perLayer = scene.layers.map((_, l) => counts[l]?.counts[z] ?? 0)
            const total = perLayer.reduce((a, b) => a + b, 0)
            const layerIds = new Set(scene.layers.map((l) => l.session.id))
            const planned = plan
              .filter((row) => row.zoneKey === key && layerIds.has(row.sessionId))
              .reduce((sum, row) => sum + (row.impressions ?? 0), 0)
            const planZone = zones.find((z) => z.key === key)
            // The plan's own figure, pigment still present on the day shown, as its warning reads it.
            const cover = planZone ? coverageAt(draft, planZone, pigments, settings, `${day}T23:59`).coverage : null
            return (
              <tr key={zone.id}>
                <th scope="row">{zone.name || names.get(key) || 'Zone'}</th>
                {perLayer.map((n, l) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns follow the layers' order
                  <td key={l}>{count(n)}</td>
                ))}
                <td>{count(total)}</td>
                <td>{count(planned)}</td>
                <td
                  className={cover !== null && cover > settings.coverageLimit ? 'simulation-readout__over' : undefined}
                >
                  {cover === null ? '—' : pct(cover)}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p className="readouts__hint simulation-readout__rule">
        Where zones overlap, the zone drawn last sets the density: its dots only, blended across the feathered edges.
        {under.length > 0 && ` ${under.join('; ')}.`}
      </p>
    </>
  )
}
