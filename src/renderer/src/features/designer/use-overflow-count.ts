import { type RefObject, useLayoutEffect, useRef, useState } from 'react'

const SPARE_PX = 6

const widthWithGap = (element: Element | null | undefined, gap: number) =>
  element instanceof HTMLElement ? element.offsetWidth + gap : 0

/**
 * How many of a row's `count` items fit on one line, the rest going to a "More" menu: measured
 * before each paint, one item at a time, so the row never wraps nor leaves the window. Items are
 * the row's elements marked `data-overflow-item` (in order), the menu's button `data-overflow-more`.
 */
export function useOverflowCount(row: RefObject<HTMLElement | null>, count: number): number {
  // Counted from the end, so items registered after the first render start on the row.
  const [hidden, setHidden] = useState(0)
  const shown = Math.max(0, count - hidden)
  const [, setWidth] = useState(0)
  // Each item's width the last time it was on the row, to tell whether it fits back in.
  const widths = useRef<number[]>([])

  useLayoutEffect(() => {
    const element = row.current
    if (!element) return
    const observer = new ResizeObserver(() => setWidth(element.clientWidth))
    observer.observe(element)
    return () => observer.disconnect()
  }, [row])

  useLayoutEffect(() => {
    const element = row.current
    if (!element) return
    const items = element.querySelectorAll<HTMLElement>('[data-overflow-item]')
    items.forEach((item, index) => {
      widths.current[index] = item.offsetWidth
    })
    const style = getComputedStyle(element)
    const room = element.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight)
    if (element.scrollWidth > element.clientWidth + 0.5) {
      if (shown > 0) setHidden(count - shown + 1)
      return
    }
    if (hidden === 0) return
    const gap = Number.parseFloat(style.columnGap) || 0
    const used = [...element.children].reduce((sum, child) => sum + widthWithGap(child, gap), -gap)
    const next = widths.current[shown]
    // The last item back on the row takes the place of the More button.
    const freed = shown + 1 === count ? widthWithGap(element.querySelector('[data-overflow-more]'), gap) : 0
    // A few pixels spare, so rounding never brings back an item that then overflows again.
    if (next === undefined || used + next + gap - freed <= room - SPARE_PX) setHidden(count - shown - 1)
  })

  return shown
}
