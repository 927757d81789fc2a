import './actions.css'
import { type KeyboardEvent, type RefObject, useLayoutEffect, useRef, useState } from 'react'
import { type AppAction, isEnabled } from './action'

const menuItems = (menu: HTMLElement | null) => [...(menu?.querySelectorAll<HTMLElement>('[role^=menuitem]') ?? [])]

export interface MenuPosition {
  x: number
  y: number
}

/**
 * A WAI-ARIA menu of actions at a point of the window: the focus moves to its first item, the
 * arrow keys, Home and End move between items, Enter or Space performs one, Escape and Tab close
 * it. `onClose(restoreFocus)` says whether the focus should go back to where the menu came from
 * (not when a press elsewhere closed it).
 */
export function ActionMenu(props: {
  label: string
  actions: readonly AppAction[]
  at: MenuPosition
  /** The button that opened it, whose own click closes it again. */
  opener?: RefObject<HTMLElement | null>
  onClose(restoreFocus: boolean): void
}) {
  const { actions, at, opener, onClose } = props
  const menu = useRef<HTMLDivElement>(null)
  const [place, setPlace] = useState(at)

  // Kept inside the window, then the first item takes the focus.
  useLayoutEffect(() => {
    const element = menu.current
    if (!element) return
    const { width, height } = element.getBoundingClientRect()
    setPlace({
      x: Math.max(0, Math.min(at.x, window.innerWidth - width - 4)),
      y: Math.max(0, Math.min(at.y, window.innerHeight - height - 4)),
    })
    menuItems(element)[0]?.focus()
  }, [at])

  useLayoutEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node
      if (!menu.current?.contains(target) && !opener?.current?.contains(target)) onClose(false)
    }
    window.addEventListener('pointerdown', onPointerDown, true)
    return () => window.removeEventListener('pointerdown', onPointerDown, true)
  }, [onClose, opener])

  const onKeyDown = (event: KeyboardEvent) => {
    const list = menuItems(menu.current)
    const at = list.indexOf(document.activeElement as HTMLElement)
    const move = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }[event.key]
    // Every key is the menu's while it is open, so none reaches the page's actions behind it.
    event.stopPropagation()
    if (move !== undefined) {
      event.preventDefault()
      list[(move + list.length) % list.length]?.focus()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      onClose(true)
    } else if (event.key === 'Tab') {
      event.preventDefault()
      onClose(true)
    }
  }

  return (
    <div
      ref={menu}
      role="menu"
      aria-label={props.label}
      className="action-menu"
      style={{ left: place.x, top: place.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {actions.map((action) => {
        const checked = action.checked?.()
        const item = {
          type: 'button' as const,
          tabIndex: -1,
          'aria-disabled': !isEnabled(action) || undefined,
          className: 'action-menu__item',
          onClick: () => {
            if (!isEnabled(action)) return
            onClose(true)
            action.perform()
          },
          children: (
            <>
              <span className="action-menu__label">{action.label}</span>
              {action.shortcut && <kbd className="action-menu__key">{action.shortcut}</kbd>}
            </>
          ),
        }
        // A tool is one choice among others: a radio item that says whether it is the one chosen.
        return checked === undefined ? (
          <button key={action.id} role="menuitem" {...item} />
        ) : (
          <button key={action.id} role="menuitemradio" aria-checked={checked} {...item} />
        )
      })}
    </div>
  )
}
