import { describe, expect, it } from 'vitest'
import { type MeasuredBlock, type PageFrame, paginate, type SheetPage } from './paginate'

const frame: PageFrame = { height: 400, gap: 10 }
const atomic = (id: string, height: number): MeasuredBlock => ({ id, height })
const table = (id: string, head: number, rows: number, rowHeight = 40): MeasuredBlock => ({
  id,
  height: head + rows * rowHeight,
  rows: { head, heights: Array(rows).fill(rowHeight) },
})

/** Height each page's placements take, gaps included, from the blocks they came from. */
function usedHeights(pages: SheetPage[], blocks: readonly MeasuredBlock[], gap = frame.gap): number[] {
  const byId = new Map(blocks.map((b) => [b.id, b]))
  return pages.map((page) =>
    page.placements.reduce((sum, p, i) => {
      const block = byId.get(p.id) as MeasuredBlock
      const height = p.rows
        ? (block.rows?.head ?? 0) + (block.rows?.heights.slice(p.rows.from, p.rows.to).reduce((a, b) => a + b, 0) ?? 0)
        : block.height * p.scale
      return sum + (i > 0 ? gap : 0) + height
    }, 0),
  )
}

const ids = (page: SheetPage | undefined) =>
  page?.placements.map((p) => (p.rows ? `${p.id}[${p.rows.from}-${p.rows.to})` : p.id))

describe('paginating a sheet', () => {
  it('keeps blocks that fit on one page, numbered', () => {
    const pages = paginate([atomic('header', 100), atomic('patient', 120), atomic('view', 150)], frame)
    expect(pages.map((p) => p.number)).toEqual([1])
    expect(ids(pages[0])).toEqual(['header', 'patient', 'view'])
  })

  it('moves a block that does not fit in what is left to the next page, whole', () => {
    const pages = paginate([atomic('header', 100), atomic('view', 320), atomic('estimate', 60)], frame)
    expect(pages.map(ids)).toEqual([['header'], ['view', 'estimate']])
  })

  it('breaks a long table between rows, repeating its head, every row once and in order', () => {
    const blocks = [atomic('header', 100), table('sessions', 30, 20)]
    const pages = paginate(blocks, frame)
    expect(pages.map(ids)).toEqual([['header', 'sessions[0-6)'], ['sessions[6-15)'], ['sessions[15-20)']])
    expect(pages.flatMap((p) => p.placements.map((x) => x.continued))).toEqual([false, false, true, true])
    expect(Math.max(...usedHeights(pages, blocks))).toBeLessThanOrEqual(frame.height)
  })

  it('does not start a table with one lonely row at the foot of a page', () => {
    // 400 − 300 − 10 − 30 leaves room for one 40-px row only.
    const pages = paginate([atomic('view', 300), table('sessions', 30, 5)], { ...frame, height: 390 })
    expect(pages.map(ids)).toEqual([['view'], ['sessions[0-5)']])
  })

  it('does not leave one row alone on the next page when it can take a companion with it', () => {
    // 400 − 30 holds 9 rows of 40: ten rows would leave one behind, so eight stay and two go.
    const pages = paginate([table('sessions', 30, 10)], frame)
    expect(pages.map(ids)).toEqual([['sessions[0-8)'], ['sessions[8-10)']])
  })

  it('gives a block taller than a page a page of its own, scaled to fit rather than clipped', () => {
    const pages = paginate([atomic('header', 100), atomic('huge', 800), atomic('consent', 100)], frame)
    expect(pages.map(ids)).toEqual([['header'], ['huge'], ['consent']])
    expect(pages[1]?.placements[0]?.scale).toBe(0.5)
  })

  it('never overfills a page and places every row of any mix of blocks exactly once', () => {
    let seed = 7
    const random = () => {
      seed = (seed * 16807) % 2147483647
      return seed / 2147483647
    }
    for (let run = 0; run < 200; run++) {
      const blocks: MeasuredBlock[] = Array.from({ length: 1 + Math.floor(random() * 8) }, (_, i) =>
        random() < 0.5
          ? atomic(`a${i}`, 20 + random() * 360)
          : {
              id: `t${i}`,
              height: 0,
              rows: {
                head: 20 + random() * 40,
                heights: Array.from({ length: Math.floor(random() * 30) }, () => 12 + random() * 50),
              },
            },
      )
      const pages = paginate(blocks, frame)
      expect(Math.max(...usedHeights(pages, blocks))).toBeLessThanOrEqual(frame.height + 1e-9)
      for (const block of blocks.filter((b) => b.rows && b.rows.heights.length > 0)) {
        const runs = pages.flatMap((p) => p.placements.filter((x) => x.id === block.id).map((x) => x.rows))
        expect(runs[0]?.from).toBe(0)
        for (let i = 1; i < runs.length; i++) expect(runs[i]?.from).toBe(runs[i - 1]?.to)
        expect(runs.at(-1)?.to).toBe(block.rows?.heights.length)
      }
      expect(pages.map((p) => p.number)).toEqual(pages.map((_, i) => i + 1))
    }
  })
})
