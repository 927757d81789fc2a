import { useEffect, useState } from 'react'

/**
 * Below this width (a small laptop at 150–200% zoom) the patient list and the photo panel start
 * put away, so the record or the canvas keeps the room it needs.
 */
const NARROW = '(max-width: 900px)'

/** Whether the window is narrow now; follows the window as it is resized or zoomed. */
export function useNarrowWindow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW).matches)
  useEffect(() => {
    const query = window.matchMedia(NARROW)
    const update = () => setNarrow(query.matches)
    query.addEventListener('change', update)
    return () => query.removeEventListener('change', update)
  }, [])
  return narrow
}
