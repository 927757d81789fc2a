import type { KeyPress } from '../../../shared/actions/key-press'

/** What the focused element is, as far as the one rule for "typing in a field" needs to know. */
export interface Focus {
  /** A text field (text, number or date input, text area, editable text): it keeps every key. */
  text: boolean
  /** A control that answers plain keys itself: a select's letters and arrows, an open menu. */
  plainKeys: boolean
  /** A control that answers Enter and Space itself: a button, a summary, a link, a checkbox. */
  pressable: boolean
  /** A control that answers the arrow keys itself: tabs, radios, sliders. */
  arrowed: boolean
  /** A modal dialog is open: the page behind it waits. */
  modal: boolean
}

export const NO_FOCUS: Focus = { text: false, plainKeys: false, pressable: false, arrowed: false, modal: false }

export interface KeyInput extends KeyPress {
  alt: boolean
}

const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'])

/**
 * The one rule: whether a key press is the focused element's own rather than an action's. A text
 * field keeps every key (its own undo and select-all); a control keeps the keys it answers
 * (Enter presses a button, arrows move between tabs); a modal dialog keeps every key from the
 * page behind it. Alt belongs to the system's menus and to pointer gestures, never to an action.
 */
export function focusKeeps(press: KeyInput, focus: Focus): boolean {
  if (press.alt || focus.text || focus.modal) return true
  if (focus.plainKeys && !press.mod) return true
  if ((press.key === 'Enter' || press.key === ' ') && focus.pressable) return true
  return ARROWS.has(press.key) && focus.arrowed
}
