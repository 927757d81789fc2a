import { labelOf } from '../../../../shared/patients/patient-fields'
import { formatDay } from '../../../../shared/plan/plan-dates'
import { type LayerDisplay, SESSION_STATUSES } from '../../../../shared/plan/plan-types'
import type { ClinicalSettings } from '../../../../shared/settings/clinical-defaults'
import { layerStrength, type SceneLayer, type SimulationScene } from './simulation-scene'

const pct = (x: number) => `${Math.round(x * 100)}%`

/**
 * The session layers, the top one listed first as in every imaging tool: each with visibility,
 * opacity and its strength on the chosen day. Where a change goes is the caller's: the plan's
 * undoable history in the workspace, a display of its own in the review.
 */
export function SessionStack(props: {
  scene: SimulationScene
  day: string
  settings: ClinicalSettings
  displayOf(layer: SceneLayer): LayerDisplay
  onVisible(layer: SceneLayer, visible: boolean): void
  onOpacity(layer: SceneLayer, opacity: number): void
}) {
  const { scene, day, settings } = props
  return (
    <ol className="session-stack" aria-label="Session layers">
      {[...scene.layers].reverse().map((layer) => {
        const { session } = layer
        const display = props.displayOf(layer)
        const strength = Math.max(0, ...scene.zones.map((zone) => layerStrength(layer, zone, `${day}T23:59`, settings)))
        const name = `Session ${layer.number}`
        return (
          <li key={session.id} className="session-row" data-status={session.status}>
            <input
              type="checkbox"
              className="session-row__visible"
              checked={display.visible}
              aria-label={`Show ${name}`}
              onChange={(event) => props.onVisible(layer, event.currentTarget.checked)}
            />
            <span
              className="session-row__swatch"
              style={{ background: layer.pigment?.shade ?? 'transparent' }}
              aria-hidden="true"
            />
            <div className="session-row__text">
              <span className="session-row__name">
                {name} · {formatDay(session.startsAt)}
              </span>
              <span className="session-row__meta">
                {labelOf(SESSION_STATUSES, session.status)} · {layer.pigment?.name ?? 'pigment missing'} ·{' '}
                {session.needle.config} {session.needle.diameterMm} mm · strength {pct(strength)}
              </span>
            </div>
            <input
              type="range"
              className="session-row__opacity"
              min={0}
              max={100}
              value={Math.round(display.opacity * 100)}
              aria-label={`Opacity of ${name}`}
              aria-valuetext={pct(display.opacity)}
              onChange={(event) => props.onOpacity(layer, Number(event.currentTarget.value) / 100)}
            />
          </li>
        )
      })}
    </ol>
  )
}
