/** Real lengths a scale bar may show, mm: round figures a reader takes in at a glance. */
const LENGTHS_MM = [1, 2, 5, 10, 20, 50, 100, 200] as const

export interface ScaleBar {
  mm: number
  /** Its length in the photo's pixels. */
  px: number
  label: string
}

/**
 * The scale bar for a calibrated photo: the round length whose bar is nearest a fifth of the
 * photo's width, so it reads at any print size; null without a calibration.
 */
export function scaleBarFor(pxPerMm: number | null, imageWidthPx: number): ScaleBar | null {
  if (!pxPerMm || pxPerMm <= 0 || imageWidthPx <= 0) return null
  const target = imageWidthPx / 5
  let best: number = LENGTHS_MM[0]
  for (const mm of LENGTHS_MM) if (Math.abs(mm * pxPerMm - target) < Math.abs(best * pxPerMm - target)) best = mm
  return { mm: best, px: best * pxPerMm, label: best >= 10 ? `${best / 10} cm` : `${best} mm` }
}
