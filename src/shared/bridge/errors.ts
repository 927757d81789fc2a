/** Why a bridge call failed. The UI decides how to show each kind. */
export type BridgeErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unknown_call'
  | 'forbidden'
  | 'unavailable'
  | 'internal'

export interface BridgeError {
  code: BridgeErrorCode
  /** A sentence a person can act on. */
  message: string
  /** Messages keyed by field path (`fullName`, `medical.other`), shown next to the field. */
  fieldErrors?: Record<string, string>
}

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError }

export function isBridgeError(value: unknown): value is BridgeError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as BridgeError).code === 'string' &&
    typeof (value as BridgeError).message === 'string'
  )
}
