import { isDeepStrictEqual } from 'node:util'
import { DEFAULT_PIGMENTS } from '../../../src/shared/plan/default-pigments'
import { entityKey, type WriterLine } from './crash-protocol'

type Intent = Extract<WriterLine, { type: 'intent' }>

/** A record as it is compared: JSON's view of it, without counts derived from other records. */
export function comparable(kind: string, value: unknown): unknown {
  const plain = JSON.parse(JSON.stringify(value)) as Record<string, unknown>
  if (kind === 'photo') delete plain.measurementCount
  return plain
}

/** Whether `actual` holds everything `expected` names (objects may hold more; arrays match item by item). */
export function holds(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected))
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => holds(actual[i], e))
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return false
    return Object.entries(expected).every(([key, value]) => holds((actual as Record<string, unknown>)[key], value))
  }
  return Object.is(actual, expected)
}

const show = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value))

/**
 * What the writer was told is saved, across every run over one data folder: each acknowledged
 * record's latest value, and the one change in flight when the writer was killed. The shipped
 * pigments are there from the start, since every database is created with them.
 */
export class Ledger {
  readonly acked = new Map<string, unknown>(
    DEFAULT_PIGMENTS.map((pigment) => [
      entityKey('pigment', pigment.id),
      comparable('pigment', { ...pigment, revision: 1 }),
    ]),
  )
  pending: Intent | null = null
  /** Changes acknowledged, and kills after which the change in flight turned out saved. */
  readonly counts = { acknowledged: 0, inFlightSaved: 0, inFlightLost: 0 }

  apply(line: WriterLine): void {
    if (line.type === 'intent') this.pending = line
    if (line.type !== 'ack') return
    this.counts.acknowledged++
    this.pending = null
    const key = entityKey(line.kind, line.key)
    if (line.value === null) this.acked.delete(key)
    else this.acked.set(key, comparable(line.kind, line.value))
  }

  /**
   * Compares what the database holds after a kill (records keyed by `entityKey`, made
   * `comparable`) with the ledger and returns every difference. The change in flight may have
   * been saved or not, but whole or not at all; if saved, it is acknowledged from now on.
   */
  reconcile(found: ReadonlyMap<string, unknown>): string[] {
    const problems: string[] = []
    const pending = this.pending
    const landed = (actual: unknown) =>
      pending !== null &&
      (pending.expect === null ? actual === undefined : actual !== undefined && holds(actual, pending.expect))
    let adopted: [string, unknown] | null = null

    for (const [key, value] of this.acked) {
      const actual = found.get(key)
      if (isDeepStrictEqual(actual, value)) continue
      if (pending?.key != null && key === entityKey(pending.kind, pending.key) && landed(actual)) {
        adopted = [key, actual]
        continue
      }
      problems.push(`${key} was acknowledged as ${show(value)} but the database holds ${show(actual)}`)
    }
    for (const [key, actual] of found) {
      if (this.acked.has(key)) continue
      // A create names no key; a first design, plan or settings save names one not yet known.
      const named =
        pending &&
        (pending.key === null ? key.startsWith(`${pending.kind}:`) : key === entityKey(pending.kind, pending.key))
      if (named && landed(actual) && adopted === null) {
        adopted = [key, actual]
        continue
      }
      problems.push(`${key} is in the database but no change that made it was acknowledged: ${show(actual)}`)
    }

    if (pending) {
      if (adopted) {
        const [key, value] = adopted
        if (value === undefined) this.acked.delete(key)
        else this.acked.set(key, value)
        this.counts.inFlightSaved++
      } else this.counts.inFlightLost++
    }
    this.pending = null
    return problems
  }
}
