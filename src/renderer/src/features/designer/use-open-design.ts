import { useEffect, useRef, useState } from 'react'
import { emptyDesign } from '../../../../shared/design/design-types'
import type { Photo, PhotoDetail } from '../../../../shared/photos/photo'
import { errorMessage } from '../../bridge/bridge-client'
import { useBridge } from '../../bridge/bridge-context'
import type { ViewportStore } from '../../canvas/viewport-store'
import { type Autosave, createAutosave } from '../../editor/autosave'
import { Editor } from '../../editor/editor'
import { syncMeasures } from './measures-sync'

/** The photo's design opened in an editor, with its autosave, or on its way. */
export type OpenDesign =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; editor: Editor; autosave: Autosave }

/**
 * Opens the photo's design in an editor that also holds the photo's calibration and
 * measurements, with autosave for the design and a sync for the measures, and writes any
 * unsaved change when the workspace closes or the page goes away (reload, window close).
 * `attempt` reopens it afresh; every close disposes the editor it opened.
 */
export function useOpenDesign(
  photo: PhotoDetail,
  viewport: ViewportStore,
  attempt: number,
  onMeasuresStored: (photo: Photo | null) => Promise<void>,
): OpenDesign {
  const bridge = useBridge()
  const [open, setOpen] = useState<OpenDesign>({ status: 'loading' })
  const photoId = photo.id
  // Read when the design opens and when a calibration is stored, never a reason to reopen.
  const latest = useRef({ photo, onMeasuresStored })
  latest.current = { photo, onMeasuresStored }

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the caller's way of reopening the design afresh
  useEffect(() => {
    let live = true
    let opened: { editor: Editor; autosave: Autosave; flushMeasures(): Promise<void> } | null = null
    setOpen({ status: 'loading' })
    bridge.call('designs.forPhoto', { photoId }).then(
      (design) => {
        if (!live) return
        const { calibration, measurements } = latest.current.photo
        const editor = new Editor({
          document: design?.document ?? emptyDesign(),
          viewport,
          measures: {
            calibration,
            measurements: measurements.map(({ id, kind, label, points }) => ({ id, kind, label, points })),
          },
        })
        const autosave = createAutosave(editor, design, (document, baseRevision) =>
          bridge.call('designs.save', { photoId, baseRevision, document }),
        )
        const sync = syncMeasures(editor, {
          bridge,
          photoId,
          revision: () => latest.current.photo.revision,
          onStored: (stored) => latest.current.onMeasuresStored(stored),
        })
        opened = { editor, autosave, flushMeasures: sync.flush }
        setOpen({ status: 'ready', editor, autosave })
      },
      (error: unknown) => live && setOpen({ status: 'error', message: errorMessage(error) }),
    )
    const flush = () => {
      void opened?.autosave.flush()
      void opened?.flushMeasures()
    }
    window.addEventListener('pagehide', flush)
    window.addEventListener('beforeunload', flush)
    return () => {
      live = false
      window.removeEventListener('pagehide', flush)
      window.removeEventListener('beforeunload', flush)
      if (opened) {
        const closing = opened
        void Promise.all([closing.autosave.flush(), closing.flushMeasures()]).finally(() => {
          closing.autosave.dispose()
          // Also ends the measures sync, which listens through the editor.
          closing.editor.dispose()
        })
      }
    }
  }, [bridge, photoId, viewport, attempt])

  return open
}
