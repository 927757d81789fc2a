import type { Photo, PhotoId } from '../../../../shared/photos/photo'
import { type BridgeClient, errorMessage } from '../../bridge/bridge-client'
import type { Editor } from '../../editor/editor'
import type { PhotoMeasures } from '../../editor/measures'

export interface MeasuresSync {
  /** Resolves once every change so far has reached main. */
  flush(): Promise<void>
}

/**
 * Keeps main's copy of the photo's calibration and measurements the same as the editor's. The
 * editor owns them, so undo and redo are plain history; each change of its measures (drawn,
 * renamed, deleted, undone, redone) becomes the bridge calls that bring main's copy in line, one
 * change after another in order. Main names a stored measurement itself, so the sync remembers
 * which of main's ids stands for each of the editor's.
 */
export function syncMeasures(
  editor: Editor,
  options: {
    bridge: BridgeClient
    photoId: PhotoId
    /** The photo's revision as the app last heard it; a calibration must name the current one. */
    revision(): number
    /** Main has stored a change: the photo as main returned it, or null when it returned none. */
    onStored(photo: Photo | null): Promise<void>
  },
): MeasuresSync {
  const { bridge, photoId } = options
  const mainIds = new Map(editor.getState().measures.measurements.map((m) => [m.id, m.id]))
  let revision = options.revision()

  const push = async (before: PhotoMeasures, after: PhotoMeasures) => {
    if (before.calibration !== after.calibration) {
      revision = Math.max(revision, options.revision())
      const photo = await bridge.call('photos.calibrate', { id: photoId, revision, calibration: after.calibration })
      revision = photo.revision
      await options.onStored(photo)
    }
    if (before.measurements === after.measurements) return
    const now = new Set(after.measurements.map((m) => m.id))
    for (const gone of before.measurements.filter((m) => !now.has(m.id))) {
      const id = mainIds.get(gone.id)
      mainIds.delete(gone.id)
      if (id) await bridge.call('measurements.delete', { id })
    }
    const was = new Map(before.measurements.map((m) => [m.id, m]))
    for (const m of after.measurements) {
      const old = was.get(m.id)
      if (!old) {
        const { kind, label, points } = m
        // A measurement brought back by undo is stored afresh, under the new id main gives it.
        const saved = await bridge.call('measurements.add', { photoId, measurement: { kind, label, points } })
        mainIds.set(m.id, saved.id)
      } else if (old.label !== m.label) {
        const id = mainIds.get(m.id)
        if (id) await bridge.call('measurements.rename', { id, label: m.label })
      }
    }
    await options.onStored(null)
  }

  let queue = Promise.resolve()
  // Listens through the editor, so disposing the editor ends the sync.
  editor.subscribe((next, previous) => {
    if (next.measures === previous.measures) return
    const before = previous.measures
    const after = next.measures
    queue = queue
      .then(() => push(before, after))
      .catch((error: unknown) =>
        editor.setNotice(`The photo’s calibration or measurements could not be stored: ${errorMessage(error)}`),
      )
  })
  return { flush: () => queue }
}
