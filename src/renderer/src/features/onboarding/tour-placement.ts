/** A rectangle on screen, in CSS pixels from the window's top left. */
export interface Box {
  top: number
  left: number
  width: number
  height: number
}

/** The space between the card and what it points at, and the card and the window's edge. */
export const GAP = 12

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top))

/**
 * Where the tour's card goes: beside its target (below, above, right, left), else in a corner of
 * the window, always inside the window. The first place that covers neither the target nor any
 * of `keepClear` (the page's title) wins; when none is clear (a target filling the window), the
 * place that covers the title least, then the target least.
 */
export function placeCard(
  card: { width: number; height: number },
  view: { width: number; height: number },
  target: Box | null,
  keepClear: readonly Box[],
): { top: number; left: number } {
  const { width, height } = card
  const clampLeft = (x: number) => Math.min(Math.max(x, GAP), view.width - width - GAP)
  const clampTop = (y: number) => Math.min(Math.max(y, GAP), view.height - height - GAP)
  const beside = target
    ? [
        { top: target.top + target.height + GAP, left: clampLeft(target.left) },
        { top: target.top - GAP - height, left: clampLeft(target.left) },
        { top: clampTop(target.top), left: target.left + target.width + GAP },
        { top: clampTop(target.top), left: target.left - GAP - width },
      ]
    : []
  const corners = [
    { top: GAP * 2, left: view.width - width - GAP * 2 },
    { top: view.height - height - GAP, left: view.width - width - GAP },
    { top: view.height - height - GAP, left: GAP },
    { top: GAP, left: GAP },
  ]
  const inside = (p: { top: number; left: number }) =>
    p.top >= 0 && p.left >= 0 && p.top + height <= view.height && p.left + width <= view.width
  const places = [...beside, ...corners].filter(inside)
  if (places.length === 0) return { top: clampTop(GAP), left: clampLeft(GAP) }
  const cost = (p: { top: number; left: number }) => {
    const box = { ...p, width, height }
    const title = keepClear.reduce((sum, clear) => sum + overlap(box, clear), 0)
    return { title, target: target ? overlap(box, target) : 0 }
  }
  let best = places[0] as { top: number; left: number }
  let bestCost = cost(best)
  for (const place of places.slice(1)) {
    const c = cost(place)
    if (c.title < bestCost.title || (c.title === bestCost.title && c.target < bestCost.target)) {
      best = place
      bestCost = c
    }
  }
  return best
}
