import { useEffect, useState } from 'react'

interface NumberInputProps {
  id: string
  value: number
  min: number
  max: number
  step: number
  unit: string
  onCommit(value: number): void
}

/**
 * A number field that keeps what is typed until it is a valid number in range, then commits
 * it; out-of-range text is flagged and changes nothing.
 */
export function NumberInput({ id, value, min, max, step, unit, onCommit }: NumberInputProps) {
  const [text, setText] = useState(String(value))
  useEffect(() => setText(String(value)), [value])
  const parsed = Number(text)
  const valid = text.trim() !== '' && Number.isFinite(parsed) && parsed >= min && parsed <= max
  return (
    <span className="number-input">
      <input
        id={id}
        className="input"
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={text}
        aria-invalid={!valid}
        title={valid ? undefined : `Between ${min} and ${max} ${unit}`}
        onChange={(event) => {
          setText(event.target.value)
          const next = Number(event.target.value)
          if (event.target.value.trim() !== '' && Number.isFinite(next) && next >= min && next <= max) onCommit(next)
        }}
        onBlur={() => setText(String(value))}
      />
      <span className="number-input__unit">{unit}</span>
    </span>
  )
}
