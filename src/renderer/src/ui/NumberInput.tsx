import { type InputHTMLAttributes, useState } from 'react'
import { AS_IS, formatNumber, type Scale, toShown, toStored } from './format'

type ControlProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'min' | 'max' | 'step'>

/**
 * How a value comes back. `onCommit`: each number in range as it is typed; other text is flagged
 * here, commits nothing, and gives way to the stored value when the field is left. `onChange`:
 * every edit, NaN for what is not a number (empty is null when `nullable`), so the store's
 * validation says why beside the field (Settings).
 */
type ValueProps =
  | { value: number; onCommit(value: number): void; onChange?: never; nullable?: never }
  | { value: number; onChange(value: number): void; onCommit?: never; nullable?: false }
  /** Empty text means "none" (no longest gap). */
  | { value: number | null; onChange(value: number | null): void; onCommit?: never; nullable: true }

export type NumberInputProps = ControlProps &
  ValueProps & {
    min?: number | undefined
    max?: number | undefined
    step?: number | undefined
    /** Whole numbers only (minutes, days). */
    integer?: boolean
    /** Shown after the field ("mm", "per cm²"). */
    unit?: string
    /** How the stored value is shown: a share (0.6) as a percentage (60). */
    scale?: Scale
  }

const same = (a: number | null, b: number | null) => a === b || (Number.isNaN(a) && Number.isNaN(b))

/**
 * The one number field: arrow keys step it, it keeps what is typed (so "0." or an empty field is
 * not rewritten under the cursor), and a value changed from outside (undo, defaults) shows.
 */
export function NumberInput(props: NumberInputProps) {
  const {
    value,
    onCommit,
    onChange,
    nullable,
    min,
    max,
    step,
    integer,
    unit,
    scale = AS_IS,
    className = 'input',
    onBlur,
    ...control
  } = props
  const show = (v: number | null) => (v === null ? '' : formatNumber(toShown(v, scale)))
  const read = (text: string): number | null =>
    text.trim() === '' ? (nullable ? null : Number.NaN) : toStored(Number(text), scale)
  const inRange = (n: number | null): n is number =>
    n !== null &&
    Number.isFinite(n) &&
    (min === undefined || n >= min) &&
    (max === undefined || n <= max) &&
    (!integer || Number.isInteger(n))

  const [text, setText] = useState(() => show(value))
  const [lastValue, setLastValue] = useState<number | null>(value)
  // Adjusting state to a new prop during render (not in an effect) avoids a frame of stale text.
  if (!same(value, lastValue)) {
    setLastValue(value)
    if (!same(read(text), value)) setText(show(value))
  }

  const checksHere = onCommit !== undefined
  const valid = !checksHere || inRange(read(text))
  const range = `${integer ? 'A whole number b' : 'B'}etween ${min} and ${max}${unit ? ` ${unit}` : ''}`
  const input = (
    <input
      {...control}
      className={className}
      type="number"
      inputMode="decimal"
      min={min}
      max={max}
      step={step}
      value={text}
      aria-invalid={Boolean(control['aria-invalid']) || !valid}
      title={valid ? control.title : range}
      onChange={(event) => {
        const next = read(event.target.value)
        setText(event.target.value)
        if (checksHere) {
          if (inRange(next)) {
            setLastValue(next)
            onCommit(next)
          }
          return
        }
        setLastValue(next)
        if (props.nullable) props.onChange(next)
        else props.onChange?.(next ?? Number.NaN)
      }}
      onBlur={(event) => {
        if (checksHere) setText(show(value))
        onBlur?.(event)
      }}
    />
  )
  if (!unit) return input
  return (
    <span className="number-input">
      {input}
      <span className="number-input__unit">{unit}</span>
    </span>
  )
}
