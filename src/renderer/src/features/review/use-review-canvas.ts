import { useMemo } from 'react'
import { useRegisterActions } from '../../actions/ActionsProvider'
import type { Registration } from '../../actions/action'
import { createViewportStore, type ViewportStore } from '../../canvas/viewport-store'
import { VIEW_ACTIONS } from '../../editor/actions'
import type { ReviewView } from './review-data'

/**
 * The one viewport every canvas of a review mode draws (the review edits nothing, so a drag
 * pans), with `+` `-` `0` `1` zooming it: the registry's view actions, registered for the review
 * so keys reach them through the app's one dispatcher and its rule for typing in a field.
 */
export function useReviewCanvas(view: ReviewView): ViewportStore {
  const { width, height } = view.photo
  const canvas = useMemo(() => createViewportStore({ width, height }), [width, height])
  const zoomKeys = useMemo<Registration>(
    () => ({
      actions: VIEW_ACTIONS.map((action) => ({
        id: action.id,
        label: action.label,
        shortcut: action.shortcut,
        keyTest: action.keyTest,
        perform: () => action.performOn(canvas),
        scope: 'review',
      })),
    }),
    [canvas],
  )
  useRegisterActions(zoomKeys)
  return canvas
}
