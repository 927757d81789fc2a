import { useState } from 'react'
import type { PlanWarning } from '../../../../shared/plan/plan-warnings'
import { sessionDensities } from '../../../../shared/plan/session-density'
import { usePlan, usePlanActions } from '../plan/plan-context'
import { defaultDay, FadeTimeline, type TimelineMark, timelineRange } from './FadeTimeline'
import { PlanSessionStack } from './PlanSessionStack'
import { SimulationReadout } from './SimulationReadout'
import { useSimulationLook } from './simulation-look'
import type { PhotoSimulation } from './use-simulation'
import './simulation.css'

/** The plan's warnings that concern this photo: the patient's own, and those of its sessions and zones. */
export function warningsFor(warnings: readonly PlanWarning[], simulation: PhotoSimulation): PlanWarning[] {
  const sessions = new Set(simulation.scene.layers.map((l) => l.session.id))
  const designId = simulation.scene.input?.seedKey
  return warnings.filter(
    (w) =>
      (w.zoneKey === null && w.sessionId === null) ||
      (w.sessionId !== null && sessions.has(w.sessionId)) ||
      (designId !== undefined && w.zoneKey?.startsWith(`${designId}:`)),
  )
}

/** One warning's identity: two of one kind on the same session and zone differ by their title. */
const warningKey = (w: PlanWarning) => `${w.kind}-${w.sessionId}-${w.zoneKey}-${w.title}`

/** The plan's warnings over the canvas, so they are in view while the artist looks at the result. */
export function CanvasWarnings({ layers }: { layers: PhotoSimulation }) {
  const warnings = warningsFor(
    usePlan((s) => s.warnings),
    layers,
  )
  const [open, setOpen] = useState(true)
  // Dismissed, they stay away until the warnings themselves change.
  const [dismissed, setDismissed] = useState<string | null>(null)
  const shown = warnings.map(warningKey).join('|')
  if (warnings.length === 0 || dismissed === shown) return null
  const count = `${warnings.length} plan warning${warnings.length === 1 ? '' : 's'}`
  return (
    <section className="canvas-warnings" aria-label="Plan warnings" data-open={open}>
      <button
        type="button"
        className="canvas-warnings__dismiss"
        aria-label="Dismiss the plan warnings"
        title="Dismiss the warnings until they change"
        onClick={() => setDismissed(shown)}
      >
        ✕
      </button>
      {/* Folded to a badge, the warnings leave the photo free; the badge still counts them. */}
      <button
        type="button"
        className="canvas-warnings__toggle"
        aria-expanded={open}
        aria-controls="canvas-warnings-list"
        title={open ? 'Fold the warnings away to a badge' : 'Show the warnings'}
        onClick={() => setOpen(!open)}
      >
        ⚠ {count} {open ? '▾' : '▸'}
      </button>
      <ul id="canvas-warnings-list" hidden={!open}>
        {warnings.map((w) => (
          <li key={warningKey(w)} className={`canvas-warnings__item canvas-warnings__item--${w.level}`}>
            <strong>{w.title}</strong>
            <span>{w.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The Sessions section of the photo panel: the fade timeline, the session stack and the dots' figures. */
export function SimulationPanel(props: {
  simulation: PhotoSimulation
  pxPerMm: number | null
  tintZones: boolean
  onTintZones(tint: boolean): void
}) {
  const { simulation, pxPerMm } = props
  const world = usePlan((s) => s.world)
  const touchUps = usePlan((s) => s.touchUps)
  const draft = usePlan((s) => s.draft)
  const { fresh, setFresh } = useSimulationLook()
  const { setViewDate } = usePlanActions()
  const { scene, renderer, day } = simulation
  if (!world) return null
  if (scene.reason) return <p className="readouts__hint">{scene.reason} Plan the sessions in the patient's Plan tab.</p>
  const range = timelineRange(scene.layers)
  const marks: TimelineMark[] = [
    ...scene.layers
      .filter((l) => l.session.status !== 'skipped')
      .map((l) => ({
        day: l.session.startsAt.slice(0, 10),
        label: `S${l.number}`,
        name: `Session ${l.number}`,
        kind: 'session' as const,
      })),
    ...touchUps
      .filter((t) => scene.zones.some((z) => t.zoneKey.endsWith(`:${z.zone.id}`)))
      .map((t) => ({ day: t.date, label: 'Touch-up', name: 'Suggested touch-up', kind: 'touch-up' as const })),
  ]
  return (
    <div className="simulation-panel">
      {range && day && (
        <FadeTimeline
          range={range}
          day={day}
          marks={marks}
          onChange={(next) => setViewDate(next === defaultDay(scene.layers) ? null : next)}
        />
      )}
      {day && <PlanSessionStack scene={scene} day={day} settings={world.settings} />}
      <label className="simulation-panel__tint">
        <input type="checkbox" checked={fresh} onChange={(event) => setFresh(event.currentTarget.checked)} />
        Fresh look on a session's day
      </label>
      <label className="simulation-panel__tint">
        <input
          type="checkbox"
          checked={props.tintZones}
          onChange={(event) => props.onTintZones(event.currentTarget.checked)}
        />
        Tint zones over the pigment
      </label>
      {pxPerMm && day && (
        <SimulationReadout
          scene={scene}
          renderer={renderer}
          plan={sessionDensities(draft, world.zones, world.settings)}
          draft={draft}
          pigments={world.pigments}
          zones={world.zones}
          day={day}
          settings={world.settings}
        />
      )}
    </div>
  )
}
