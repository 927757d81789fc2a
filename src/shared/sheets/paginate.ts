/**
 * A block of the sheet as measured in the browser, in CSS px. An atomic block moves to the next
 * page whole; a block with rows (a table, a list) may break between them, its head (title and
 * column headings) printed again above the rows that continue on the next page.
 */
export interface MeasuredBlock {
  id: string
  height: number
  rows?: { head: number; heights: readonly number[] }
}

/** Where a block, or a run of its rows, goes on a page. */
export interface Placement {
  id: string
  /** Rows `from` (inclusive) to `to` (exclusive); absent for an atomic block. */
  rows?: { from: number; to: number }
  /** This part continues rows begun on an earlier page. */
  continued: boolean
  /** Below 1 only for an atomic block taller than a whole page, shrunk so nothing is clipped. */
  scale: number
}

export interface SheetPage {
  /** 1-based. */
  number: number
  placements: Placement[]
}

export interface PageFrame {
  /** Height available for blocks on every page, CSS px (the footer is outside it). */
  height: number
  /** Space between two blocks on one page. */
  gap: number
  /** Fewest rows to start a block with at the foot of a page; fewer move with it to the next. */
  minRows?: number
}

/**
 * Places measured blocks on pages in order, none overflowing its page: a block that does not fit
 * in what is left starts the next page, a block with rows fills the page and carries on over as
 * many pages as it needs (never leaving one row alone at either end when it can help it), and the
 * rare atomic block taller than a page gets a page to itself, scaled to fit. Pure, so the preview,
 * the print and the tests all get the same pages.
 */
export function paginate(blocks: readonly MeasuredBlock[], frame: PageFrame): SheetPage[] {
  const minRows = Math.max(1, frame.minRows ?? 2)
  const pages: Placement[][] = [[]]
  let used = 0
  const current = () => pages[pages.length - 1] as Placement[]
  const room = () => frame.height - (current().length === 0 ? 0 : used + frame.gap)
  const newPage = () => {
    pages.push([])
    used = 0
  }
  const place = (placement: Placement, height: number) => {
    used += (current().length === 0 ? 0 : frame.gap) + height
    current().push(placement)
  }

  for (const block of blocks) {
    const rows = block.rows
    if (!rows || rows.heights.length === 0) {
      if (block.height > room() && current().length > 0) newPage()
      const scale = block.height > frame.height ? frame.height / block.height : 1
      place({ id: block.id, continued: false, scale }, Math.min(block.height, frame.height))
      continue
    }
    const { head, heights } = rows
    let from = 0
    while (from < heights.length) {
      const available = room() - head
      let to = from
      let sum = 0
      while (to < heights.length && sum + (heights[to] as number) <= available) sum += heights[to++] as number
      const left = heights.length - from
      if (to - from < Math.min(minRows, left) && current().length > 0) {
        newPage()
        continue
      }
      // Rows are lines of text, never a page tall; should one be, it goes on a page of its own.
      if (to === from) sum += heights[to++] as number
      // Not one row left behind for the next page when this page can give it company.
      if (to < heights.length && heights.length - to === 1 && to - from > minRows) sum -= heights[--to] as number
      place({ id: block.id, rows: { from, to }, continued: from > 0, scale: 1 }, head + sum)
      from = to
      if (from < heights.length) newPage()
    }
  }
  return pages.filter((p, i) => p.length > 0 || i === 0).map((placements, i) => ({ number: i + 1, placements }))
}
