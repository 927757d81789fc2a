import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type Design, type DesignDocument, emptyDesign } from '../../../shared/design/design-types'
import { BridgeCallError } from '../bridge/bridge-client'
import { newZone } from '../shapes/zone/zone-shape'
import { type Autosave, createAutosave } from './autosave'
import { addObject } from './commands'
import type { Editor } from './editor'
import { drag, makeEditor, p, press, release, tap } from './testing'

interface SaveCall {
  document: DesignDocument
  baseRevision: number | null
  resolve(): void
  reject(error: Error): void
}

/**
 * A stand-in for `designs.save`: records each call and stores the design as revision + 1.
 * By default each save completes at once; with `hold` it waits until the test settles it.
 */
function fakeStore(options: { hold?: boolean } = {}) {
  const calls: SaveCall[] = []
  let inFlight = 0
  let mostInFlight = 0
  const save = (document: DesignDocument, baseRevision: number | null): Promise<Design> =>
    new Promise<Design>((resolve, reject) => {
      inFlight++
      mostInFlight = Math.max(mostInFlight, inFlight)
      const revision = (baseRevision ?? 0) + 1
      const call: SaveCall = {
        document,
        baseRevision,
        resolve: () => {
          inFlight--
          resolve(design(revision, document, `2025-01-01T10:00:0${revision}.000Z`))
        },
        reject: (error) => {
          inFlight--
          reject(error)
        },
      }
      calls.push(call)
      if (!options.hold) call.resolve()
    })
  return { save, calls, mostInFlight: () => mostInFlight }
}

function design(revision: number, document: DesignDocument, updatedAt = '2025-01-01T09:00:00.000Z'): Design {
  return {
    id: 'design-1',
    patientId: 'patient-1',
    photoId: 'photo-1',
    revision,
    createdAt: '2025-01-01T08:00:00.000Z',
    updatedAt,
    document,
  }
}

/** An editor in the pin tool over a stored design at revision 3 holding one zone (x/y 100–300). */
function session(options: { hold?: boolean; stored?: 'none' | 'revision 3' } = {}) {
  let document = emptyDesign()
  document = addObject(document, newZone(document, [p(100, 100), p(300, 100), p(300, 300), p(100, 300)], 'frontal'))
  const editor = makeEditor({ tool: 'pin', document: options.stored === 'none' ? emptyDesign() : document })
  const store = fakeStore(options)
  const autosave = createAutosave(
    editor,
    options.stored === 'none' ? null : design(3, editor.getState().document),
    store.save,
    500,
  )
  const states: string[] = []
  autosave.store.subscribe((next, previous) => {
    if (next.status.state !== previous.status.state) states.push(next.status.state)
  })
  opened.push(autosave)
  return { editor, autosave, ...store, states }
}

const opened: Autosave[] = []
const status = (autosave: Autosave) => autosave.store.getState().status
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms)
const addPin = (editor: Editor, x: number) => tap(editor, x, 500)

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  for (const autosave of opened.splice(0)) autosave.dispose()
  vi.useRealTimers()
})

describe('autosave', () => {
  it('writes nothing until the delay has passed, then stores the document on the revision it edited', async () => {
    const { editor, autosave, calls } = session()
    expect(status(autosave)).toEqual({ state: 'saved', at: '2025-01-01T09:00:00.000Z' })
    addPin(editor, 500)
    expect(status(autosave).state).toBe('unsaved')
    await wait(499)
    expect(calls).toHaveLength(0)

    await wait(1)
    expect(calls).toHaveLength(1)
    expect(calls[0]?.document).toBe(editor.getState().document)
    expect(calls[0]?.baseRevision).toBe(3)
    expect(status(autosave)).toEqual({ state: 'saved', at: '2025-01-01T10:00:04.000Z' })
    expect(autosave.store.getState().revision).toBe(4)
  })

  it('writes a burst of changes once, with the latest document', async () => {
    const { editor, calls } = session()
    addPin(editor, 500)
    const pin = editor.getState().selection[0] as string
    for (const note of ['C', 'Ch', 'Che', 'Chec', 'Check scar']) {
      await wait(200)
      editor.updateObject(pin, { note }, 'Note', `note:${pin}`)
    }
    await wait(499)
    expect(calls).toHaveLength(0)
    await wait(1)
    expect(calls).toHaveLength(1)
    expect(calls[0]?.document).toBe(editor.getState().document)
    expect(calls[0]?.document.objects[1]).toMatchObject({ kind: 'pin', note: 'Check scar' })
    await wait(5000)
    expect(calls).toHaveLength(1)
  })

  it('saves one at a time: a change made while a save is on its way is written after it, on the new revision', async () => {
    const { editor, autosave, calls, mostInFlight } = session({ hold: true })
    addPin(editor, 500)
    await wait(500)
    expect(calls).toHaveLength(1)
    expect(status(autosave).state).toBe('saving')

    addPin(editor, 600)
    const latest = editor.getState().document
    expect(status(autosave).state).toBe('saving')
    await wait(3000)
    expect(calls).toHaveLength(1)

    calls[0]?.resolve()
    await wait(500)
    expect(calls).toHaveLength(2)
    expect(calls[1]?.document).toBe(latest)
    expect(calls[1]?.baseRevision).toBe(4)
    calls[1]?.resolve()
    await wait(0)
    expect(status(autosave).state).toBe('saved')
    expect(autosave.store.getState().revision).toBe(5)
    expect(mostInFlight()).toBe(1)
  })

  it('reads unsaved, saving, saved, and saved again when undo returns to the stored document', async () => {
    const { editor, autosave, calls, states } = session({ hold: true })
    addPin(editor, 500)
    await wait(500)
    calls[0]?.resolve()
    await wait(0)
    expect(states).toEqual(['unsaved', 'saving', 'saved'])

    addPin(editor, 600)
    expect(status(autosave).state).toBe('unsaved')
    press(editor, 'z', { mod: true })
    expect(status(autosave).state).toBe('saved')
    await wait(2000)
    expect(calls).toHaveLength(1)

    press(editor, 'Z', { mod: true, shift: true })
    expect(status(autosave).state).toBe('unsaved')
  })

  it('shows a failed save, and tries again with the next change', async () => {
    const { editor, autosave, calls } = session({ hold: true })
    addPin(editor, 500)
    await wait(500)
    calls[0]?.reject(new Error('The disk is full.'))
    await wait(0)
    expect(status(autosave)).toEqual({ state: 'error', message: 'The disk is full.', conflict: false })
    await wait(5000)
    expect(calls).toHaveLength(1)

    addPin(editor, 600)
    expect(status(autosave).state).toBe('unsaved')
    await wait(500)
    expect(calls).toHaveLength(2)
    expect(calls[1]?.document).toBe(editor.getState().document)
    expect(calls[1]?.document.objects).toHaveLength(3)
    expect(calls[1]?.baseRevision).toBe(3)
    calls[1]?.resolve()
    await wait(0)
    expect(status(autosave).state).toBe('saved')
    expect(autosave.store.getState().revision).toBe(4)
  })

  it('stops saving after a conflict and keeps saying so', async () => {
    const { editor, autosave, calls } = session({ hold: true })
    addPin(editor, 500)
    await wait(500)
    calls[0]?.reject(Object.assign(new Error('This design was changed in another window.'), { code: 'conflict' }))
    await wait(0)
    const conflict = { state: 'error', message: 'This design was changed in another window.', conflict: true }
    expect(status(autosave)).toEqual(conflict)

    addPin(editor, 600)
    await wait(5000)
    await autosave.flush()
    expect(calls).toHaveLength(1)
    expect(status(autosave)).toEqual(conflict)
  })

  it('offline: says the data service could not be reached, and "Try again" (a flush) saves the change', async () => {
    const { editor, autosave, calls } = session({ hold: true })
    addPin(editor, 500)
    await wait(500)
    calls[0]?.reject(
      new BridgeCallError({ code: 'unavailable', message: 'Stipple could not reach its data service. Try again.' }),
    )
    await wait(0)
    expect(status(autosave)).toEqual({
      state: 'error',
      message: 'Stipple could not reach its data service. Try again.',
      conflict: false,
    })
    await wait(5000)
    expect(calls).toHaveLength(1)

    const retried = autosave.flush()
    await wait(0)
    expect(calls).toHaveLength(2)
    expect(calls[1]?.document).toBe(editor.getState().document)
    expect(calls[1]?.baseRevision).toBe(3)
    calls[1]?.resolve()
    await retried
    expect(status(autosave).state).toBe('saved')
  })

  it('a conflict reported by the bridge stops saving just as one from the store does', async () => {
    const { editor, autosave, calls } = session({ hold: true })
    addPin(editor, 500)
    await wait(500)
    calls[0]?.reject(new BridgeCallError({ code: 'conflict', message: 'Changed elsewhere.' }))
    await wait(0)
    expect(status(autosave)).toEqual({ state: 'error', message: 'Changed elsewhere.', conflict: true })
    addPin(editor, 600)
    await wait(5000)
    expect(calls).toHaveLength(1)
  })

  it('flush writes at once, and nothing is left for the timer', async () => {
    const { editor, autosave, calls } = session()
    addPin(editor, 500)
    await autosave.flush()
    expect(calls).toHaveLength(1)
    expect(calls[0]?.document).toBe(editor.getState().document)
    expect(status(autosave).state).toBe('saved')
    await wait(2000)
    expect(calls).toHaveLength(1)

    // Nothing changed since: a flush writes nothing.
    await autosave.flush()
    expect(calls).toHaveLength(1)
  })

  it('does not save a drag half way: a flush mid-drag writes the document from before it', async () => {
    const { editor, autosave, calls } = session()
    addPin(editor, 500)
    const beforeDrag = editor.getState().document
    press(editor, 'v')
    drag(editor, [150, 150], [250, 200], { release: false })
    await autosave.flush()
    expect(calls).toHaveLength(1)
    expect(calls[0]?.document).toBe(beforeDrag)
    expect(calls[0]?.document.objects[0]?.points[0]).toEqual(p(100, 100))

    // However long the button is held, the half-done move is not written.
    await wait(3000)
    expect(calls).toHaveLength(1)

    release(editor, 250, 200)
    await wait(500)
    expect(calls).toHaveLength(2)
    expect(calls[1]?.document.objects[0]?.points[0]).toEqual(p(200, 150))
    expect(calls[1]?.baseRevision).toBe(4)
  })

  it('a new design is first stored with no base revision', async () => {
    const { editor, autosave, calls } = session({ stored: 'none' })
    expect(status(autosave)).toEqual({ state: 'saved', at: null })
    addPin(editor, 500)
    await wait(500)
    addPin(editor, 600)
    await wait(500)
    expect(calls.map((c) => c.baseRevision)).toEqual([null, 1])
  })

  it('writes nothing once disposed', async () => {
    const { editor, autosave, calls } = session()
    addPin(editor, 500)
    autosave.dispose()
    await wait(2000)
    expect(calls).toHaveLength(0)
  })
})
