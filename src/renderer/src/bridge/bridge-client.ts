import type { CallInput, CallName, CallOutput } from '../../../shared/bridge/contract'
import type { BridgeError, BridgeErrorCode, BridgeResult } from '../../../shared/bridge/errors'
import type { PhotoVariant } from '../../../shared/photos/photo'
import { photoPath } from '../../../shared/photos/photo-urls'

/** Carries one call to main and brings back its result; IPC on the desktop, HTTP in the harness. */
export type Transport = (name: CallName, input: unknown) => Promise<BridgeResult<unknown>>

/** A failed bridge call, thrown so `await` reads naturally; the UI shows `message` and `fieldErrors`. */
export class BridgeCallError extends Error implements BridgeError {
  readonly code: BridgeErrorCode
  readonly fieldErrors: Record<string, string>

  constructor(error: BridgeError) {
    super(error.message)
    this.code = error.code
    this.fieldErrors = error.fieldErrors ?? {}
  }
}

export interface BridgeClient {
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>
  /** Where the renderer loads a photo's drawable file from; never a file:// URL. */
  photoUrl(sha256: string, variant: PhotoVariant): string
}

export function createBridgeClient(transport: Transport, photoOrigin = ''): BridgeClient {
  return {
    photoUrl: (sha256, variant) => `${photoOrigin}${photoPath(variant, sha256)}`,
    async call(name, input) {
      let result: BridgeResult<unknown>
      try {
        result = await transport(name, input)
      } catch {
        throw new BridgeCallError({
          code: 'unavailable',
          message: 'Stipple could not reach its data service. Try again.',
        })
      }
      if (!result.ok) throw new BridgeCallError(result.error)
      return result.value as CallOutput<typeof name>
    },
  }
}

/** The message to show for any failure, bridge or not. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.'
}
