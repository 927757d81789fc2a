import { localDateTime } from '../dates'

/**
 * Plan dates are local wall-clock strings, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`. They are turned
 * into milliseconds as if they were UTC so that a daylight-saving change never moves a session by
 * an hour or makes a day 23 hours long: only the calendar and the clock on the wall matter.
 */

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/
export const MS_PER_DAY = 86_400_000
export const DAYS_PER_YEAR = 365.25
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

const pad = (n: number) => String(n).padStart(2, '0')

/** Milliseconds of a wall-clock string on a clock without time zones; NaN when it is not one. */
export function wallClockMs(s: string): number {
  const match = WALL_CLOCK.exec(s)
  if (!match) return Number.NaN
  const [, y, m, d, hh = '0', mm = '0'] = match
  return Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh), Number(mm))
}

/** True when `s` is `YYYY-MM-DDTHH:MM` naming a minute that exists (no 31 April, no 24:00). */
export function isWallClockMinute(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s)) return false
  const ms = wallClockMs(s)
  return Number.isFinite(ms) && toWallClock(ms) === s
}

export function toWallClock(ms: number): string {
  const d = new Date(ms)
  return `${toDay(ms)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

export function toDay(ms: number): string {
  const d = new Date(ms)
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** The calendar day of a date or date-time string. */
export function dayOf(s: string): string {
  return s.slice(0, 10)
}

/** Moves a date or date-time by whole calendar days, keeping the time of day. */
export function addDays(s: string, days: number): string {
  const ms = wallClockMs(s) + days * MS_PER_DAY
  return s.length > 10 ? toWallClock(ms) : toDay(ms)
}

/** A day some months later; the 31st of a shorter month becomes its last day, as clinics count. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const first = Date.UTC(y, m - 1 + months, 1)
  const lastDay = new Date(Date.UTC(y, m + months, 0)).getUTCDate()
  return toDay(first + (Math.min(d, lastDay) - 1) * MS_PER_DAY)
}

/** Calendar days from a to b, ignoring the time of day: the next day is 1 even 20 hours later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((wallClockMs(dayOf(b)) - wallClockMs(dayOf(a))) / MS_PER_DAY)
}

/** "3 May 2025": unambiguous in every locale, unlike 03/05/2025. */
export function formatDay(s: string): string {
  const [y, m, d] = dayOf(s).split('-').map(Number) as [number, number, number]
  return `${d} ${MONTHS[m - 1]} ${y}`
}

/** "14 Mar 2026, 09:41" from a wall-clock `YYYY-MM-DDTHH:MM` (a photo's capture, a session's start), never shifted by time zone. */
export const formatDayTime = (wallClock: string): string => `${formatDay(wallClock)}, ${wallClock.slice(11, 16)}`

/** An instant (a backup, an audit entry) as "14 Mar 2026, 09:41" on this machine's clock. */
export const formatMoment = (iso: string): string => formatDayTime(localDateTime(new Date(iso)))
