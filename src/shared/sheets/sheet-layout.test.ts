import { describe, expect, it } from 'vitest'
import { figureSize, sheetFrame } from './sheet-layout'

describe('the sheet’s layout', () => {
  it('leaves margins and a footer strip inside the paper', () => {
    expect(sheetFrame({ paper: 'a4', orientation: 'portrait' })).toEqual({
      orientation: 'portrait',
      page: { width: 210, height: 297 },
      content: { width: 182, height: 267 },
    })
    expect(sheetFrame({ paper: 'letter', orientation: 'landscape' }).page).toEqual({ width: 279.4, height: 215.9 })
  })

  it('prints a photo as wide as the content at 300 dpi, never taller than its share of the page', () => {
    const portrait = figureSize(sheetFrame({ paper: 'a4', orientation: 'portrait' }), { width: 1200, height: 900 })
    expect(portrait).toEqual({ widthMm: 182, heightMm: 136.5, widthPx: 2150, heightPx: 1612, sideLegend: false })
    // Landscape: 55% of the 180 mm content height, which leaves room for the legend at its side.
    const landscape = figureSize(sheetFrame({ paper: 'a4', orientation: 'landscape' }), { width: 1200, height: 900 })
    expect(landscape.heightMm).toBeCloseTo(99, 5)
    expect(landscape.widthMm).toBeCloseTo(132, 5)
    expect(landscape.sideLegend).toBe(true)
    const tall = figureSize(sheetFrame({ paper: 'a4', orientation: 'portrait' }), { width: 900, height: 3000 })
    expect(tall.heightMm).toBeCloseTo(160.2, 5)
    expect(Math.max(tall.widthPx, tall.heightPx)).toBeLessThanOrEqual(4096)
  })
})
