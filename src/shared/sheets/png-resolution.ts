/** Widest PNG a view is exported at: Chromium's canvases stay fast and within memory below it. */
export const MAX_PNG_SIDE = 8192

/** The sizes a single view can be exported at as a PNG. */
export const PNG_RESOLUTIONS = [
  { value: 'screen', label: 'Screen (1600 px)' },
  { value: 'photo', label: '1× photo size' },
  { value: 'double', label: '2× photo size' },
  { value: 'print', label: 'Print, 300 dpi at 18 cm wide' },
] as const
export type PngResolution = (typeof PNG_RESOLUTIONS)[number]['value']

/** 18 cm is the photo's width on an A4 sheet; at 300 dpi that is 2126 px. */
const PRINT_WIDTH_PX = Math.round((180 / 25.4) * 300)

/** The pixel size of a view's PNG: the photo's shape, scaled as chosen, never past `MAX_PNG_SIDE`. */
export function pngSize(
  resolution: PngResolution,
  photo: { width: number; height: number },
): { width: number; height: number } {
  const long = Math.max(photo.width, photo.height)
  const scale = {
    screen: 1600 / long,
    photo: 1,
    double: 2,
    print: PRINT_WIDTH_PX / photo.width,
  }[resolution]
  const capped = Math.min(scale, MAX_PNG_SIDE / long)
  return {
    width: Math.max(1, Math.round(photo.width * capped)),
    height: Math.max(1, Math.round(photo.height * capped)),
  }
}
