import type { Rgb } from '../../../../shared/plan/fade'
import { rgbCss } from './fade-curve'

/**
 * A dot's colour as a chip. Decorative: the pigment's name and numbers say what it is. A
 * colour that cannot be made yet (a dilution being typed) shows as an empty chip.
 */
export function Swatch({ colour, size = 'm' }: { colour: Rgb; size?: 's' | 'm' }) {
  const css = rgbCss(colour)
  const valid = css !== 'none'
  return (
    <span
      className={`swatch swatch--${size}`}
      data-empty={valid ? undefined : true}
      style={valid ? { background: css } : undefined}
      aria-hidden="true"
    />
  )
}
