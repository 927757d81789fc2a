import { useEffect, useMemo, useState } from 'react'
import { pxPerMm } from '../../../../shared/photos/calibration'
import { DotRenderer } from '../simulation/dot-renderer'
import { buildScene, type SimulationScene } from '../simulation/simulation-scene'
import type { ReviewData, ReviewView } from './review-data'
import { type LayerDisplays, type ReviewMoment, reviewStyles } from './review-moments'

/** The session layers of one view as the saved plan draws them: no editor, nothing written. */
export function useReviewScene(view: ReviewView, data: ReviewData): SimulationScene {
  const { photo, design } = view
  return useMemo(
    () =>
      buildScene({
        designId: design.id,
        document: design.document,
        pxPerMm: pxPerMm(photo.calibration),
        draft: data.plan,
        pigments: data.pigments,
        settings: data.settings,
      }),
    [design, photo.calibration, data.plan, data.pigments, data.settings],
  )
}

/**
 * A dot renderer (its own worker) showing a scene at one moment with the reviewer's display; a
 * null moment (a plan with no dated session on this view) draws no dots.
 * Made in an effect rather than a memo, so a remount (StrictMode, a mode switch) never keeps a
 * renderer whose worker was already stopped.
 */
export function useReviewRenderer(
  view: ReviewView,
  scene: SimulationScene,
  displays: LayerDisplays,
  moment: ReviewMoment | null,
  data: ReviewData,
): DotRenderer | null {
  const { width, height } = view.photo
  const [renderer, setRenderer] = useState<DotRenderer | null>(null)
  useEffect(() => {
    const made = new DotRenderer({ width, height })
    setRenderer(made)
    return () => {
      setRenderer(null)
      made.dispose()
    }
  }, [width, height])

  useEffect(() => {
    renderer?.setScene(scene.input)
  }, [renderer, scene])

  const styles = useMemo(
    () => moment && reviewStyles(scene, displays, moment, data.settings),
    [scene, displays, moment, data.settings],
  )
  useEffect(() => {
    if (renderer && styles) renderer.setStyles(styles)
  }, [renderer, styles])

  return renderer
}
