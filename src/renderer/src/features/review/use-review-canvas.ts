import { useEffect, useMemo } from 'react'
import { viewActionFor } from '../../editor/actions'
import { typingInto } from '../../ui/typing-into'
import { type CanvasStore, createCanvasStore } from '../canvas/canvas-store'
import type { ReviewView } from './review-data'

/**
 * The one canvas store every canvas of a review mode draws, with the hand tool since the review
 * edits nothing, and `+` `-` `0` `1` zooming it by the registry's view actions.
 */
export function useReviewCanvas(view: ReviewView): CanvasStore {
  const { width, height } = view.photo
  const canvas = useMemo(() => createCanvasStore({ width, height }, 'hand'), [width, height])
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
