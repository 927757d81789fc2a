import { type InputHTMLAttributes, useRef, useState } from 'react'
import { addDays } from '../../../shared/plan/plan-dates'
import { formatDay } from './format'
import { Icon } from './icons'
import { readDate } from './read-date'

type ControlProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'min' | 'max'>

export type DateInputProps = ControlProps & {
  /** `YYYY-MM-DD`, or '' for none. */
  value: string
  /** Each day the text names, as `YYYY-MM-DD`; '' when the field is emptied. */
  onChange(value: string): void
  /** The last day the calendar offers (a date of birth: today); the form's validation says why a later one is refused. */
  max?: string
  /**
   * A date and time typed or pasted whole (`2026-05-04T15:00`), for a date-and-time field to take;
   * answers the day it names, or null when the text is not one.
   */
  readStamp?(text: string): string | null
}

const FORMAT_HELP = 'Day, month, year: 6 Dec 2026 or 6/12/2026'
const NOT_A_DATE = 'Not a date: write it day first, as 6 Dec 2026 or 6/12/2026'

/**
 * A date written day first, as the app writes dates ("6 Dec 2026"), whatever the computer's
 * locale: a native date field would show 12/06/2026 to an en-US system. Typed text is read as
 * it is typed (day first, or ISO); text that names no day is flagged and changes nothing. The
 * arrow keys step a day; the calendar button opens the system's date picker.
 */
export function DateInput(props: DateInputProps) {
  const { value, onChange, max, readStamp, className = 'input', onBlur, onKeyDown, ...control } = props
  const id = control.id ?? 'date'
  const show = (iso: string) => (iso ? formatDay(iso) : '')
  const [text, setText] = useState(() => show(value))
  const [lastValue, setLastValue] = useState(value)
  // A day changed from outside (undo, a picked date) shows; typed text naming the same day stays.
  if (value !== lastValue) {
    setLastValue(value)
    if ((readDate(text) ?? '') !== value) setText(show(value))
  }
  const picker = useRef<HTMLInputElement>(null)
  const openPicker = () => {
    try {
      picker.current?.showPicker()
    } catch {
      // No picker without a user gesture or in a locked-down browser: typing still works.
    }
  }

  const unreadable = text.trim() !== '' && readDate(text) === null
  const take = (next: string) => {
    setLastValue(next)
    onChange(next)
  }
  // The format help is read out when nothing else describes the field; the "not a date" message always.
  const own = control['aria-describedby']
  const describedBy = own ? (unreadable ? `${own} ${id}-format` : own) : `${id}-format`

  return (
    <span className="date-input">
      <span className="date-input__row">
        <input
          {...control}
          className={className}
          type="text"
          autoComplete="off"
          spellCheck={false}
          placeholder="d Mmm yyyy"
          value={text}
          aria-invalid={Boolean(control['aria-invalid']) || unreadable}
          aria-describedby={describedBy}
          onChange={(event) => {
            const next = event.target.value
            setText(next)
            const stamped = readStamp?.(next) ?? null
            if (stamped !== null) {
              setText(show(stamped))
              setLastValue(stamped)
            } else if (next.trim() === '') take('')
            else {
              const day = readDate(next)
              if (day !== null) take(day)
            }
          }}
          onBlur={(event) => {
            if (!unreadable) setText(show(value))
            onBlur?.(event)
          }}
          onKeyDown={(event) => {
            const day = readDate(text)
            if (event.key === 'ArrowDown' && event.altKey) openPicker()
            else if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && day && !control.readOnly) {
              event.preventDefault()
              const next = addDays(day, event.key === 'ArrowUp' ? 1 : -1)
              setText(show(next))
              take(next)
            }
            onKeyDown?.(event)
          }}
        />
        <button
          type="button"
          className="button button--ghost button--icon date-input__calendar"
          aria-label="Choose on a calendar"
          title="Choose on a calendar"
          tabIndex={-1}
          disabled={control.disabled || control.readOnly}
          onClick={openPicker}
        >
          <Icon name="calendar" />
        </button>
        <input
          ref={picker}
          className="visually-hidden"
          type="date"
          max={max}
          tabIndex={-1}
          aria-hidden="true"
          value={value}
          onChange={(event) => {
            setText(show(event.target.value))
            take(event.target.value)
          }}
        />
      </span>
      <span id={`${id}-format`} className={unreadable ? 'field__error' : 'visually-hidden'}>
        {unreadable ? NOT_A_DATE : FORMAT_HELP}
      </span>
    </span>
  )
}
