import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { DateInput } from '../../src/renderer/src/ui/DateInput'
import { DateTimeInput } from '../../src/renderer/src/ui/DateTimeInput'
import { Field } from '../../src/renderer/src/ui/Field'
import { readDate, readTime } from '../../src/renderer/src/ui/read-date'
import '../../src/renderer/src/ui/tokens.css'
import '../../src/renderer/src/ui/base.css'
import '../../src/renderer/src/app/app.css'

/** A lot-expiry field as the plan's session card has it; `stored` is every value handed back. */
function renderDate(initial = '') {
  const stored: string[] = []
  function Harness() {
    const [value, setValue] = useState(initial)
    return (
      <form style={{ width: 320, padding: 16 }}>
        <Field id="expires" label="Lot expires">
          {(control) => (
            <DateInput
              {...control}
              value={value}
              onChange={(next) => {
                stored.push(next)
                setValue(next)
              }}
            />
          )}
        </Field>
        <button type="button">Elsewhere</button>
      </form>
    )
  }
  const screen = render(<Harness />)
  return { screen, stored, field: page.getByRole('textbox', { name: 'Lot expires' }) }
}

describe('readDate', () => {
  it('reads a day first, in words, in numbers or as ISO, and nothing it would have to guess', () => {
    for (const text of [
      '6 Dec 2026',
      '6 december 2026',
      '06 DEC. 2026',
      '6/12/2026',
      '06.12.2026',
      '6-12-2026',
      '2026-12-06',
    ])
      expect(readDate(text), text).toBe('2026-12-06')
    expect(readDate('12/6/2026')).toBe('2026-06-12')
    expect(readDate('29 Feb 2028')).toBe('2028-02-29')
    for (const text of ['31/4/2026', '29 Feb 2027', '6/12/26', 'Dec 6 2026', '6 De 2026', '13/13/2026', 'tomorrow', ''])
      expect(readDate(text), text).toBeNull()
  })
})

describe('readTime', () => {
  it('reads a time of day on the 24-hour clock, or with am/pm', () => {
    for (const [text, time] of [
      ['09:00', '09:00'],
      ['9:00', '09:00'],
      ['9', '09:00'],
      ['9.30', '09:30'],
      ['930', '09:30'],
      ['14h30', '14:30'],
      ['2:30 pm', '14:30'],
      ['12 am', '00:00'],
      ['12pm', '12:00'],
    ])
      expect(readTime(text as string), text).toBe(time)
    for (const text of ['24:00', '9:60', '13 pm', 'noon', '']) expect(readTime(text), text).toBeNull()
  })
})

describe('DateTimeInput', () => {
  function renderStart(initial: string) {
    const stored: string[] = []
    function Harness() {
      const [value, setValue] = useState(initial)
      return (
        <Field id="starts" label="Starts">
          {(control) => (
            <DateTimeInput
              {...control}
              value={value}
              onChange={(next) => {
                stored.push(next)
                setValue(next)
              }}
            />
          )}
        </Field>
      )
    }
    render(<Harness />)
    return {
      stored,
      date: page.getByRole('textbox', { name: 'Starts' }),
      time: page.getByRole('textbox', { name: 'Time' }),
    }
  }

  it('shows the day and the 24-hour time as the app writes them, and stores a wall-clock stamp', async () => {
    const { stored, date, time } = renderStart('2026-05-04T09:00')
    await expect.element(date).toHaveValue('4 May 2026')
    await expect.element(time).toHaveValue('09:00')
    await date.fill('5/5/2026')
    await time.fill('2:30 pm')
    expect(stored).toEqual(['2026-05-05T09:00', '2026-05-05T14:30'])
    await userEvent.tab()
    await expect.element(time).toHaveValue('14:30')
  })

  it('takes a whole stamp pasted into the date, and steps the time by a quarter hour', async () => {
    const { stored, date, time } = renderStart('2026-05-04T09:00')
    await date.fill('2026-06-01T15:00')
    await expect.element(date).toHaveValue('1 Jun 2026')
    await expect.element(time).toHaveValue('15:00')
    await time.click()
    await userEvent.keyboard('{ArrowUp}')
    expect(stored).toEqual(['2026-06-01T15:00', '2026-06-01T15:15'])
  })
})

describe('DateInput', () => {
  it('shows a stored day in the clinic’s order, day month year, whatever the system locale', async () => {
    const { field } = renderDate('2026-12-06')
    await expect.element(field).toHaveValue('6 Dec 2026')
    await expect.element(field).toHaveAccessibleDescription('Day, month, year: 6 Dec 2026 or 6/12/2026')
  })

  it('stores what is typed day first as ISO, and writes it out when the field is left', async () => {
    const { stored, field } = renderDate()
    await field.fill('6/12/2026')
    expect(stored.at(-1)).toBe('2026-12-06')
    await page.getByRole('button', { name: 'Elsewhere' }).click()
    await expect.element(field).toHaveValue('6 Dec 2026')

    await field.fill('14 march 2027')
    expect(stored.at(-1)).toBe('2027-03-14')
    await field.fill('')
    expect(stored.at(-1)).toBe('')
  })

  it('flags text that names no day, says how to write one, and keeps the stored day', async () => {
    const { stored, field } = renderDate('2026-04-30')
    await field.fill('31/4/2026')
    await expect.element(field).toHaveAttribute('aria-invalid', 'true')
    await expect
      .element(field)
      .toHaveAccessibleDescription('Not a date: write it day first, as 6 Dec 2026 or 6/12/2026')
    expect(stored).toEqual([])
    await page.getByRole('button', { name: 'Elsewhere' }).click()
    await expect.element(field).toHaveValue('31/4/2026')

    await field.fill('30/4/2026')
    await expect.element(field).toHaveAttribute('aria-invalid', 'false')
    expect(stored).toEqual(['2026-04-30'])
  })

  it('steps a day with the arrow keys', async () => {
    const { stored, field } = renderDate('2026-12-31')
    await field.click()
    await userEvent.keyboard('{ArrowUp}')
    await expect.element(field).toHaveValue('1 Jan 2027')
    await userEvent.keyboard('{ArrowDown}{ArrowDown}')
    await expect.element(field).toHaveValue('30 Dec 2026')
    expect(stored).toEqual(['2027-01-01', '2026-12-31', '2026-12-30'])
  })

  it('is reached and filled by keyboard alone, the calendar button left out of the tab order', async () => {
    const { stored, field } = renderDate()
    await userEvent.tab()
    await expect.element(field).toHaveFocus()
    await userEvent.keyboard('1 May 2026')
    await userEvent.tab()
    await expect.element(page.getByRole('button', { name: 'Elsewhere' })).toHaveFocus()
    expect(stored.at(-1)).toBe('2026-05-01')
    await expect.element(field).toHaveValue('1 May 2026')
    await page.screenshot({ path: '../../test-results/browser/date-input.png' })
  })
})
