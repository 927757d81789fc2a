import { ServiceError } from '../services/service-error'

/** An error as it crosses from a worker to main: classes do not survive `postMessage`. */
export type CarriedError =
  | { kind: 'service'; code: ServiceError['code']; message: string; fieldErrors?: Record<string, string> }
  | { kind: 'other'; name: string; message: string; stack?: string }

export function carryError(error: unknown): CarriedError {
  if (error instanceof ServiceError)
    return {
      kind: 'service',
      code: error.code,
      message: error.message,
      ...(error.fieldErrors && { fieldErrors: error.fieldErrors }),
    }
  if (error instanceof Error)
    return { kind: 'other', name: error.name, message: error.message, ...(error.stack && { stack: error.stack }) }
  return { kind: 'other', name: 'Error', message: String(error) }
}

/** The error a worker threw, as main can catch it: a `ServiceError` stays one. */
export function revive(carried: CarriedError): Error {
  if (carried.kind === 'service') return new ServiceError(carried.code, carried.message, carried.fieldErrors)
  const error = new Error(carried.message)
  error.name = carried.name
  if (carried.stack) error.stack = carried.stack
  return error
}
