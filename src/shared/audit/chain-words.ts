import { formatMoment } from '../plan/plan-dates'
import type { ChainProblem } from './audit-types'

/** "3 Mar 2026, 10:04" on this machine's clock; a stamp that is not a date is shown as written. */
export function formatEntryTime(at: string): string {
  return Number.isNaN(Date.parse(at)) ? at : formatMoment(at)
}

const entries = (n: number) => (n === 1 ? '1 entry' : `${n} entries`)

/** What a broken chain means, in words for the clinician who has to decide what to do next. */
export function describeChainProblem(problem: Omit<ChainProblem, 'message'>): string {
  const { kind, seq, at, missing } = problem
  const entry = `Entry ${seq}${at ? ` (${formatEntryTime(at)})` : ''}`
  switch (kind) {
    case 'altered':
      return `${entry} has been changed since Stipple wrote it, or was not written by Stipple.`
    case 'out-of-place':
      return `${entry} does not follow on from the entry before it: an entry was inserted or replaced here, or the one before it was rewritten.`
    case 'removed':
      return missing === 1
        ? `Entry ${seq} has been removed from the history; the entry after it is dated ${at ? formatEntryTime(at) : 'unknown'}.`
        : `Entries ${seq} to ${(seq ?? 0) + missing - 1} have been removed from the history; the entry after them is dated ${at ? formatEntryTime(at) : 'unknown'}.`
    case 'tail-removed':
      return `The newest ${entries(missing)} of the history ${missing === 1 ? 'has' : 'have'} been removed: it should run to entry ${(seq ?? 0) + missing - 1} but ends at entry ${(seq ?? 1) - 1}.`
    case 'head-replaced':
      return `The newest entry (entry ${seq}${at ? `, ${formatEntryTime(at)}` : ''}) has been replaced since Stipple wrote it.`
    case 'head-missing':
      return 'The record of the newest entry has been removed, so entries taken from the end of the history could go unnoticed.'
    case 'added-after-head':
      return `${entry} was added to the history outside Stipple.`
  }
}
