import type { Design } from '../../../../shared/design/design-types'
import type { Pigment, PlanDraft } from '../../../../shared/plan/plan-types'
import type { ClinicalSettings } from '../../../../shared/settings/clinical-defaults'
import type { SheetView } from '../../../../shared/sheets/sheet-view'
import type { BridgeClient } from '../../bridge/bridge-client'
import type { Size } from '../../canvas/viewport'
import { buildScene, sceneStyles } from '../simulation/simulation-scene'
import type { ViewRenderRequest } from './render-view'

export interface PlanWorldPart {
  draft: PlanDraft
  pigments: readonly Pigment[]
  settings: ClinicalSettings
}

/**
 * The layers a view shows on a sheet: the whole plan's scene, so every dot lands where the
 * canvas puts it, with only the chosen sessions visible, at full opacity, on the view's day.
 */
export function sheetPigment(view: SheetView, design: Design, chosen: ReadonlySet<string>, plan: PlanWorldPart) {
  if (!view.day || !view.pxPerMm) return null
  const draft: PlanDraft = {
    ...plan.draft,
    sessions: plan.draft.sessions.map((s) => ({ ...s, layer: { visible: chosen.has(s.id), opacity: 1 } })),
  }
  const scene = buildScene({
    designId: design.id,
    document: design.document,
    pxPerMm: view.pxPerMm,
    draft,
    pigments: plan.pigments,
    settings: plan.settings,
  })
  return scene.input ? { input: scene.input, styles: sceneStyles(scene, view.day, plan.settings) } : null
}

/** What to draw for a view at a size; `overlayWidth` sizes its lines and labels. */
export function viewRequest(
  bridge: BridgeClient,
  view: SheetView,
  design: Design,
  pigment: ViewRenderRequest['pigment'],
  output: Size,
  overlayWidth: number,
): ViewRenderRequest {
  return {
    photoUrl: bridge.photoUrl(view.photo.sha256, 'working'),
    image: { width: view.photo.width, height: view.photo.height },
    document: design.document,
    pxPerMm: view.pxPerMm,
    scaleBar: view.scaleBar,
    pigment,
    output,
    overlayWidth,
  }
}

/** Two requests with the same key draw the same picture. */
export function requestKey(request: ViewRenderRequest): string {
  return JSON.stringify(request, (_, value) => (value instanceof Float32Array ? Array.from(value) : value))
}
