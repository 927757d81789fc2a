import { useEffect, useState } from 'react'
import { emptyDesign } from '../../../../shared/design/design-types'
import { pxPerMm } from '../../../../shared/photos/calibration'
import type { PhotoDetail } from '../../../../shared/photos/photo'
import { errorMessage } from '../../bridge/bridge-client'
import { useBridge } from '../../bridge/bridge-context'
import { type Autosave, createAutosave } from '../../editor/autosave'
import { Editor } from '../../editor/editor'
import type { CanvasStore } from '../canvas/canvas-store'

export type DesignSession =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; editor: Editor; autosave: Autosave }

/**
 * Opens the photo's design in an editor with autosave, and writes any unsaved change when the
 * workspace closes or the page goes away (reload, window close). `attempt` reopens it afresh.
 */
export function useDesignSession(photo: PhotoDetail, canvas: CanvasStore, attempt: number): DesignSession {
  const bridge = useBridge()
  const [session, setSession] = useState<DesignSession>({ status: 'loading' })
  const photoId = photo.id
  const scale = pxPerMm(photo.calibration)

  // biome-ignore lint/correctness/useExhaustiveDependencies: the calibration is applied by the effect below; reopening on it would drop the history
  useEffect(() => {
    let live = true
    let opened: Autosave | null = null
    setSession({ status: 'loading' })
    bridge.call('designs.forPhoto', { photoId }).then(
      (design) => {
        if (!live) return
        const editor = new Editor({ document: design?.document ?? emptyDesign(), canvas, pxPerMm: scale })
        opened = createAutosave(editor, design, (document, baseRevision) =>
          bridge.call('designs.save', { photoId, baseRevision, document }),
        )
        setSession({ status: 'ready', editor, autosave: opened })
      },
      (error: unknown) => live && setSession({ status: 'error', message: errorMessage(error) }),
    )
    const flush = () => void opened?.flush()
    window.addEventListener('pagehide', flush)
    window.addEventListener('beforeunload', flush)
    return () => {
      live = false
      window.removeEventListener('pagehide', flush)
      window.removeEventListener('beforeunload', flush)
      if (opened) {
        const closing = opened
        void closing.flush().finally(() => closing.dispose())
      }
    }
  }, [bridge, photoId, canvas, attempt])

  useEffect(() => {
    if (session.status === 'ready') session.editor.setPxPerMm(scale)
  }, [session, scale])

  return session
}
