import { useEffect, useMemo } from 'react'
import { createViewportStore, type ViewportStore } from '../../canvas/viewport-store'
import { viewActionFor } from '../../editor/actions'
import { typingInto } from '../../ui/typing-into'
import type { ReviewView } from './review-data'

/**
 * The one viewport every canvas of a review mode draws (the review edits nothing, so a drag
 * pans), with `+` `-` `0` `1` zooming it by the registry's view actions.
 */
export function useReviewCanvas(view: ReviewView): ViewportStore {
  const { width, height } = view.photo
  const canvas = useMemo(() => createViewportStore({ width, height }), [width, height])
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (typingInto(event.target) || event.altKey) return
      const action = viewActionFor({ key: event.key, shift: event.shiftKey, mod: event.ctrlKey || event.metaKey })
      if (!action) return
      event.preventDefault()
      action.performOn(canvas)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [canvas])
  return canvas
}
