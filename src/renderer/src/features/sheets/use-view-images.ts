import { useEffect, useRef, useState } from 'react'
import { errorMessage } from '../../bridge/bridge-client'
import { renderViewFile, type ViewRenderRequest } from './render-view'

export type ViewImage = { status: 'drawing' } | { status: 'ready'; url: string } | { status: 'error'; message: string }

/**
 * Views are drawn one at a time, whoever asks: each brings up its own dot worker and samplers,
 * and two cores drawing two views at once would only finish both later.
 */
let queue: Promise<unknown> = Promise.resolve()
function inTurn<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job)
  queue = run.catch(() => undefined)
  return run
}

/**
 * The sheet's pictures of its views, keyed like the requests, drawn in turn and kept as JPEG
 * blob URLs while the sheet is open: a choice undone shows its picture again at once.
 */
export function useViewImages(requests: ReadonlyMap<string, ViewRenderRequest>): ReadonlyMap<string, ViewImage> {
  const [images, setImages] = useState<ReadonlyMap<string, ViewImage>>(new Map())
  const started = useRef(new Set<string>())
  const urls = useRef<string[]>([])
  const live = useRef(true)

  useEffect(() => {
    live.current = true
    return () => {
      live.current = false
      for (const url of urls.current.splice(0)) URL.revokeObjectURL(url)
      started.current.clear()
    }
  }, [])

  useEffect(() => {
    for (const [key, request] of requests) {
      if (started.current.has(key)) continue
      started.current.add(key)
      setImages((current) => new Map(current).set(key, { status: 'drawing' }))
      void inTurn(async () => {
        if (!live.current) return
        try {
          const blob = await renderViewFile(request, 'image/jpeg')
          if (!live.current) return
          const url = URL.createObjectURL(blob)
          urls.current.push(url)
          setImages((current) => new Map(current).set(key, { status: 'ready', url }))
        } catch (error) {
          started.current.delete(key)
          if (live.current)
            setImages((current) => new Map(current).set(key, { status: 'error', message: errorMessage(error) }))
        }
      })
    }
  }, [requests])

  return images
}
