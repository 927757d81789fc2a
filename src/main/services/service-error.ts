import type { BridgeErrorCode } from '../../shared/bridge/errors'

/** An expected failure a service reports to the caller, as opposed to a bug. */
export class ServiceError extends Error {
  constructor(
    readonly code: Exclude<BridgeErrorCode, 'internal'>,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message)
  }
}
