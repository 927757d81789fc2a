import { ageOn, localToday } from '../../../../shared/dates'
import { formatDay } from '../../ui/format'

/** "14 Mar 1981 (44)": the date spelled out so day and month cannot be confused across locales. */
export function formatBirth(dateOfBirth: string | null, today = localToday()): string {
  if (!dateOfBirth) return 'Date of birth not recorded'
  return `${formatDay(dateOfBirth)} (${ageOn(dateOfBirth, today)})`
}
