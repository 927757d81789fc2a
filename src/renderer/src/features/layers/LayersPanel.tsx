import { useStore } from 'zustand'
import { polygonArea } from '../../../../shared/geometry/polygon'
import { coverageShare, dotDiameterMm } from '../../../../shared/plan/session-density'
import type { ClinicalSettings } from '../../../../shared/settings/clinical-defaults'
import { usePlanActions } from '../plan/plan-context'
import type { DotRenderer } from './dot-renderer'
import { LayerStack } from './LayerStack'
import type { LayerScene } from './layer-scene'

const pct = (x: number) => `${Math.round(x * 100)}%`
const count = (n: number) => n.toLocaleString('en')

/** The layer stack over this photo. Visibility and opacity are part of the plan, so they are undoable and come back with it. */
export function LayersList({ scene, day, settings }: { scene: LayerScene; day: string; settings: ClinicalSettings }) {
  const { change } = usePlanActions()
  const setDisplay = (id: string, patch: { visible?: boolean; opacity?: number }, label: string, key?: string) =>
    change(
      label,
      (draft) => ({
        ...draft,
        sessions: draft.sessions.map((s) => (s.id === id ? { ...s, layer: { ...s.layer, ...patch } } : s)),
      }),
      key,
    )
  return (
    <LayerStack
      scene={scene}
      day={day}
      settings={settings}
      displayOf={(layer) => layer.session.layer}
      onVisible={(layer, visible) =>
        setDisplay(layer.session.id, { visible }, `${visible ? 'show' : 'hide'} Session ${layer.number}`)
      }
      onOpacity={(layer, opacity) =>
        setDisplay(layer.session.id, { opacity }, `opacity of Session ${layer.number}`, `opacity:${layer.session.id}`)
      }
    />
  )
}

/** Dots placed per zone by each session and in all, and how much skin they cover. */
export function LayerReadout(props: {
  scene: LayerScene
  renderer: DotRenderer
  pxPerMm: number
  settings: ClinicalSettings
}) {
  const { scene, renderer, pxPerMm, settings } = props
  const counts = useStore(renderer.store, (s) => s.counts)
  if (counts.length === 0 || scene.zones.length === 0) return null
  return (
    <table className="readouts__table layer-readout">
      <caption className="visually-hidden">Impressions placed per zone and session</caption>
      <thead>
        <tr>
          <th scope="col">Zone</th>
          {scene.layers.map((layer) => (
            <th scope="col" key={layer.session.id}>
              S{layer.number}
            </th>
          ))}
          <th scope="col">Total</th>
          <th scope="col">Cover</th>
        </tr>
      </thead>
      <tbody>
        {scene.zones.map(({ zone }, z) => {
          const perLayer = scene.layers.map((_, l) => counts[l]?.counts[z] ?? 0)
          const total = perLayer.reduce((a, b) => a + b, 0)
          const areaCm2 = polygonArea(zone.points) / (pxPerMm * pxPerMm) / 100
          // The dots actually placed, each at its session's healed size: what the clinician sees.
          const cover = scene.layers.reduce((sum, layer, l) => {
            const density = (perLayer[l] ?? 0) / areaCm2
            return sum + coverageShare(density, dotDiameterMm(layer.session.needle, settings), settings.dotSizeJitter)
          }, 0)
          return (
            <tr key={zone.id}>
              <th scope="row">{zone.name || 'Zone'}</th>
              {perLayer.map((n, l) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns follow the layers' order
                <td key={l}>{count(n)}</td>
              ))}
              <td>{count(total)}</td>
              <td className={cover > settings.coverageLimit ? 'layer-readout__over' : undefined}>
                {areaCm2 > 0 ? pct(cover) : '—'}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
