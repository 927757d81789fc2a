import { type DragEvent, useRef, useState } from 'react'

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files')

/**
 * Makes an element take files dragged from the desktop: `over` while files are held over it
 * (its children's enter and leave events counted, so it does not flicker), `onFiles` on a drop.
 * Spread `zoneProps` on the element; drags of anything but files pass through untouched.
 */
export function useFileDrop(onFiles: (files: FileList) => void) {
  const [over, setOver] = useState(false)
  const depth = useRef(0)
  const zoneProps = {
    'data-over': over || undefined,
    onDragEnter: (e: DragEvent) => {
      if (!hasFiles(e)) return
      depth.current++
      setOver(true)
    },
    onDragLeave: () => {
      depth.current = Math.max(0, depth.current - 1)
      if (depth.current === 0) setOver(false)
    },
    onDragOver: (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      e.dataTransfer.dropEffect = 'copy'
    },
    onDrop: (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth.current = 0
      setOver(false)
      onFiles(e.dataTransfer.files)
    },
  }
  return { over, zoneProps }
}
