import { useEffect, useState } from 'react'

interface NumberFieldProps {
  id: string
  value: number
  min: number
  max: number
  step: number
  onCommit(value: number): void
  /** Whole numbers only (minutes). */
  integer?: boolean
  onFocus?(): void
  className?: string
  'aria-label'?: string
  'aria-invalid'?: boolean
  'aria-describedby'?: string
}

/**
 * A number field that commits each valid number as it is typed; text that is not a number in
 * range is flagged, commits nothing, and gives way to the stored value when the field is left.
 */
export function NumberField({ value, min, max, step, integer, onCommit, className, ...rest }: NumberFieldProps) {
  const shown = String(value)
  const [text, setText] = useState(shown)
  useEffect(() => setText(shown), [shown])
  const parse = (s: string) => {
    const n = Number(s)
    return s.trim() !== '' && Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n)) ? n : null
  }
  const valid = parse(text) !== null
  return (
    <input
      {...rest}
      className={className ?? 'input'}
      type="number"
      inputMode="decimal"
      min={min}
      max={max}
      step={step}
      value={text}
      aria-invalid={rest['aria-invalid'] || !valid}
      title={valid ? undefined : `${integer ? 'A whole number b' : 'B'}etween ${min} and ${max}`}
      onChange={(event) => {
        setText(event.target.value)
        const next = parse(event.target.value)
        if (next !== null) onCommit(next)
      }}
      onBlur={() => setText(shown)}
    />
  )
}
