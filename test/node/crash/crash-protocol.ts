/**
 * What the crash-test writer prints, one JSON line each, for the parent that kills it. An
 * `intent` comes before a call and its `ack` only after the call returned ok, so an ack is a
 * change the app reported as saved, and an intent without its ack is the one change a kill may
 * or may not have let through.
 */

/** Records the parent checks after each kill, each named by `kind` and key. */
export type EntityKind = 'patient' | 'photo' | 'measurement' | 'design' | 'plan' | 'pigment' | 'settings'

/** `records`: small changes of every kind; `photos`: photo imports and deletes, the slow ones. */
export type WriterMode = 'records' | 'photos'

export type WriterLine =
  | { type: 'ready' }
  /**
   * `key` is null for a create (main picks the id). `expect` is what the record holds if the
   * change landed (the fields it sets; more may be there), or null for a delete.
   */
  | { type: 'intent'; kind: EntityKind; key: string | null; expect: unknown }
  /** `value` is what the call returned, as it should read back; null for a delete. */
  | { type: 'ack'; kind: EntityKind; key: string; value: unknown }

export const entityKey = (kind: EntityKind, key: string) => `${kind}:${key}`

/** The settings are one record. */
export const SETTINGS_KEY = 'settings'

/** Command-line arguments of the writer, in order. */
export interface WriterArgs {
  dataDir: string
  mode: WriterMode
  seed: number
  /** A folder of real JPEGs the photo mode imports, each made unique by a few trailing bytes. */
  imagesDir: string
}
