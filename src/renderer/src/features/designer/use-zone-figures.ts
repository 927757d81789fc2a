import { createContext, useContext, useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { DesignDocument } from '../../../../shared/design/design-types'
import type { Editor } from '../../editor/editor'
import { createZoneFiguresCounter, type ZoneFiguresCounter, type ZoneFiguresState } from './zone-figures-counter'

const NOTHING_COUNTED = createStore<ZoneFiguresState>(() => ({ figures: null, pending: false, provisional: false }))

/** The workspace's counter, for the figures panel, the inspector and the labels over the photo. */
export const ZoneFiguresContext = createContext<ZoneFiguresCounter | null>(null)

/** A counter (and its worker) for as long as the component is mounted. */
function useCounter(): ZoneFiguresCounter | null {
  const [counter, setCounter] = useState<ZoneFiguresCounter | null>(null)
  useEffect(() => {
    const made = createZoneFiguresCounter()
    setCounter(made)
    return () => made.dispose()
  }, [])
  return counter
}

/**
 * Counts the editor's zones as the plan does: at once when the design opens or its id becomes
 * known, then once each run of edits pauses. Subscribed outside React, so an edit re-renders
 * nothing here.
 */
export function useEditorFigures(editor: Editor | null, designId: string): ZoneFiguresCounter | null {
  const counter = useCounter()
  useEffect(() => {
    if (!editor || !counter) return
    const ask = (now: boolean) => {
      const { document, pxPerMm } = editor.getState()
      counter.ask({ document, designId, pxPerMm }, now)
    }
    ask(true)
    return editor.subscribe((next, previous) => {
      if (next.document !== previous.document || next.pxPerMm !== previous.pxPerMm) ask(false)
    })
  }, [editor, counter, designId])
  return counter
}

/** The figures the workspace's counter last counted. */
export function useZoneFigures(): ZoneFiguresState {
  return useStore(useContext(ZoneFiguresContext)?.store ?? NOTHING_COUNTED)
}

/** The figures of a design shown read-only, counted whenever it changes. */
export function useDocumentFigures(document: DesignDocument, designId: string, pxPerMm: number | null) {
  const counter = useCounter()
  useEffect(() => {
    counter?.ask({ document, designId, pxPerMm }, true)
  }, [counter, document, designId, pxPerMm])
  return useStore(counter?.store ?? NOTHING_COUNTED)
}
