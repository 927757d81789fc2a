import { useEffect, useState } from 'react'
import type { Photo } from '../../../../shared/photos/photo'
import type { ViewHint } from '../../../../shared/photos/suggest-view'
import { useBridge } from '../../bridge/bridge-context'

/**
 * What the photo's own metadata says about its view, asked of main once per photo and only when
 * `wanted` (an untagged photo whose name says nothing); null until it answers, or when it cannot tell.
 */
export function useViewHint(photo: Pick<Photo, 'id'>, wanted: boolean): ViewHint | null {
  const bridge = useBridge()
  const [hint, setHint] = useState<{ id: string; hint: ViewHint | null } | null>(null)
  useEffect(() => {
    if (!wanted) return
    let live = true
    bridge
      .call('photos.viewHint', { id: photo.id })
      .then((answer) => {
        if (live) setHint({ id: photo.id, hint: answer })
      })
      // No hint is a fine answer: the view picker is still there.
      .catch(() => {})
    return () => {
      live = false
    }
  }, [bridge, photo.id, wanted])
  return wanted && hint?.id === photo.id ? hint.hint : null
}
