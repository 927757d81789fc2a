import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { type CallName, contract } from '../../src/shared/bridge/contract'
import { type HostileBed, openHostileBed } from './hostile/hostile-bed'
import { UNSTORABLE } from './hostile/hostile-values'
import { at, pathsOf, replaceAt } from './hostile/payload-paths'
import { ROUND_TRIPS, type RoundTrip } from './hostile/read-back'
import { expectSafeAnswer } from './hostile/safe-answer'
import { validPayloads } from './hostile/valid-payloads'
import { tempDirsForEachTest } from './temp-dir'

const tempDir = tempDirsForEachTest()
let bed: HostileBed | undefined
afterEach(() => {
  bed?.close()
  bed = undefined
})

const STORING = Object.keys(ROUND_TRIPS) as CallName[]

function payloadsOf(name: CallName, opened: HostileBed): fc.Arbitrary<unknown> {
  const trip = ROUND_TRIPS[name] as RoundTrip<CallName>
  const own = trip.payload?.(opened).map((payload) => structuredClone(payload))
  return own ?? (validPayloads(name, opened) as fc.Arbitrary<unknown>)
}

const textPaths = (payload: unknown) => pathsOf(payload).filter((path) => typeof at(payload, path) === 'string')

describe('text a person typed, hostile as it may be', () => {
  it.each(STORING)(
    '%s stores it and reads it back exactly as sent (surrounding spaces trimmed where the form trims them)',
    async (name) => {
      const opened = await openHostileBed(tempDir)
      bed = opened
      const trip = ROUND_TRIPS[name] as RoundTrip<CallName>
      await fc.assert(
        fc.asyncProperty(payloadsOf(name, opened), async (payload) => {
          const result = await opened.backend.dispatch(name, payload)
          if (!result.ok) throw new Error(`${name} refused a valid payload: ${result.error.message}`)
          const sent = contract[name].input.parse(payload)
          // The contract may trim a field's ends; nothing else about the text may change.
          for (const path of textPaths(payload)) {
            const raw = at(payload, path) as string
            const accepted = at(sent, path)
            if (typeof accepted === 'string') expect([raw, raw.trim()]).toContain(accepted)
          }
          await opened.refreshRevisions()
          expect(await trip.read(opened, sent, result.value as never)).toEqual(trip.expected(sent))
        }),
        { numRuns: 25 },
      )
    },
    60_000,
  )

  it.each(STORING)(
    '%s refuses text a record cannot hold (a NUL, half a surrogate pair) at its field, and writes nothing',
    async (name) => {
      const opened = await openHostileBed(tempDir)
      bed = opened
      const base = () => fc.sample(payloadsOf(name, opened), { numRuns: 1, seed: 11 })[0]
      for (const path of textPaths(base())) {
        for (const bad of UNSTORABLE) {
          const field = path.join('.')
          const payload = replaceAt(structuredClone(base()), path, `ab${bad}cd`)
          const result = await expectSafeAnswer(
            opened,
            name,
            payload,
            `${name}: ${field} holding ${JSON.stringify(bad)}`,
          )
          expect(result.ok, `${name} stored ${JSON.stringify(bad)} in ${field}`).toBe(false)
          if (result.ok) continue
          expect(result.error.code).toBe('invalid_input')
          expect(result.error.fieldErrors, field).toHaveProperty([field])
        }
      }
    },
    60_000,
  )
})
