import { describe, expect, it } from 'vitest'
import type { Measurement, Photo } from '../../../../shared/photos/photo'
import type { BridgeClient } from '../../bridge/bridge-client'
import { makeEditor, p, press, tapAll } from '../../editor/testing'
import { syncMeasures } from './measures-sync'

const PHOTO_ID = '6f1c7d0e-8a4b-4c52-9a39-2f0b8d6c1e11'

/** Main as far as the sync sees it: the stored measurements and calibration, and every call made. */
function fakeMain(options: { refuseCalibration?: string } = {}) {
  const calls: string[] = []
  const stored: Measurement[] = []
  let revision = 1
  let next = 0
  const call = async (name: string, input: Record<string, unknown>): Promise<unknown> => {
    calls.push(name)
    if (name === 'photos.calibrate') {
      if (options.refuseCalibration) throw new Error(options.refuseCalibration)
      if (input.revision !== revision) throw new Error('stale revision')
      revision += 1
      return { id: PHOTO_ID, revision, calibration: input.calibration } as unknown as Photo
    }
    if (name === 'measurements.add') {
      const saved = { id: `main-${++next}`, photoId: PHOTO_ID, createdAt: '', ...(input.measurement as object) }
      stored.push(saved as Measurement)
      return saved
    }
    if (name === 'measurements.delete') {
      stored.splice(
        stored.findIndex((m) => m.id === input.id),
        1,
      )
      return { id: input.id }
    }
    if (name === 'measurements.rename') {
      const found = stored.find((m) => m.id === input.id)
      if (found) found.label = input.label as string
      return found
    }
    throw new Error(`unexpected ${name}`)
  }
  return { bridge: { call } as unknown as BridgeClient, calls, stored, revision: () => revision }
}

function setUp(options: { refuseCalibration?: string } = {}) {
  const editor = makeEditor()
  const main = fakeMain(options)
  const sync = syncMeasures(editor, {
    bridge: main.bridge,
    photoId: PHOTO_ID,
    revision: () => 1,
    onStored: async () => {},
  })
  return { editor, main, sync }
}

const undoKey = (editor: ReturnType<typeof makeEditor>) => press(editor, 'z', { mod: true })
const redoKey = (editor: ReturnType<typeof makeEditor>) => press(editor, 'Z', { mod: true, shift: true })

describe('the measures sync', () => {
  it('stores a measurement drawn, renamed, undone and redone, in order', async () => {
    const { editor, main, sync } = setUp()
    press(editor, 'm')
    tapAll(editor, [
      [100, 100],
      [400, 500],
    ])
    const [drawn] = editor.getState().measures.measurements
    if (!drawn) throw new Error('nothing measured')
    editor.renameMeasurement(drawn.id, 'Crown')
    await sync.flush()
    expect(main.stored).toMatchObject([{ kind: 'distance', label: 'Crown', points: [p(100, 100), p(400, 500)] }])

    undoKey(editor)
    undoKey(editor)
    await sync.flush()
    expect(main.stored).toEqual([])

    redoKey(editor)
    await sync.flush()
    expect(main.stored).toMatchObject([{ id: 'main-2', label: '' }])
    editor.deleteMeasurement(drawn.id)
    await sync.flush()
    expect(main.stored).toEqual([])
    expect(main.calls).toEqual([
      'measurements.add',
      'measurements.rename',
      'measurements.rename',
      'measurements.delete',
      'measurements.add',
      'measurements.delete',
    ])
  })

  it('stores a calibration and its undo, each naming the revision the last one made', async () => {
    const { editor, main, sync } = setUp()
    editor.setCalibration({ a: p(0, 0), b: p(500, 0), lengthMm: 50 })
    undoKey(editor)
    await sync.flush()
    expect(main.calls).toEqual(['photos.calibrate', 'photos.calibrate'])
    expect(main.revision()).toBe(3)
  })

  it('says so when main refuses a change, and leaves the document alone', async () => {
    const { editor, sync } = setUp({ refuseCalibration: 'The photo was deleted.' })
    const before = editor.getState().document
    editor.setCalibration({ a: p(0, 0), b: p(500, 0), lengthMm: 50 })
    await sync.flush()
    expect(editor.getState().notice).toBe(
      'The photo’s calibration or measurements could not be stored: The photo was deleted.',
    )
    expect(editor.getState().document).toBe(before)
  })

  it('stops with the editor: a disposed editor sends nothing more', async () => {
    const { editor, main, sync } = setUp()
    editor.dispose()
    editor.setCalibration({ a: p(0, 0), b: p(500, 0), lengthMm: 50 })
    await sync.flush()
    expect(main.calls).toEqual([])
  })
})
