import { ageOn, localToday } from '../../../../shared/dates'

/** "14 Mar 1981 (44)": the date spelled out so day and month cannot be confused across locales. */
export function formatBirth(dateOfBirth: string | null, today = localToday()): string {
  if (!dateOfBirth) return 'Date of birth not recorded'
  return `${formatDate(dateOfBirth)} (${ageOn(dateOfBirth, today)})`
}

export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
}
