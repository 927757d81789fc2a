/**
 * Colours of what is drawn over a photo. Saturated hues no skin or pigment has, so an overlay
 * is never mistaken for part of the photo; Konva needs values, not CSS variables.
 */
export const OVERLAY = {
  calibration: '#ffd60a',
  distance: '#32d2ff',
  area: '#ff4fd8',
  areaFill: 'rgba(255, 79, 216, 0.14)',
  draft: '#ffffff',
  labelBackground: 'rgba(20, 20, 22, 0.82)',
  labelText: '#f5f5f7',
  /** Screen pixels, whatever the zoom. */
  stroke: 2,
  handle: 4,
} as const
