import { type DragEvent, type ReactNode, useEffect, useRef, useState } from 'react'
import { usePhotoActions } from './photos-context'

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files')

const typingInto = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA'].includes(target.tagName))

/**
 * Makes the patient page take photos dropped on it or pasted while it is open (a pasted
 * screenshot or an image copied from another app). `onImport` lets the page show the library.
 */
export function PhotoDropZone({
  enabled,
  onImport,
  children,
}: {
  enabled: boolean
  onImport(): void
  children: ReactNode
}) {
  const { importFiles } = usePhotoActions()
  const [over, setOver] = useState(false)
  const depth = useRef(0)

  useEffect(() => {
    if (!enabled) return
    const onPaste = (event: ClipboardEvent) => {
      if (typingInto(event.target)) return
      const files = [...(event.clipboardData?.files ?? [])].filter((f) => f.type.startsWith('image/'))
      if (files.length === 0) return
      event.preventDefault()
      onImport()
      void importFiles(files)
    }
    document.addEventListener('paste', onPaste)
    return () => document.removeEventListener('paste', onPaste)
  }, [enabled, importFiles, onImport])

  if (!enabled) return <div className="drop-zone">{children}</div>
  return (
    <section
      className="drop-zone"
      aria-label="Patient page: drop photos here"
      data-over={over || undefined}
      onDragEnter={(e) => {
        if (!hasFiles(e)) return
        depth.current++
        setOver(true)
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1)
        if (depth.current === 0) setOver(false)
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return
        e.preventDefault()
        e.dataTransfer.dropEffect = 'copy'
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return
        e.preventDefault()
        depth.current = 0
        setOver(false)
        onImport()
        void importFiles([...e.dataTransfer.files])
      }}
    >
      {children}
      {over && (
        <div className="drop-zone__overlay" aria-hidden="true">
          Drop to import photos
        </div>
      )}
    </section>
  )
}
