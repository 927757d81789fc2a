import type { Design, DesignDocument } from '../../../shared/design/design-types'
import { AUTOSAVE_DELAY_MS, type Autosave, createAutosave as createDocumentAutosave } from '../state/autosave'
import type { Editor } from './editor'

export type { Autosave } from '../state/autosave'

type SaveFn = (document: DesignDocument, baseRevision: number | null) => Promise<Design>

/**
 * The editor's design, autosaved. A drag in progress is not saved until it ends (only its
 * starting document, if a flush comes mid-drag).
 */
export function createAutosave(
  editor: Editor,
  initial: Design | null,
  save: SaveFn,
  delay = AUTOSAVE_DELAY_MS,
): Autosave<DesignDocument> {
  return createDocumentAutosave<DesignDocument>({
    source: {
      current: () => editor.getState().document,
      settled() {
        const { toolState, document } = editor.getState()
        return toolState.name === 'dragging' || toolState.name === 'dragging-point' ? toolState.before : document
      },
      subscribe: (onChange) =>
        editor.subscribe((next, previous) => {
          if (next.document !== previous.document || next.toolState !== previous.toolState) onChange()
        }),
    },
    stored: {
      document: editor.getState().document,
      revision: initial?.revision ?? null,
      at: initial?.updatedAt ?? null,
    },
    save,
    delay,
  })
}
