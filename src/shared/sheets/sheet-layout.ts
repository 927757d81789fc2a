import { type Page, PX_PER_MM, pageSizeMm } from './paper'

/** Where a page's blocks go, mm: the margins, and the strip at the foot that holds the page number. */
export const SHEET_MARGINS_MM = { top: 12, side: 14, bottom: 10, footer: 8 } as const
/** Space between two blocks, mm. */
export const BLOCK_GAP_MM = 5
/**
 * A view's photo takes at most this share of a page's height: room for its legend below it in
 * portrait, and for the header and patient above it on a landscape page's first view.
 */
const FIGURE_HEIGHT_SHARE = { portrait: 0.6, landscape: 0.55 } as const
/** Beside a photo narrower than the content by this much, the legend goes at its side. */
const SIDE_LEGEND_MM = 45
/** Print resolution of the photos on a sheet. */
export const SHEET_DPI = 300
/** No photo on a sheet is drawn larger than this on its long side, px (about 34 cm at 300 dpi). */
const MAX_FIGURE_PX = 4096

export interface SheetFrame {
  orientation: Page['orientation']
  page: { width: number; height: number }
  /** The box blocks are placed in, mm. */
  content: { width: number; height: number }
}

export function sheetFrame(page: Page): SheetFrame {
  const size = pageSizeMm(page)
  const { top, side, bottom, footer } = SHEET_MARGINS_MM
  return {
    orientation: page.orientation,
    page: size,
    content: { width: size.width - 2 * side, height: size.height - top - bottom - footer },
  }
}

/** The content box in CSS px, what the paginator fills. */
export const contentHeightPx = (frame: SheetFrame) => frame.content.height * PX_PER_MM

export interface FigureSize {
  widthMm: number
  heightMm: number
  widthPx: number
  heightPx: number
  /** The legend fits at the photo's side rather than under it. */
  sideLegend: boolean
}

/**
 * A view's photo on the page, mm, and the pixels to draw it with: as wide as the content allows,
 * no taller than its share of the page, at print resolution.
 */
export function figureSize(frame: SheetFrame, image: { width: number; height: number }): FigureSize {
  const aspect = image.height / image.width
  const share = FIGURE_HEIGHT_SHARE[frame.orientation]
  const widthMm = Math.min(frame.content.width, (frame.content.height * share) / aspect)
  const heightMm = widthMm * aspect
  const pxPerMm = SHEET_DPI / 25.4
  const fit = Math.min(1, MAX_FIGURE_PX / (Math.max(widthMm, heightMm) * pxPerMm))
  return {
    widthMm,
    heightMm,
    widthPx: Math.round(widthMm * pxPerMm * fit),
    heightPx: Math.round(heightMm * pxPerMm * fit),
    sideLegend: frame.content.width - widthMm >= SIDE_LEGEND_MM,
  }
}
