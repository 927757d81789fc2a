import { useEffect } from 'react'
import { usePlanActions } from './plan-context'

/** Fields whose own undo a key press belongs to: text, numbers and dates, not checkboxes or buttons. */
const TEXT_INPUT_TYPES = new Set(['text', 'number', 'search', 'email', 'tel', 'url', 'date', 'datetime-local', 'time'])

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type)
}

/**
 * Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z (or Ctrl+Y), and the Edit menu, undo and redo the plan while
 * its page is open; in a text field they are the field's own. A modal dialog keeps them to itself.
 */
export function usePlanKeys(enabled: boolean): void {
  const { undo, redo } = usePlanActions()
  useEffect(() => {
    if (!enabled) return
    const blocked = (target: EventTarget | null) =>
      isTextField(target) || document.querySelector('dialog[open]') !== null
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || blocked(event.target)) return
      const key = event.key.toLowerCase()
      if (key === 'z' && !event.shiftKey) undo()
      else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) redo()
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    const offMenu = window.stipple?.onAppCommand((command) => {
      if (blocked(document.activeElement)) return
      if (command === 'edit.undo') undo()
      if (command === 'edit.redo') redo()
    })
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      offMenu?.()
    }
  }, [enabled, undo, redo])
}
