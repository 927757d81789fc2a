import { type RefObject, useEffect } from 'react'

/**
 * Hands focus to a new view's heading (or first control) when it appears, if the control that
 * led here went away with the old view and left focus on the page itself: a keyboard user then
 * carries on from the top of what they opened. Focus that is somewhere on purpose (a tab, the
 * search box, the patient list) stays where it is. A view that shows a loading state first
 * passes `ready` once the target is on the page.
 */
export function useArrivalFocus(target: RefObject<HTMLElement | null>, ready = true): void {
  useEffect(() => {
    const active = document.activeElement
    if (ready && (active === null || active === document.body)) target.current?.focus()
  }, [target, ready])
}
