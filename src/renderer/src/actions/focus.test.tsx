import { afterEach, describe, expect, it } from 'vitest'
import { focusOf } from './focus'
import { NO_FOCUS } from './key-rule'

const made: HTMLElement[] = []
afterEach(() => {
  for (const element of made.splice(0)) element.remove()
})

/** Puts `html` in the page and returns the element marked `data-target`. */
function target(html: string): Element {
  const holder = document.createElement('div')
  holder.innerHTML = html
  document.body.append(holder)
  made.push(holder)
  return holder.querySelector('[data-target]') as Element
}

describe('what the focused element keeps, as the one rule reads it', () => {
  it('calls text, number and date inputs, text areas and editable text fields', () => {
    for (const html of [
      '<input data-target>',
      '<input type="number" data-target>',
      '<input type="date" data-target>',
      '<input type="search" data-target>',
      '<textarea data-target></textarea>',
      '<div contenteditable="true" data-target></div>',
    ])
      expect(focusOf(target(html)).text, html).toBe(true)
    for (const html of [
      '<input type="checkbox" data-target>',
      '<input type="range" data-target>',
      '<button data-target>',
    ])
      expect(focusOf(target(html)).text, html).toBe(false)
  })

  it('knows the controls that answer Enter and Space, arrows, or every plain key', () => {
    expect(focusOf(target('<button data-target>Undo</button>'))).toEqual({ ...NO_FOCUS, pressable: true })
    expect(focusOf(target('<details><summary data-target>Photo details</summary></details>')).pressable).toBe(true)
    expect(focusOf(target('<input type="checkbox" data-target>')).pressable).toBe(true)
    expect(focusOf(target('<div role="tablist"><button role="tab" data-target>Plan</button></div>'))).toEqual({
      ...NO_FOCUS,
      pressable: true,
      arrowed: true,
    })
    expect(focusOf(target('<input type="range" data-target>')).arrowed).toBe(true)
    expect(focusOf(target('<select data-target><option>a</option></select>')).plainKeys).toBe(true)
    expect(focusOf(target('<div role="menu"><button role="menuitem" data-target>Zone</button></div>')).plainKeys).toBe(
      true,
    )
    expect(focusOf(target('<div tabindex="0" role="application" data-target></div>'))).toEqual(NO_FOCUS)
    expect(focusOf(document.body)).toEqual(NO_FOCUS)
  })

  it('says when a modal dialog is open', () => {
    const dialog = target('<dialog data-target><button>Close</button></dialog>') as HTMLDialogElement
    dialog.showModal()
    expect(focusOf(document.body).modal).toBe(true)
    dialog.close()
    expect(focusOf(document.body).modal).toBe(false)
  })
})
