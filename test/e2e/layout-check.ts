import type { Page } from '@playwright/test'

/**
 * What is wrong with the layout of the page as it is now, in words (empty when nothing is):
 * the page scrolls sideways; a control or heading leaves the window, is cut by a box that hides
 * its overflow, or lies under another element. Controls scrolled out of view inside a scrolling
 * box are fine: the user reaches them by scrolling.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const width = window.innerWidth
    const height = window.innerHeight
    const root = document.scrollingElement ?? document.documentElement
    if (root.scrollWidth > width + 1) problems.push(`the page scrolls sideways (${root.scrollWidth} px wide)`)

    const name = (el: Element) => {
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
      return `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}> "${text}"`
    }
    const scrolls = (style: CSSStyleDeclaration) => /auto|scroll/.test(style.overflowX + style.overflowY)
    const clips = (style: CSSStyleDeclaration) => style.overflowX !== 'visible' || style.overflowY !== 'visible'

    const selector =
      'button, a[href], input:not([type=hidden]), select, textarea, summary, [role=tab], h1, h2, h3, h4, [role=status]'
    // Under an open modal dialog the rest of the page is inert: the user reaches only the dialog.
    const modal = document.querySelector('dialog:modal')
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (el.closest('[hidden], [inert], dialog:not([open]), .visually-hidden')) continue
      if (modal && !modal.contains(el)) continue
      if (el.closest('.photo-canvas, .konvajs-content')) continue
      const style = getComputedStyle(el)
      if (style.visibility === 'hidden' || style.display === 'none') continue
      const rect = el.getBoundingClientRect()
      if (rect.width < 1 || rect.height < 1) continue
      // A text input's tiny file chooser and similar stand-ins are not what the user sees.
      if (el instanceof HTMLInputElement && el.type === 'file' && style.opacity === '0') continue

      // Seen through every box that clips it; out of a scrolling box's view is fine.
      let visible = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom }
      let scrolledAway = false
      for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
        const boxStyle = getComputedStyle(box)
        if (!clips(boxStyle)) continue
        const b = box.getBoundingClientRect()
        const cut =
          rect.left < b.left - 1 || rect.right > b.right + 1 || rect.top < b.top - 1 || rect.bottom > b.bottom + 1
        if (cut && scrolls(boxStyle)) {
          scrolledAway = true
          break
        }
        if (cut && !box.classList.contains('visually-hidden')) {
          problems.push(`${name(el)} is cut off by ${name(box).slice(0, 60)}`)
          scrolledAway = true
          break
        }
        visible = {
          left: Math.max(visible.left, b.left),
          top: Math.max(visible.top, b.top),
          right: Math.min(visible.right, b.right),
          bottom: Math.min(visible.bottom, b.bottom),
        }
      }
      if (scrolledAway) continue
      if (visible.right > width + 1 || visible.left < -1)
        problems.push(`${name(el)} leaves the window (${Math.round(visible.left)}–${Math.round(visible.right)} px)`)
      if (visible.bottom > height + 1 || visible.top < -1) continue
      // What is drawn at its middle and near its corners must be the element itself (or
      // something inside it): nothing lies over any part of it.
      const left = Math.max(visible.left, 0)
      const right = Math.min(visible.right, width)
      const upper = Math.max(visible.top, 0)
      const lower = Math.min(visible.bottom, height)
      const inset = Math.min(3, (right - left) / 4, (lower - upper) / 4)
      const points = [
        [(left + right) / 2, (upper + lower) / 2],
        [left + inset, upper + inset],
        [right - inset, upper + inset],
        [left + inset, lower - inset],
        [right - inset, lower - inset],
      ] as const
      for (const [x, y] of points) {
        const top = document.elementFromPoint(x, y)
        if (!top || top === el || el.contains(top) || top.contains(el)) continue
        if ((el as HTMLInputElement).labels?.[0]?.contains(top)) continue
        problems.push(`${name(el)} is under ${name(top)}`)
        break
      }
    }
    return [...new Set(problems)]
  })
}
