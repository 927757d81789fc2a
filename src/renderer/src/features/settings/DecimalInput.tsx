import { type InputHTMLAttributes, useState } from 'react'
import { AS_IS, formatNumber, type Scale, toShown, toStored } from './format-number'

type ControlProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>

type ValueProps =
  | { nullable?: false; value: number; onChange(value: number): void }
  /** Empty text means "none" (no longest gap). */
  | { nullable: true; value: number | null; onChange(value: number | null): void }

export type DecimalInputProps = ControlProps & ValueProps & { scale?: Scale }

const same = (a: number | null, b: number | null) => a === b || (Number.isNaN(a) && Number.isNaN(b))

/**
 * A number field over a stored value, shown scaled (a share as %). It keeps what is typed, so
 * "0." or an empty field is not rewritten under the cursor; what cannot be a number is stored
 * as NaN and main's validation says why. A value changed from outside (revert, defaults) shows.
 */
export function DecimalInput(props: DecimalInputProps) {
  const { nullable, value, onChange: _onChange, scale = AS_IS, className = 'input', ...control } = props
  const show = (v: number | null) => (v === null ? '' : formatNumber(toShown(v, scale)))
  const parse = (text: string): number | null =>
    text.trim() === '' ? (nullable ? null : Number.NaN) : toStored(Number(text), scale)

  const [text, setText] = useState(() => show(value))
  const [lastValue, setLastValue] = useState<number | null>(value)
  // Adjusting state to a new prop during render (not in an effect) avoids a frame of stale text.
  if (!same(value, lastValue)) {
    setLastValue(value)
    if (!same(parse(text), value)) setText(show(value))
  }

  return (
    <input
      {...control}
      className={className}
      type="number"
      inputMode="decimal"
      value={text}
      onChange={(event) => {
        const next = parse(event.target.value)
        setText(event.target.value)
        setLastValue(next)
        if (props.nullable) props.onChange(next)
        else props.onChange(next ?? Number.NaN)
      }}
    />
  )
}
