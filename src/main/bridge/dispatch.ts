import type { z } from 'zod'
import { type CallName, type CallOutput, contract, isCallName, type ValidInput } from '../../shared/bridge/contract'
import type { Progress } from '../../shared/bridge/desktop-events'
import type { BridgeError, BridgeResult } from '../../shared/bridge/errors'
import { storageFault } from '../db/storage-faults'
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextPath } from '../db/unstorable-text'
import { ServiceError } from '../services/service-error'

/**
 * What a running call may tell the page that made it, through whichever transport carried the
 * call (an IPC event to its window, an event on the harness page's stream): handlers never know which.
 */
export interface CallContext {
  showProgress(progress: Progress): void
}

/** For a caller with no page to tell (tests, start-up work). */
export const SILENT_CALL: CallContext = { showProgress: () => {} }

/** One handler per contract entry; the compiler refuses a missing or mistyped one. */
export type Handlers = {
  [K in CallName]: (input: ValidInput<K>, call: CallContext) => CallOutput<K> | Promise<CallOutput<K>>
}

export type Dispatch = (name: unknown, input: unknown, call?: CallContext) => Promise<BridgeResult<unknown>>

function fieldLabel(path: PropertyKey[]): string {
  return path.map(String).join('.')
}

export function validationError(issues: z.core.$ZodIssue[]): BridgeError {
  const fieldErrors: Record<string, string> = {}
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fieldErrors[fieldLabel([...issue.path, key])] ??= 'Unknown field'
      continue
    }
    fieldErrors[fieldLabel(issue.path)] ??= issue.message
  }
  const entries = Object.entries(fieldErrors)
  const firstMessage = entries[0]?.[1] ?? 'The request was not understood'
  const unknown = entries.filter(([, m]) => m === 'Unknown field').map(([p]) => p)
  const message =
    unknown.length === entries.length
      ? `Unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`
      : entries.length === 1
        ? firstMessage
        : `${entries.length} fields need attention; each has its own message.`
  return { code: 'invalid_input', message, fieldErrors }
}

/**
 * The one door into main: checks the call exists, validates its input against the contract,
 * runs the handler and turns every outcome into a `BridgeResult`. Both transports (IPC and the
 * web harness) go through it, so neither can skip validation.
 */
export function createDispatch(handlers: Handlers, logError: (error: unknown) => void = console.error): Dispatch {
  return async (name, input, call = SILENT_CALL) => {
    if (!isCallName(name)) {
      // Only text is echoed: String() of a hostile value can throw or recurse without end.
      const named = typeof name === 'string' ? `named ${name.slice(0, 80)}` : 'by that name'
      return { ok: false, error: { code: 'unknown_call', message: `There is no bridge call ${named}.` } }
    }
    const parsed = contract[name].input.safeParse(input)
    if (!parsed.success) return { ok: false, error: validationError(parsed.error.issues) }
    const unstorable = unstorableTextPath(parsed.data)
    if (unstorable !== null) {
      const fieldErrors = { [unstorable]: UNSTORABLE_TEXT_MESSAGE }
      return { ok: false, error: { code: 'invalid_input', message: UNSTORABLE_TEXT_MESSAGE, fieldErrors } }
    }
    try {
      const handler = handlers[name] as (input: unknown, call: CallContext) => unknown
      return { ok: true, value: await handler(parsed.data, call) }
    } catch (error) {
      if (error instanceof ServiceError) {
        return {
          ok: false,
          error: {
            code: error.code,
            message: error.message,
            ...(error.fieldErrors && { fieldErrors: error.fieldErrors }),
          },
        }
      }
      logError(error)
      const fault = storageFault(error)
      if (fault) return { ok: false, error: { code: fault.code, message: fault.message } }
      return {
        ok: false,
        error: { code: 'internal', message: 'Something went wrong inside Stipple; nothing was changed.' },
      }
    }
  }
}
