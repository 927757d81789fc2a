import { useEffect } from 'react'
import type { Point } from '../../../../shared/geometry/point'
import type { CanvasStore } from './canvas-store'
import type { DrawingTool, ToolId } from './measure-tool'

const TOOL_KEYS: Record<string, ToolId> = { h: 'hand', c: 'calibrate', m: 'distance', a: 'area' }

const typingInto = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/**
 * The photo view's keys: H, C, M, A pick tools; + and - step the zoom, 0 fits, 1 is 100 %;
 * space held pans; Enter closes an area, Backspace takes back a corner, Escape drops a draft.
 * Keys typed into a field are left alone.
 */
export function useCanvasKeys(store: CanvasStore, onDrawn: (tool: DrawingTool, points: Point[]) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (typingInto(event.target) || event.altKey) return
      const state = store.getState()
      const key = event.key.toLowerCase()
      const command = event.ctrlKey || event.metaKey
      if (event.key === ' ') {
        if (!(event.target instanceof HTMLButtonElement)) event.preventDefault()
        state.setSpaceHeld(true)
        return
      }
      if (command) return
      const tool = TOOL_KEYS[key]
      if (tool) state.setTool(tool)
      else if (key === '+' || key === '=') state.zoomStep(1)
      else if (key === '-' || key === '_') state.zoomStep(-1)
      else if (key === '0') state.fit()
      else if (key === '1') state.actualSize()
      else if (key === 'escape') state.toolEvent({ type: 'cancel' })
      else if (key === 'backspace') state.toolEvent({ type: 'undo-point' })
      else if (key === 'enter') {
        const done = state.toolEvent({ type: 'close' })
        if (done) onDrawn(done.tool, done.points)
      } else return
      event.preventDefault()
    }
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ') store.getState().setSpaceHeld(false)
    }
    const onBlur = () => store.getState().setSpaceHeld(false)
    window.addEventListener('keydown', onKeyDown)
    window.addEventListener('keyup', onKeyUp)
    window.addEventListener('blur', onBlur)
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      window.removeEventListener('keyup', onKeyUp)
      window.removeEventListener('blur', onBlur)
    }
  }, [store, onDrawn])
}
