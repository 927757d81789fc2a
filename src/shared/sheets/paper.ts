/** The papers a design sheet prints on, with their size in mm as they stand in portrait. */
export const PAPER_SIZES = [
  { value: 'a4', label: 'A4', widthMm: 210, heightMm: 297 },
  { value: 'letter', label: 'US Letter', widthMm: 215.9, heightMm: 279.4 },
] as const
export type PaperSize = (typeof PAPER_SIZES)[number]['value']

export const ORIENTATIONS = [
  { value: 'portrait', label: 'Portrait' },
  { value: 'landscape', label: 'Landscape' },
] as const
export type Orientation = (typeof ORIENTATIONS)[number]['value']

export interface Page {
  paper: PaperSize
  orientation: Orientation
}

/** The sheet's width and height in mm as it is printed. */
export function pageSizeMm({ paper, orientation }: Page): { width: number; height: number } {
  const size = PAPER_SIZES.find((p) => p.value === paper) ?? PAPER_SIZES[0]
  return orientation === 'portrait'
    ? { width: size.widthMm, height: size.heightMm }
    : { width: size.heightMm, height: size.widthMm }
}

/** CSS pixels per mm: CSS fixes 96 px to the inch, and print keeps it. */
export const PX_PER_MM = 96 / 25.4
