/**
 * Hairline heights are measured two ways. Clinics measure with a tape over the forehead: the
 * mid-frontal point "8 cm above the glabella" is 8 cm along the skin (Garg method, research.md
 * §5). A front photo shows the same height flat, shorter, because the forehead curves back. Over
 * a forehead of radius R seen from the front, a length s along the skin from the glabella shows as
 * R · sin(s / R) on the photo.
 */

/** The flat height on a front photo of a height measured with tape over the forehead, cm. */
export function tapeToFlatCm(tapeCm: number, radiusCm: number): number {
  if (radiusCm <= 0) return tapeCm
  return radiusCm * Math.sin(Math.min(tapeCm / radiusCm, Math.PI / 2))
}

/** The tape length over the forehead of a flat height read on a front photo, cm. */
export function flatToTapeCm(flatCm: number, radiusCm: number): number {
  if (radiusCm <= 0) return flatCm
  return radiusCm * Math.asin(Math.min(1, flatCm / radiusCm))
}
