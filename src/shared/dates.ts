const pad = (n: number) => String(n).padStart(2, '0')

/** Local calendar date as `YYYY-MM-DD`: a birth date is a date on the practitioner's calendar. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** True when `YYYY-MM-DD` names a day that exists (no 31 April, no 29 February in 2023). */
export function isCalendarDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** Whole years between a birth date and a day, both `YYYY-MM-DD`. */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number]
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0)
}

/** Local wall-clock time as `YYYY-MM-DDTHH:MM`, the form a session's start is kept in. */
export function localDateTime(now = new Date()): string {
  return `${localToday(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}`
}

/** The local calendar date of an ISO timestamp (a record's `createdAt`). */
export function localDateOf(iso: string): string {
  return localToday(new Date(iso))
}
