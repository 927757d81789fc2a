import type { LayerDisplay } from '../../../../shared/plan/plan-types'
import type { ClinicalSettings } from '../../../../shared/settings/clinical-defaults'
import { SessionStack } from '../simulation/SessionStack'
import type { SceneLayer, SimulationScene } from '../simulation/simulation-scene'
import type { LayerDisplays } from './review-moments'

/**
 * The session layers with visibility and opacity for this review only: the plan keeps the
 * display the artist saved, so a clinician looking around never changes what the artist sees.
 */
export function ReviewSessionStack(props: {
  scene: SimulationScene
  day: string
  settings: ClinicalSettings
  displays: LayerDisplays
  onDisplay(sessionId: string, display: LayerDisplay): void
}) {
  const { displays, onDisplay } = props
  const displayOf = (layer: SceneLayer) => displays[layer.session.id] ?? layer.session.layer
  return (
    <SessionStack
      scene={props.scene}
      day={props.day}
      settings={props.settings}
      displayOf={displayOf}
      onVisible={(layer, visible) => onDisplay(layer.session.id, { ...displayOf(layer), visible })}
      onOpacity={(layer, opacity) => onDisplay(layer.session.id, { ...displayOf(layer), opacity })}
    />
  )
}
