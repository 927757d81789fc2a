import type { Dispatch } from '../../src/main/bridge/dispatch'
import type { CallInput, CallName, CallOutput } from '../../src/shared/bridge/contract'
import type { BridgeError } from '../../src/shared/bridge/errors'

/** Whatever answers bridge calls in a test: a whole backend, or services with the dispatch in front. */
export interface Answers {
  dispatch: Dispatch
}

/** A bridge call that must succeed, typed as the renderer sees it. */
export async function call<K extends CallName>(target: Answers, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await target.dispatch(name, input)
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`)
  return result.value as CallOutput<K>
}

/** A bridge call that must be refused (the input may be anything a renderer could send): its error. */
export async function refusal(target: Answers, name: string, input: unknown): Promise<BridgeError> {
  const result = await target.dispatch(name, input)
  if (result.ok) throw new Error(`${name} was expected to be refused`)
  return result.error
}
