import { type CSSProperties, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { type MeasuredBlock, paginate, type SheetPage } from '../../../../shared/sheets/paginate'
import { PX_PER_MM } from '../../../../shared/sheets/paper'
import { sheetBlocks } from '../../../../shared/sheets/sheet-blocks'
import { BLOCK_GAP_MM, contentHeightPx, SHEET_MARGINS_MM, sheetFrame } from '../../../../shared/sheets/sheet-layout'
import { type BlockContext, SheetBlockView } from './SheetBlocks'
import './sheets.css'

const mm = (value: number) => `${value}mm`

/**
 * Every block at the content's width, out of sight, so the browser can say how tall each is
 * (and each row of the long ones) before they are placed on pages. Heights are read unscaled:
 * the preview scales the pages, and a bounding box would carry that scale.
 */
function measure(root: HTMLElement, ids: readonly string[]): MeasuredBlock[] {
  const shown = root.getBoundingClientRect().width
  const scale = shown > 0 && root.offsetWidth > 0 ? shown / root.offsetWidth : 1
  const heightOf = (element: Element) => element.getBoundingClientRect().height / scale
  return ids.map((id) => {
    const element = root.querySelector<HTMLElement>(`[data-block="${id}"]`)
    const height = element ? heightOf(element) : 0
    const rows = element ? [...element.querySelectorAll<HTMLElement>('[data-row]')] : []
    if (rows.length === 0) return { id, height }
    const heights = rows.map(heightOf)
    return { id, height, rows: { head: height - heights.reduce((a, b) => a + b, 0), heights } }
  })
}

/**
 * The design sheet at true paper size: measured, paginated by the shared `paginate`, and drawn
 * as one box per page in CSS mm. The app previews these very boxes and prints them (print CSS
 * hides everything else), so the preview is what prints. `onPages` hears the page count.
 */
export function SheetDocument({ context, onPages }: { context: BlockContext; onPages?(pages: number): void }) {
  const { model } = context
  const frame = sheetFrame(model.page)
  const blocks = useMemo(() => sheetBlocks(model), [model])
  const measurer = useRef<HTMLDivElement>(null)
  const [pages, setPages] = useState<SheetPage[] | null>(null)
  const { top, side, bottom, footer } = SHEET_MARGINS_MM
  const contentHeight = contentHeightPx(frame)

  // Measured before paint, so a changed choice never flashes pages laid out for the old one.
  useLayoutEffect(() => {
    const root = measurer.current
    if (!root) return
    // A pixel of slack: the print engine rounds each box to device pixels.
    const laidOut = paginate(
      measure(
        root,
        blocks.map((b) => b.id),
      ),
      { height: contentHeight - 1, gap: BLOCK_GAP_MM * PX_PER_MM },
    )
    setPages(laidOut)
    onPages?.(laidOut.length)
  }, [blocks, contentHeight, onPages])

  const byId = new Map(blocks.map((b) => [b.id, b]))
  const paperClass = `sheet-page--${model.page.paper}-${model.page.orientation}`
  const pageStyle: CSSProperties = { width: mm(frame.page.width), height: mm(frame.page.height) }
  const contentStyle: CSSProperties = {
    left: mm(side),
    top: mm(top),
    width: mm(frame.content.width),
    height: mm(frame.content.height),
    gap: mm(BLOCK_GAP_MM),
  }
  const footerStyle: CSSProperties = { left: mm(side), right: mm(side), bottom: mm(bottom), height: mm(footer) }

  return (
    <>
      <div
        ref={measurer}
        className="sheet-paper sheet-measure"
        style={{ width: mm(frame.content.width) }}
        aria-hidden="true"
      >
        {blocks.map((block) => (
          <SheetBlockView key={block.id} block={block} context={context} />
        ))}
      </div>
      {pages && (
        <div className="sheet-print" data-pages={pages.length}>
          {pages.map((page) => (
            <section
              key={page.number}
              className={`sheet-paper sheet-page ${paperClass}`}
              style={pageStyle}
              aria-label={`Page ${page.number} of ${pages.length}`}
            >
              <div className="sheet-page__content" style={contentStyle}>
                {page.placements.map((placement) => {
                  const block = byId.get(placement.id)
                  return block ? (
                    <SheetBlockView
                      key={`${placement.id}:${placement.rows?.from ?? 0}`}
                      block={block}
                      placement={placement}
                      context={context}
                    />
                  ) : null
                })}
              </div>
              <footer className="sheet-page__footer" style={footerStyle}>
                <span>
                  Design sheet · {model.patient.name} · {model.date}
                </span>
                <span>
                  Page {page.number} of {pages.length}
                </span>
              </footer>
            </section>
          ))}
        </div>
      )}
    </>
  )
}
