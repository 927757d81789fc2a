import { useEffect, useState } from 'react'

export type ImageLoad = { status: 'loading' } | { status: 'ready'; image: HTMLImageElement } | { status: 'error' }

/**
 * Loads an image for Konva. Anonymous CORS keeps the canvas readable (exports, pixel checks):
 * the photo protocol and the harness both answer same-origin or with CORS allowed.
 */
export function useHtmlImage(url: string): ImageLoad {
  const [load, setLoad] = useState<ImageLoad>({ status: 'loading' })
  useEffect(() => {
    const image = new Image()
    image.crossOrigin = 'anonymous'
    image.decoding = 'async'
    let live = true
    setLoad({ status: 'loading' })
    image.onload = () => live && setLoad({ status: 'ready', image })
    image.onerror = () => live && setLoad({ status: 'error' })
    image.src = url
    return () => {
      live = false
      image.onload = null
      image.onerror = null
    }
  }, [url])
  return load
}
