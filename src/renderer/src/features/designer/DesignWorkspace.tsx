import { useEffect, useMemo, useRef, useState } from 'react'
import type { PhotoDetail } from '../../../../shared/photos/photo'
import { labelOfView } from '../../../../shared/photos/photo-fields'
import { createViewportStore } from '../../canvas/viewport-store'
import type { Editor } from '../../editor/editor'
import { Banner } from '../../ui/Banner'
import { formatDayTime } from '../../ui/format'
import { Loading } from '../../ui/Loading'
import { useArrivalFocus } from '../../ui/use-arrival-focus'
import { useNarrowWindow } from '../../ui/use-narrow-window'
import { usePhotoPlace } from '../onboarding/use-where-you-were'
import { photoName } from '../photos/format-photo'
import { usePhotoActions, usePhotos } from '../photos/photos-context'
import { usePlan, usePlanActions } from '../plan/plan-context'
import { useSimulation } from '../simulation/use-simulation'
import { DesignToolbar } from './DesignToolbar'
import { ToolOptions } from './ToolOptions'
import { TOOL_HINTS } from './tool-hints'
import { useDesignActions } from './use-design-actions'
import { useEditor } from './use-editor'
import { useOpenDesign } from './use-open-design'
import { useEditorFigures, ZoneFiguresContext } from './use-zone-figures'
import { WorkspaceHeader } from './WorkspaceHeader'
import { WorkspacePanel } from './WorkspacePanel'
import { WorkspaceStage } from './WorkspaceStage'
import '../photos/photos.css'
import './designer.css'

/** The status bar's line: what the tool in hand does, the hand's while Space is held. */
function ToolHint({ editor }: { editor: Editor }) {
  const tool = useEditor(editor, (s) => (s.spaceHeld ? 'hand' : s.tool))
  return <footer className="photo-workspace__status">{TOOL_HINTS[tool]}</footer>
}

/** The panel starts open on a wide window and closed on a narrow one, and follows the window across. */
function usePanelOpen() {
  const narrow = useNarrowWindow()
  const [panelOpen, setPanelOpen] = useState(!narrow)
  const [wasNarrow, setWasNarrow] = useState(narrow)
  if (narrow !== wasNarrow) {
    setWasNarrow(narrow)
    setPanelOpen(!narrow)
  }
  return [panelOpen, setPanelOpen] as const
}

function Workspace({ photo }: { photo: PhotoDetail }) {
  const { closePhoto, measuresStored } = usePhotoActions()
  const viewport = useMemo(
    () => createViewportStore({ width: photo.width, height: photo.height }),
    [photo.width, photo.height],
  )
  const [attempt, setAttempt] = useState(0)
  const design = useOpenDesign(photo, viewport, attempt, measuresStored)
  const editor = design.status === 'ready' ? design.editor : null
  usePhotoPlace(photo.id, viewport, editor)
  const layers = useSimulation(editor, photo)
  // The plan's id for this design seeds the hairline's scatter. Until its first save (below) the
  // plan has not seen the design and counts none of it, so any seed will do till then.
  const designId = usePlan((s) => s.world?.designs.find((d) => d.photoId === photo.id)?.id ?? '')
  const figures = useEditorFigures(editor, designId)
  // Over simulated pigment the zones' tint would change the colour the artist is judging.
  const [tintZones, setTintZones] = useState(false)
  const { refreshWorld } = usePlanActions()
  // Zones drawn or saved since the plan loaded are what its sessions may now treat; on closing,
  // once the last edit is stored, the plan learns of the zones drawn here.
  useEffect(() => {
    void refreshWorld()
  }, [refreshWorld])
  useEffect(() => {
    if (design.status !== 'ready') return
    const { autosave } = design
    return () => void autosave.flush().then(refreshWorld)
  }, [design, refreshWorld])
  // A design's first save gives it its id: the plan learns of it, and with it of the id that seeds
  // the zones' figures (and the layers) as the plan seeds them.
  useEffect(() => {
    if (design.status !== 'ready' || design.autosave.store.getState().revision !== null) return
    const unsubscribe = design.autosave.store.subscribe((state) => {
      if (state.revision === null) return
      unsubscribe()
      void refreshWorld()
    })
    return unsubscribe
  }, [design, refreshWorld])
  useDesignActions(editor)

  const title = photo.chart
    ? photoName(photo)
    : `${labelOfView(photo.view)} · ${photoName(photo)} · ${formatDayTime(photo.takenAt)}`
  const headingRef = useRef<HTMLHeadingElement>(null)
  useArrivalFocus(headingRef)
  // On a narrow window the canvas needs the room; the panel is a button away.
  const [panelOpen, setPanelOpen] = usePanelOpen()
  const reopen = () => setAttempt((n) => n + 1)
  return (
    <ZoneFiguresContext.Provider value={figures}>
      <section className="photo-workspace" aria-label={`Photo: ${title}`}>
        <WorkspaceHeader
          title={title}
          headingRef={headingRef}
          design={design}
          panelOpen={panelOpen}
          onClose={closePhoto}
          onReload={reopen}
          onTogglePanel={() => setPanelOpen((open) => !open)}
        />
        {editor && (
          <div className="photo-workspace__tools">
            <DesignToolbar editor={editor} />
            <ToolOptions editor={editor} />
          </div>
        )}
        <div className="photo-workspace__body" data-panel={panelOpen ? 'open' : 'closed'}>
          <WorkspaceStage
            design={design}
            photo={photo}
            title={title}
            layers={layers}
            tintZones={tintZones}
            onRetry={reopen}
          />
          <WorkspacePanel
            photo={photo}
            editor={editor}
            open={panelOpen}
            layers={layers}
            tintZones={tintZones}
            onTintZones={setTintZones}
            beforeTakeOver={() => (design.status === 'ready' ? design.autosave.flush() : Promise.resolve())}
            onTaken={reopen}
          />
        </div>
        {editor ? (
          <ToolHint editor={editor} />
        ) : (
          <footer className="photo-workspace__status">{TOOL_HINTS.select}</footer>
        )}
      </section>
    </ZoneFiguresContext.Provider>
  )
}

/** The open photo in the design workspace, or its loading and error states. */
export function DesignWorkspace() {
  const open = usePhotos((s) => s.open)
  const { openPhoto, closePhoto } = usePhotoActions()
  if (!open) return null
  if (open.detail.status === 'loading') {
    return <Loading>Opening photo…</Loading>
  }
  if (open.detail.status === 'error') {
    return (
      <div className="page-pad">
        <Banner tone="error" title="This photo could not be opened">
          <p>{open.detail.message}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void openPhoto(open.id)}>
              Try again
            </button>
            <button type="button" className="button button--ghost" onClick={closePhoto}>
              Back to the library
            </button>
          </div>
        </Banner>
      </div>
    )
  }
  return <Workspace key={open.id} photo={open.detail.value} />
}
