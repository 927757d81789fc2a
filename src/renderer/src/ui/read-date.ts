import { toDay, wallClockMs } from '../../../shared/plan/plan-dates'

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

/** The month a word names ("Dec", "december", "sept"); three letters at least, so none is ambiguous. */
function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '')
  if (w.length < 3) return null
  const index = MONTH_NAMES.findIndex((name) => name.startsWith(w))
  return index < 0 ? null : index + 1
}

/** `YYYY-MM-DD` when the three parts name a day that exists (no 31 April), else null. */
function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return toDay(wallClockMs(iso)) === iso ? iso : null
}

/**
 * Reads a date as a clinic writes it, day first: "6 Dec 2026", "6 december 2026", "6/12/2026",
 * "06.12.2026", "6-12-2026", or ISO "2026-12-06". The year has four digits, so no part is
 * ever guessed. Null when the text is not one of these or names no real day.
 */
export function readDate(text: string): string | null {
  const t = text.trim().replace(/,/g, ' ')
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t)
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const numeric = /^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})$/.exec(t)
  if (numeric) return isoOf(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]))
  const worded = /^(\d{1,2})\s*[\s.\-/]\s*([A-Za-z]+\.?)\s*[\s.\-/]\s*(\d{4})$/.exec(t)
  if (worded) {
    const month = monthOf(worded[2] as string)
    return month ? isoOf(Number(worded[3]), month, Number(worded[1])) : null
  }
  return null
}

/**
 * Reads a time of day as `HH:MM`: "09:00", "9:00", "9.30", "930", "14h30", "2:30 pm". Null when
 * the text names no minute of a day.
 */
export function readTime(text: string): string | null {
  const match = /^(\d{1,2})(?:\s*[:.h]?\s*(\d{2}))?\s*([ap])?\.?\s*(?:m\.?)?$/i.exec(text.trim())
  if (!match) return null
  let hours = Number(match[1])
  const minutes = Number(match[2] ?? 0)
  const half = match[3]?.toLowerCase()
  if (half) {
    if (hours < 1 || hours > 12) return null
    hours = (hours % 12) + (half === 'p' ? 12 : 0)
  }
  if (hours > 23 || minutes > 59) return null
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`
}
