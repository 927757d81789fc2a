import type { Database } from 'better-sqlite3'
import type { SavedSettings } from '../../../shared/bridge/contract'
import { CLINICAL_DEFAULTS, type ClinicalSettings } from '../../../shared/settings/clinical-defaults'
import { createSettingsRecord } from './settings-record'

export interface SettingsService {
  /** The settings in force: the saved record over the defaults, revision 0 while nothing is saved. */
  get(): SavedSettings
  /** Saves the whole record; `baseRevision` is the revision it was edited from (0 from the defaults). */
  save(baseRevision: number, settings: ClinicalSettings): SavedSettings
  /** Forgets the saved record, so the defaults (and any later version's better ones) apply again. */
  reset(): SavedSettings
}

/** The one settings record this service keeps; the table has room for others. */
const KEY = 'clinical'

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

/**
 * The stored record laid over the defaults, shaped by the defaults: a figure added by a later
 * version is filled in, one the stored record holds with the wrong kind of value is not taken,
 * and one this version does not know is dropped (so saving the result back validates). A list
 * of records keeps the stored length, each entry laid over the default at its place (or the last
 * one), so a protocol step saved before steps had a kind gets the kind of the shipped step there.
 * Open-ended figures (a number or null) keep either.
 */
function overDefaults(defaults: unknown, stored: unknown): unknown {
  if (isRecord(defaults)) {
    if (!isRecord(stored)) return structuredClone(defaults)
    return Object.fromEntries(Object.entries(defaults).map(([key, value]) => [key, overDefaults(value, stored[key])]))
  }
  if (Array.isArray(defaults) && Array.isArray(stored) && defaults.some(isRecord))
    return stored.map((entry, index) => overDefaults(defaults[Math.min(index, defaults.length - 1)], entry))
  if (defaults === null) return typeof stored === 'number' ? stored : null
  // Stored records were validated when saved, so a null stands only where the figure is open-ended.
  if (stored === null && typeof defaults === 'number') return null
  const sameKind = typeof stored === typeof defaults && Array.isArray(stored) === Array.isArray(defaults)
  return structuredClone(sameKind ? stored : defaults)
}

/** The clinical settings: one record, defaults until the user saves their own. */
export function createSettingsService(db: Database, now: () => Date = () => new Date()): SettingsService {
  const record = createSettingsRecord(db, KEY, {
    now,
    conflictMessage:
      'The settings were changed elsewhere since you opened them. Reopen Settings and make your change again.',
  })

  const get = (): SavedSettings => {
    const saved = record.read()
    return {
      settings: overDefaults(CLINICAL_DEFAULTS, saved?.value) as ClinicalSettings,
      revision: saved?.revision ?? 0,
    }
  }

  return {
    get,
    save(baseRevision, settings) {
      record.write(baseRevision, settings)
      return get()
    },
    reset() {
      record.remove()
      return get()
    },
  }
}
