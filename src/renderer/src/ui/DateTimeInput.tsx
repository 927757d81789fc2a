import { type FocusEventHandler, useState } from 'react'
import { isWallClockMinute } from '../../../shared/plan/plan-dates'
import { DateInput } from './DateInput'
import { readTime } from './read-date'

const MINUTES_PER_DAY = 24 * 60
const STEP_MINUTES = 15

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
const timeOf = (minutes: number) => {
  const m = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

/** A time of day on the 24-hour clock the app writes ("09:00"), whatever the system's locale. */
function TimeInput(props: {
  id: string
  value: string
  disabled?: boolean | undefined
  onChange(time: string): void
  onFocus?(): void
  onBlur?: FocusEventHandler<HTMLInputElement> | undefined
}) {
  const { value, onChange } = props
  const [text, setText] = useState(value)
  const [lastValue, setLastValue] = useState(value)
  if (value !== lastValue) {
    setLastValue(value)
    if (readTime(text) !== value) setText(value)
  }
  const unreadable = readTime(text) === null
  const take = (time: string) => {
    setLastValue(time)
    onChange(time)
  }
  return (
    <span className="date-input">
      <input
        id={props.id}
        className="input date-time-input__time"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        aria-label="Time"
        aria-invalid={unreadable}
        aria-describedby={`${props.id}-help`}
        placeholder="hh:mm"
        disabled={props.disabled}
        value={text}
        onFocus={props.onFocus}
        onChange={(event) => {
          setText(event.target.value)
          const time = readTime(event.target.value)
          if (time !== null) take(time)
        }}
        onBlur={(event) => {
          if (!unreadable) setText(value)
          props.onBlur?.(event)
        }}
        onKeyDown={(event) => {
          const time = readTime(text)
          if ((event.key !== 'ArrowUp' && event.key !== 'ArrowDown') || time === null) return
          event.preventDefault()
          const next = timeOf(minutesOf(time) + (event.key === 'ArrowUp' ? STEP_MINUTES : -STEP_MINUTES))
          setText(next)
          take(next)
        }}
      />
      <span id={`${props.id}-help`} className={unreadable ? 'field__error' : 'visually-hidden'}>
        {unreadable ? 'Not a time: write it as 09:00 or 14:30' : '24-hour clock, as 09:00 or 14:30'}
      </span>
    </span>
  )
}

export interface DateTimeInputProps {
  id: string
  /** `YYYY-MM-DDTHH:MM` on the wall clock, or '' for none. */
  value: string
  /** Each date and time the two fields name; '' when the date is emptied. */
  onChange(value: string): void
  onFocus?(): void
  onBlur?: FocusEventHandler<HTMLInputElement>
  disabled?: boolean
  'aria-invalid'?: boolean
  'aria-required'?: boolean
  'aria-describedby'?: string
}

/**
 * A date and a time, each written as the app writes them ("4 May 2026", "09:00"): the date takes
 * the field's label, the time is named "Time". A whole stamp typed or pasted into the date
 * (`2026-05-04T15:00`) sets both.
 */
export function DateTimeInput(props: DateTimeInputProps) {
  const { id, value, onChange, onFocus, onBlur, ...control } = props
  const day = value.slice(0, 10)
  const time = value.slice(11, 16) || '09:00'
  return (
    <span className="date-time-input">
      <DateInput
        {...control}
        id={id}
        value={day}
        onFocus={onFocus}
        onBlur={onBlur}
        onChange={(next) => onChange(next ? `${next}T${time}` : '')}
        readStamp={(text) => {
          const stamp = text.trim()
          if (!isWallClockMinute(stamp)) return null
          onChange(stamp)
          return stamp.slice(0, 10)
        }}
      />
      <TimeInput
        id={`${id}-time`}
        value={time}
        disabled={control.disabled}
        onFocus={onFocus}
        onBlur={onBlur}
        onChange={(next) => {
          if (day) onChange(`${day}T${next}`)
        }}
      />
    </span>
  )
}
