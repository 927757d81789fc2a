import { labelOf } from '../../../../shared/patients/patient-fields'
import { formatDay } from '../../../../shared/plan/plan-dates'
import { type LayerDisplay, SESSION_STATUSES } from '../../../../shared/plan/plan-types'
import type { ClinicalSettings } from '../../../../shared/settings/clinical-defaults'
import { type LayerScene, layerStrength } from '../layers/layer-scene'
import type { LayerDisplays } from './review-moments'

const pct = (x: number) => `${Math.round(x * 100)}%`

/**
 * The session layers with visibility and opacity for this review only: the plan keeps the
 * display the artist saved, so a clinician looking around never changes what the artist sees.
 */
export function ReviewLayerList(props: {
  scene: LayerScene
  day: string
  settings: ClinicalSettings
  displays: LayerDisplays
  onDisplay(sessionId: string, display: LayerDisplay): void
}) {
  const { scene, day, settings, displays, onDisplay } = props
  return (
    <ol className="layer-list" aria-label="Session layers">
      {[...scene.layers].reverse().map((layer) => {
        const { session } = layer
        const display = displays[session.id] ?? session.layer
        const strength = Math.max(0, ...scene.zones.map((zone) => layerStrength(layer, zone, `${day}T23:59`, settings)))
        const name = `Session ${layer.number}`
        return (
          <li key={session.id} className="layer-row" data-status={session.status}>
            <input
              type="checkbox"
              className="layer-row__visible"
              checked={display.visible}
              aria-label={`Show ${name}`}
              onChange={(event) => onDisplay(session.id, { ...display, visible: event.currentTarget.checked })}
            />
            <span
              className="layer-row__swatch"
              style={{ background: layer.pigment?.shade ?? 'transparent' }}
              aria-hidden="true"
            />
            <div className="layer-row__text">
              <span className="layer-row__name">
                {name} · {formatDay(session.startsAt)}
              </span>
              <span className="layer-row__meta">
                {labelOf(SESSION_STATUSES, session.status)} · {layer.pigment?.name ?? 'pigment missing'} ·{' '}
                {session.needle.config} {session.needle.diameterMm} mm · strength {pct(strength)}
              </span>
            </div>
            <input
              type="range"
              className="layer-row__opacity"
              min={0}
              max={100}
              value={Math.round(display.opacity * 100)}
              aria-label={`Opacity of ${name}`}
              aria-valuetext={pct(display.opacity)}
              onChange={(event) =>
                onDisplay(session.id, { ...display, opacity: Number(event.currentTarget.value) / 100 })
              }
            />
          </li>
        )
      })}
    </ol>
  )
}
