import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react'
import type { DesignDocument } from '../../../../shared/design/design-types'
import { pxPerMm } from '../../../../shared/photos/calibration'
import type { PhotoDetail } from '../../../../shared/photos/photo'
import { formatDay } from '../../../../shared/plan/plan-dates'
import type { PlanDraft } from '../../../../shared/plan/plan-types'
import { chronological } from '../../../../shared/plan/session-density'
import type { Editor } from '../../editor/editor'
import { usePlan } from '../plan/plan-context'
import { DotRenderer } from './dot-renderer'
import { defaultDay } from './FadeTimeline'
import { useSimulationLook } from './simulation-look'
import { buildScene, type SimulationScene, sceneStyles } from './simulation-scene'

/** Zone id → the sessions that treat it, as a person would name them ("Session 2 (5 Dec 2026)"). */
export function treatedZones(draft: PlanDraft, designId: string | null): Map<string, string> {
  const named = new Map<string, string[]>()
  chronological(draft.sessions).forEach((session, i) => {
    for (const t of session.treatments) {
      if (t.designId !== designId) continue
      named.set(t.zoneId, [...(named.get(t.zoneId) ?? []), `Session ${i + 1} (${formatDay(session.startsAt)})`])
    }
  })
  return new Map([...named].map(([zoneId, sessions]) => [zoneId, sessions.join(', ')]))
}

export interface PhotoSimulation {
  renderer: DotRenderer
  scene: SimulationScene
  /** The day the layers show. */
  day: string | null
}

/**
 * Keeps the dot worker in step with the plan and the live design: the scene is sent only when
 * the dots' data changes (an outline, a density, a needle), the styles whenever the look does
 * (the day, a layer's visibility or opacity), so scrubbing the timeline never re-samples.
 */
export function useSimulation(editor: Editor | null, photo: PhotoDetail): PhotoSimulation | null {
  const document = useSyncExternalStore(
    useCallback((onChange: () => void) => editor?.store.subscribe(onChange) ?? (() => {}), [editor]),
    (): DesignDocument | null => editor?.store.getState().document ?? null,
  )
  const world = usePlan((s) => s.world)
  const draft = usePlan((s) => s.draft)
  const viewDate = usePlan((s) => s.viewDate)
  const renderer = useMemo(
    () => new DotRenderer({ width: photo.width, height: photo.height }),
    [photo.width, photo.height],
  )
  useEffect(() => () => renderer.dispose(), [renderer])

  const scale = pxPerMm(photo.calibration)
  const designId = world?.designs.find((d) => d.photoId === photo.id)?.id ?? null
  const scene = useMemo(
    () =>
      world && document
        ? buildScene({ designId, document, pxPerMm: scale, draft, pigments: world.pigments, settings: world.settings })
        : null,
    [world, designId, document, scale, draft],
  )
  const day = viewDate ?? (scene ? defaultDay(scene.layers) : null)

  useEffect(() => {
    editor?.setTreatedZones(treatedZones(draft, designId))
  }, [editor, draft, designId])
  useEffect(() => {
    if (editor && world) editor.defaults = world.settings
  }, [editor, world])

  const sentScene = useRef<string | null>(null)
  useEffect(() => {
    if (!scene) return
    const key = JSON.stringify(scene.input)
    if (key === sentScene.current) return
    sentScene.current = key
    renderer.setScene(scene.input)
  }, [renderer, scene])

  const fresh = useSimulationLook((s) => s.fresh)
  useEffect(() => {
    if (!scene || !world || !day) return
    renderer.setStyles(sceneStyles(scene, day, world.settings, { fresh }))
  }, [renderer, scene, world, day, fresh])

  return scene ? { renderer, scene, day } : null
}
