import { type ReactNode, useEffect } from 'react'
import { useFileDrop } from '../../ui/use-file-drop'
import { usePhotoActions } from './photos-context'

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
  const { over, zoneProps } = useFileDrop((files) => {
    onImport()
    void importFiles([...files])
  })

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
    <section className="drop-zone" aria-label="Patient page: drop photos here" {...zoneProps}>
      {children}
      {over && (
        <div className="drop-zone__overlay" aria-hidden="true">
          Drop to import photos
        </div>
      )}
    </section>
  )
}
