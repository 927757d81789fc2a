import type { Database } from 'better-sqlite3'
import { CLINIC_DEFAULTS, type ClinicDetails, type SavedClinic } from '../../../shared/clinic/clinic-details'
import { createSettingsRecord } from '../settings/settings-record'
import { normaliseLogo } from './logo-image'

export interface ClinicService {
  /** The details in force: the saved record over the defaults, revision 0 while nothing is saved. */
  get(): SavedClinic
  /** Saves the whole record over `baseRevision`; a new logo is re-encoded first, and a bad one refused. */
  save(baseRevision: number, details: ClinicDetails): Promise<SavedClinic>
}

/** The settings table's row for this record; the clinical settings keep theirs. */
const KEY = 'clinic'

/** Each field of the defaults, taken from the stored record when it holds the same kind of value. */
function overDefaults(stored: unknown): ClinicDetails {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {}
  const details = { ...CLINIC_DEFAULTS }
  for (const key of Object.keys(CLINIC_DEFAULTS) as (keyof ClinicDetails)[]) {
    const value = record[key]
    if (typeof value === 'string') Object.assign(details, { [key]: value })
  }
  return details
}

/** The clinic's details for the design sheets: one record, defaults until the user saves their own. */
export function createClinicService(db: Database, now: () => Date = () => new Date()): ClinicService {
  const record = createSettingsRecord(db, KEY, {
    now,
    conflictMessage:
      'The clinic details were changed elsewhere since you opened them. Reopen Settings and make your change again.',
  })

  const get = (): SavedClinic => {
    const saved = record.read()
    return { details: overDefaults(saved?.value ?? null), revision: saved?.revision ?? 0 }
  }

  return {
    get,
    async save(baseRevision, details) {
      // The logo main stored last is already normalised; only a newly chosen one is decoded.
      const stored = get().details.logo
      const logo = details.logo === null || details.logo === stored ? details.logo : await normaliseLogo(details.logo)
      record.write(baseRevision, { ...details, logo })
      return get()
    },
  }
}
