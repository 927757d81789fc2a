import { useEffect } from 'react'
import { actionFor } from '../../editor/actions'
import type { Editor } from '../../editor/editor'
import { typingInto } from '../../ui/typing-into'

/** A control that answers Enter or Space itself: a button, a section's summary, a link. */
const PRESSABLE = 'button, a[href], summary, [role=button], [role=tab], [role=radio], [role=checkbox], [role=menuitem]'
/** A control that answers the arrow keys itself; a button does not, so arrows there still nudge. */
const ARROWED = 'select, [role=tab], [role=radio], [role=slider], [role=menuitem], [role=listbox]'
const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'])
const controlTakes = (event: KeyboardEvent) => {
  const target = event.target
  if (!(target instanceof Element)) return false
  if (event.key === 'Enter' || event.key === ' ') return target.closest(PRESSABLE) !== null
  return ARROWS.has(event.key) && target.closest(ARROWED) !== null
}

/**
 * The workspace's keys, from the actions registry: tools, undo/redo, delete, nudge, zoom.
 * Space held pans. Keys typed into a field are left to the field, so its own undo works there; Enter,
 * Space and the arrows on a focused control are the control's (Enter presses a button).
 */
export function useEditorKeys(editor: Editor | null): void {
  useEffect(() => {
    if (!editor) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (typingInto(event.target) || event.altKey) return
      if (controlTakes(event)) return
      if (event.key === ' ') {
        event.preventDefault()
        editor.setSpaceHeld(true)
        return
      }
      const press = { key: event.key, shift: event.shiftKey, mod: event.ctrlKey || event.metaKey }
      const action = actionFor(press)
      // A key whose action cannot run now (an arrow with nothing selected) keeps its usual job.
      if (!action || !(action.enabled?.(editor) ?? true)) return
      event.preventDefault()
      action.perform(editor, press)
    }
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ') editor.setSpaceHeld(false)
    }
    const onBlur = () => editor.setSpaceHeld(false)
    window.addEventListener('keydown', onKeyDown)
    window.addEventListener('keyup', onKeyUp)
    window.addEventListener('blur', onBlur)
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      window.removeEventListener('keyup', onKeyUp)
      window.removeEventListener('blur', onBlur)
    }
  }, [editor])
}
