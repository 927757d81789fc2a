import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { renderWorkspace, TEN_PX_PER_MM } from './workspace'

type Workspace = Awaited<ReturnType<typeof renderWorkspace>>

const menu = () => page.getByRole('menu')
const toolbar = (w: Workspace) => w.screen.container.querySelector('.design-toolbar') as HTMLElement
const toolGroup = (w: Workspace) => w.screen.getByRole('group', { name: 'Tool', exact: true })
const tool = (w: Workspace, name: string) => toolGroup(w).getByRole('button', { name: new RegExp(`^${name} `) })

/** The workspace's width, as a window of that width would give it. */
function narrowTo(w: Workspace, width: number) {
  ;(w.screen.container.firstElementChild as HTMLElement).style.width = `${width}px`
}

describe('the design canvas’s context menu', () => {
  it('opens on a right-click with what can run now, performs one and closes', async () => {
    const w = await renderWorkspace({ calibration: TEN_PX_PER_MM })
    await userEvent.keyboard('p')
    await w.clickPhoto({ x: 300, y: 300 })
    await userEvent.click(page.elementLocator(w.holder), { button: 'right', position: { x: 40, y: 40 } })
    await expect.element(menu()).toBeVisible()
    const items = [...menu().element().querySelectorAll('[role^=menuitem]')].map((item) => item.textContent)
    expect(items.slice(0, 5)).toEqual([
      'UndoCtrl+Z',
      'DeleteDelete',
      'Select allCtrl+A',
      'Select next objectN',
      'SelectV',
    ])
    expect(items).not.toContain('RedoShift+Ctrl+Z')
    await expect.element(menu().getByRole('menuitemradio', { name: /^Pin/ })).toHaveAttribute('aria-checked', 'true')
    // Focus is on the first item; Undo takes the pin back.
    await expect.element(menu().getByRole('menuitem', { name: /^Undo/ })).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    await expect.element(menu()).not.toBeInTheDocument()
    await expect.element(w.screen.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled()
    await expect.poll(() => document.activeElement).toBe(w.holder)
  })

  it('opens from the keyboard (Shift+F10, the Menu key), moves by arrows and closes on Escape, focus back on the canvas', async () => {
    const w = await renderWorkspace()
    w.holder.focus()
    await userEvent.keyboard('{Shift>}{F10}{/Shift}')
    await expect.element(menu()).toBeVisible()
    const first = menu().getByRole('menuitem', { name: /^Select all/ })
    await expect.element(first).toHaveFocus()
    await userEvent.keyboard('{ArrowDown}')
    await expect.element(menu().getByRole('menuitemradio', { name: /^Select/ })).toHaveFocus()
    await userEvent.keyboard('{ArrowUp}{ArrowUp}')
    await expect.element(menu().getByRole('menuitemradio', { name: /^Calibrate/ })).toHaveFocus()
    await userEvent.keyboard('{Escape}')
    await expect.element(menu()).not.toBeInTheDocument()
    await expect.poll(() => document.activeElement).toBe(w.holder)
    // Escape in the menu was the menu's: the tool is still the one it was.
    await expect.element(tool(w, 'Select')).toHaveAttribute('aria-pressed', 'true')

    await userEvent.keyboard('{ContextMenu}')
    await expect.element(menu()).toBeVisible()
    await menu().getByRole('menuitemradio', { name: /^Zone/ }).click()
    await expect.element(tool(w, 'Zone')).toHaveAttribute('aria-pressed', 'true')
  })
})

describe('the design toolbar on a narrow window', () => {
  it('puts the zoom controls, then the last tools, into a More menu instead of wrapping, and brings them back when there is room', async () => {
    const w = await renderWorkspace()
    const more = toolGroup(w).getByRole('button', { name: /^More/ })
    const zoomIn = w.screen.getByRole('button', { name: 'Zoom in' })
    narrowTo(w, 1500)
    await expect.element(zoomIn).toBeVisible()
    await expect.element(tool(w, 'Calibrate')).toBeVisible()
    expect(w.screen.container.querySelector('[data-overflow-more]')).toBeNull()

    // Too narrow for the zoom controls: they give way first, every tool stays on the row.
    narrowTo(w, 1000)
    await expect.element(more).toBeVisible()
    await expect.element(zoomIn).not.toBeInTheDocument()
    await expect.element(tool(w, 'Calibrate')).toBeVisible()

    narrowTo(w, 560)
    await expect.element(tool(w, 'Calibrate')).not.toBeInTheDocument()
    const bar = toolbar(w)
    expect(bar.scrollWidth).toBeLessThanOrEqual(bar.clientWidth)
    // One row: every button's top lies above every button's bottom.
    const boxes = [...bar.querySelectorAll('button')].map((button) => button.getBoundingClientRect())
    expect(Math.max(...boxes.map((box) => box.top))).toBeLessThan(Math.min(...boxes.map((box) => box.bottom)))

    // The More menu: what was left off, the registry's own zoom actions too; Enter picks one and
    // the focus goes back to More.
    more.element().focus()
    await userEvent.keyboard('{Enter}')
    await expect.element(menu()).toBeVisible()
    await expect.element(menu().getByRole('menuitem', { name: /^Zoom in/ })).toBeVisible()
    await menu()
      .getByRole('menuitemradio', { name: /^Calibrate/ })
      .element()
      .focus()
    await userEvent.keyboard('{Enter}')
    await expect.element(menu()).not.toBeInTheDocument()
    await expect.poll(() => document.activeElement).toBe(more.element())
    await expect.element(more).toHaveAttribute('data-active', 'true')
    // Opened again, Escape closes it and the focus is back on More.
    await userEvent.keyboard('{Enter}')
    await expect
      .element(menu().getByRole('menuitemradio', { name: /^Calibrate/ }))
      .toHaveAttribute('aria-checked', 'true')
    await userEvent.keyboard('{Escape}')
    await expect.element(menu()).not.toBeInTheDocument()
    await expect.poll(() => document.activeElement).toBe(more.element())

    narrowTo(w, 1500)
    await expect.element(tool(w, 'Calibrate')).toBeVisible()
    await expect.element(zoomIn).toBeVisible()
    expect(w.screen.container.querySelector('[data-overflow-more]')).toBeNull()
  })
})
