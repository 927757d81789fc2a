import { formatDay } from '../../shared/plan/plan-dates'

/**
 * Sessions named by their days for a refusal message, in the order given: "the session of
 * 12 Mar 2026", "the sessions of 12 Mar 2026 and 26 Mar 2026". Refusals name sessions by date
 * because that is how the plan lists them.
 */
export function sessionList(startsAts: readonly string[]): string {
  const days = [...new Set(startsAts.map(formatDay))]
  const listed = days.length > 1 ? `${days.slice(0, -1).join(', ')} and ${days.at(-1)}` : (days[0] ?? '')
  return `the session${startsAts.length > 1 ? 's' : ''} of ${listed}`
}
