import type { ClinicalSettings } from '../../../../shared/settings/clinical-defaults'
import { usePlanActions } from '../plan/plan-context'
import { SessionStack } from './SessionStack'
import type { SimulationScene } from './simulation-scene'

/** The session stack over this photo. Visibility and opacity are part of the plan, so they are undoable and come back with it. */
export function PlanSessionStack({
  scene,
  day,
  settings,
}: {
  scene: SimulationScene
  day: string
  settings: ClinicalSettings
}) {
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
    <SessionStack
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
