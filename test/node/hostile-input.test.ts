import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { CALL_NAMES, isCallName } from '../../src/shared/bridge/contract'
import { validFields } from '../fixtures/patients'
import { fieldSweep } from './hostile/field-sweep'
import { type HostileBed, openHostileBed } from './hostile/hostile-bed'
import { deeplyNested, hostileText, hostileValue, prototypeKeyed } from './hostile/hostile-values'
import { mutated } from './hostile/mutate'
import { expectPrototypesUntouched, expectSafeAnswer } from './hostile/safe-answer'
import { VALID_PAYLOADS, validPayloads } from './hostile/valid-payloads'
import { tempDirsForEachTest } from './temp-dir'

/** Random runs per call, after the sweep of every field: enough to mix mutations, small enough for the suite. */
const RUNS_PER_CALL = 40

const tempDir = tempDirsForEachTest()
let bed: HostileBed | undefined
afterEach(() => {
  bed?.close()
  bed = undefined
})

describe('every bridge call under hostile input', () => {
  it('has a valid payload to mutate for every call of the contract', () => {
    expect(CALL_NAMES.filter((name) => VALID_PAYLOADS[name] === undefined)).toEqual([])
  })

  it('notices when a call writes, so an unchanged snapshot means nothing was written', async () => {
    const opened = await openHostileBed(tempDir)
    bed = opened
    const before = opened.snapshot()
    await opened.call('patients.create', { fields: validFields({ fullName: 'Another' }) })
    expect(opened.snapshot().database).not.toBe(before.database)
    const withRow = opened.snapshot()
    await opened.call('backups.create', {})
    expect(opened.snapshot().files).not.toEqual(withRow.files)
  })

  it.each(CALL_NAMES)(
    '%s answers any payload with a result or a typed refusal that changed nothing',
    async (name) => {
      const opened = await openHostileBed(tempDir)
      bed = opened
      const valid = validPayloads(name, opened)
      if (!valid) throw new Error(`${name} has no valid payload in test/node/hostile/valid-payloads.ts`)
      // Made afresh for each case (same seed, same shape), so it names the revisions of the moment.
      const base = () => fc.sample(valid, { numRuns: 1, seed: 7 })[0]
      for (const { label, apply } of fieldSweep(base()))
        await expectSafeAnswer(opened, name, apply(base()), `${name}: ${label}`)
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            { weight: 1, arbitrary: valid },
            { weight: 6, arbitrary: mutated(valid) },
            { weight: 2, arbitrary: hostileValue },
            { weight: 1, arbitrary: prototypeKeyed },
          ),
          async (payload) => {
            await expectSafeAnswer(opened, name, payload)
          },
        ),
        { numRuns: RUNS_PER_CALL },
      )
    },
    60_000,
  )

  it('answers a call name that is not in the contract with unknown_call', async () => {
    const opened = await openHostileBed(tempDir)
    bed = opened
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(hostileText, hostileValue),
        fc.constantFrom<unknown>({}, null),
        async (name, payload) => {
          const result = await expectSafeAnswer(opened, name, payload)
          if (!isCallName(name)) expect(!result.ok && result.error.code).toBe('unknown_call')
        },
      ),
      { numRuns: 100 },
    )
    // Names every object answers to are not calls; names that cannot be turned into text are still answered.
    for (const name of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      Object.create(null),
      deeplyNested(100_000, true),
    ])
      expect(await opened.backend.dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } })
    expectPrototypesUntouched()
  })
})
