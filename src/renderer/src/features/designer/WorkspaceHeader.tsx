import type { RefObject } from 'react'
import { Icon } from '../../ui/icons'
import { SaveIndicator } from '../../ui/SaveIndicator'
import type { OpenDesign } from './use-open-design'

/** The design workspace's header: back to the library, the photo's name, the save state and the panel's toggle. */
export function WorkspaceHeader(props: {
  title: string
  headingRef: RefObject<HTMLHeadingElement | null>
  design: OpenDesign
  panelOpen: boolean
  onClose(): void
  onReload(): void
  onTogglePanel(): void
}) {
  const { design, panelOpen } = props
  return (
    <header className="photo-workspace__header">
      <button type="button" className="button button--ghost" onClick={props.onClose}>
        ← Library
      </button>
      <h1 className="photo-workspace__title" ref={props.headingRef} tabIndex={-1}>
        {props.title}
      </h1>
      {design.status === 'ready' && <SaveIndicator autosave={design.autosave} onReload={props.onReload} />}
      <button
        type="button"
        className="button button--ghost"
        aria-expanded={panelOpen}
        aria-controls="photo-panel"
        title={panelOpen ? 'Hide the side panel: more room for the photo' : 'Show the side panel'}
        onClick={props.onTogglePanel}
      >
        <Icon name="panel" /> Panel
      </button>
    </header>
  )
}
