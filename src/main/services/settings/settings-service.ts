import type { Database } from 'better-sqlite3'
import type { SavedSettings } from '../../../shared/bridge/contract'
import { CLINICAL_DEFAULTS, type ClinicalSettings } from '../../../shared/settings/clinical-defaults'
import { createStamp } from '../clock'
import { ServiceError } from '../service-error'

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
 * and one this version does not know is dropped (so saving the result back validates).
 */
function overDefaults(defaults: unknown, stored: unknown): unknown {
  if (isRecord(defaults)) {
    if (!isRecord(stored)) return structuredClone(defaults)
    return Object.fromEntries(Object.entries(defaults).map(([key, value]) => [key, overDefaults(value, stored[key])]))
  }
  const sameKind = typeof stored === typeof defaults && Array.isArray(stored) === Array.isArray(defaults)
  return structuredClone(sameKind ? stored : defaults)
}

/** The clinical settings: one record, defaults until the user saves their own. */
export function createSettingsService(db: Database, now: () => Date = () => new Date()): SettingsService {
  const stamp = createStamp(now)
  const byKey = db.prepare<[string], { value: string; revision: number }>(
    'SELECT value, revision FROM settings WHERE key = ?',
  )
  const insert = db.prepare('INSERT INTO settings (key, value, updated_at, revision) VALUES (@key, @value, @now, 1)')
  const update = db.prepare(
    `UPDATE settings SET value = @value, updated_at = @now, revision = revision + 1
     WHERE key = @key AND revision = @baseRevision`,
  )
  const remove = db.prepare('DELETE FROM settings WHERE key = ?')

  const get = (): SavedSettings => {
    const row = byKey.get(KEY)
    if (!row) return { settings: overDefaults(CLINICAL_DEFAULTS, undefined) as ClinicalSettings, revision: 0 }
    return {
      settings: overDefaults(CLINICAL_DEFAULTS, JSON.parse(row.value)) as ClinicalSettings,
      revision: row.revision,
    }
  }

  const save = db.transaction((baseRevision: number, settings: ClinicalSettings): SavedSettings => {
    const current = byKey.get(KEY)?.revision ?? 0
    if (current !== baseRevision) {
      throw new ServiceError(
        'conflict',
        'The settings were changed elsewhere since you opened them. Reopen Settings and make your change again.',
      )
    }
    const params = { key: KEY, value: JSON.stringify(settings), now: stamp() }
    if (current === 0) insert.run(params)
    else update.run({ ...params, baseRevision })
    return get()
  })

  return {
    get,
    save: (baseRevision, settings) => save.immediate(baseRevision, settings),
    reset() {
      remove.run(KEY)
      return get()
    },
  }
}
