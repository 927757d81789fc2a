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

/** An archive imported as the page imports one: shown (`archives.inspect`), then imported by the id main holds it under. */
export async function importArchive(
  target: Answers,
  bytes: Uint8Array<ArrayBuffer>,
  onExisting: CallInput<'archives.import'>['onExisting'],
): Promise<CallOutput<'archives.import'>> {
  const { heldId } = await call(target, 'archives.inspect', { bytes })
  return call(target, 'archives.import', { heldId, onExisting })
}

/** An archive whose import, as the page makes it, must be refused: the refusal of the step that refused it. */
export async function importRefusal(
  target: Answers,
  bytes: Uint8Array<ArrayBuffer>,
  onExisting: CallInput<'archives.import'>['onExisting'],
): Promise<BridgeError> {
  const inspected = await target.dispatch('archives.inspect', { bytes })
  if (!inspected.ok) return inspected.error
  return refusal(target, 'archives.import', { heldId: (inspected.value as { heldId: string }).heldId, onExisting })
}
