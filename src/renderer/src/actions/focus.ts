import type { Focus } from './key-rule'

/** Inputs that are pressed or chosen rather than typed into. */
const NOT_TYPED = new Set([
  'button',
  'submit',
  'reset',
  'checkbox',
  'radio',
  'range',
  'color',
  'file',
  'image',
  'hidden',
])
const PRESSABLE = [
  'button',
  'a[href]',
  'summary',
  'input[type=checkbox]',
  'input[type=radio]',
  'input[type=button]',
  'input[type=submit]',
  'input[type=reset]',
  'input[type=color]',
  'input[type=file]',
  '[role=button]',
  '[role=tab]',
  '[role=radio]',
  '[role=checkbox]',
  '[role=menuitem]',
  '[role=menuitemradio]',
].join(', ')
const ARROWED = '[role=tab], [role=radio], [role=slider], [role=listbox], input[type=radio], input[type=range]'
const PLAIN_KEYS = 'select, [role=menu]'

const isTextField = (element: Element) =>
  (element instanceof HTMLElement && element.isContentEditable) ||
  element instanceof HTMLTextAreaElement ||
  (element instanceof HTMLInputElement && !NOT_TYPED.has(element.type))

/** Describes the element a key press or menu command meets, for the rule in key-rule.ts. */
export function focusOf(target: EventTarget | null): Focus {
  const modal = document.querySelector('dialog:modal') !== null
  if (!(target instanceof Element)) return { text: false, plainKeys: false, pressable: false, arrowed: false, modal }
  return {
    text: isTextField(target),
    plainKeys: target.closest(PLAIN_KEYS) !== null,
    pressable: target.closest(PRESSABLE) !== null,
    arrowed: target.closest(ARROWED) !== null,
    modal,
  }
}
