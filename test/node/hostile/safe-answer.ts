import { expect } from 'vitest'
import type { BridgeErrorCode, BridgeResult } from '../../../src/shared/bridge/errors'
import type { HostileBed } from './hostile-bed'
import { POLLUTION_KEY } from './hostile-values'

/** Every code a refusal may carry; `internal` means a bug slipped through and is never acceptable. */
const TYPED: readonly BridgeErrorCode[] = [
  'invalid_input',
  'not_found',
  'conflict',
  'unknown_call',
  'forbidden',
  'unavailable',
]

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype }
const prototypeKeys = () =>
  Object.fromEntries(
    Object.entries(PROTOTYPES).map(([name, proto]) => [name, Reflect.ownKeys(proto).map(String).sort()]),
  )
const pristine = prototypeKeys()

/** Fails if a payload planted anything on a built-in prototype. */
export function expectPrototypesUntouched(): void {
  expect(prototypeKeys()).toEqual(pristine)
  expect(POLLUTION_KEY in {}).toBe(false)
}

/**
 * Sends one payload and checks the answer: ok, or refused with a typed error a person can read;
 * a refusal leaves every table and file exactly as it was; nothing lands on a prototype; the
 * answer survives JSON, as the harness sends it.
 */
export async function expectSafeAnswer(
  bed: HostileBed,
  name: unknown,
  payload: unknown,
  label = typeof name === 'string' ? name.slice(0, 80) : 'a call that is not text',
): Promise<BridgeResult<unknown>> {
  const before = bed.snapshot()
  const result = await bed.backend.dispatch(name, payload)
  expect(() => JSON.stringify(result)).not.toThrow()
  expectPrototypesUntouched()
  if (result.ok) {
    await bed.refreshRevisions()
    return result
  }
  expect(TYPED, `${label} answered ${result.error.code}: ${result.error.message}`).toContain(result.error.code)
  expect(result.error.message.length).toBeGreaterThan(0)
  expect(bed.snapshot(), `${label} was refused (${result.error.message}) but changed something`).toEqual(before)
  return result
}
