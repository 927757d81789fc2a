import type { KeyboardEvent } from 'react'

/**
 * The ARIA tabs pattern's keys on a tab list: the arrow keys move to the previous or next tab
 * (wrapping round), Home and End to the first and last; the tab moved to is selected and
 * focused. Each tab's element id is `tabId(id)`.
 */
export function onTabListKey<Id extends string>(
  event: KeyboardEvent,
  tabs: readonly Id[],
  current: Id,
  select: (id: Id) => void,
  tabId: (id: Id) => string,
): void {
  const at = tabs.indexOf(current)
  const to =
    event.key === 'ArrowRight'
      ? (at + 1) % tabs.length
      : event.key === 'ArrowLeft'
        ? (at + tabs.length - 1) % tabs.length
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? tabs.length - 1
            : null
  const next = to === null ? undefined : tabs[to]
  if (next === undefined) return
  event.preventDefault()
  select(next)
  document.getElementById(tabId(next))?.focus()
}
