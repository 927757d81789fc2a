import { focusOf } from '../actions/focus'

/**
 * True when a plain key press belongs to the focused field or control (a text field, a select,
 * an open menu), so a shortcut must leave it alone: the actions registry's rule, for a canvas
 * that has no editor (the review) and takes its zoom keys itself.
 */
export const typingInto = (target: EventTarget | null): boolean => {
  const focus = focusOf(target)
  return focus.text || focus.plainKeys
}
