import { describe, expect, it } from 'vitest'
import type { BridgeResult } from '../../shared/bridge/errors'
import { createCallGate } from './call-gate'

/** A handler whose calls resolve when the test says, in the order they were made. */
function heldHandler() {
  const started: string[] = []
  const pending: (() => void)[] = []
  let onStart: (() => void) | null = null
  const handle = (name: unknown) =>
    new Promise<BridgeResult<unknown>>((resolve) => {
      started.push(String(name))
      pending.push(() => resolve({ ok: true, value: name }))
      onStart?.()
    })
  /** Resolves once `count` calls have reached the handler. */
  const startedCalls = (count: number) =>
    new Promise<void>((resolve) => {
      onStart = () => started.length >= count && resolve()
      onStart()
    })
  return { handle, started, startedCalls, finishNext: () => pending.shift()?.() }
}

describe('the call gate', () => {
  it('lets a restore wait for the calls in flight, then run alone while others are refused', async () => {
    const handler = heldHandler()
    const seen: string[] = []
    const gate = createCallGate({
      handle: handler.handle,
      beforeCall: () => seen.push('before'),
      answered: (name) => seen.push(`answered ${String(name)}`),
      afterCall: () => seen.push('after'),
    })

    const save = gate.dispatch('designs.save', {})
    const restore = gate.dispatch('backups.restore', { id: 'b1' })
    await handler.startedCalls(1)
    expect(handler.started).toEqual(['designs.save'])
    expect(await gate.dispatch('patients.list', {})).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'Stipple is restoring its database; try again in a moment.' },
    })

    handler.finishNext()
    await save
    await handler.startedCalls(2)
    expect(handler.started).toEqual(['designs.save', 'backups.restore'])
    handler.finishNext()
    await restore
    await gate.drained()

    const list = gate.dispatch('patients.list', {})
    await handler.startedCalls(3)
    handler.finishNext()
    expect(await list).toEqual({ ok: true, value: 'patients.list' })
    expect(seen).toEqual([
      'before',
      'before',
      'answered designs.save',
      'after',
      'answered backups.restore',
      'after',
      'before',
      'answered patients.list',
      'after',
    ])
  })
})
