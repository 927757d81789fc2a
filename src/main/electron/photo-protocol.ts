import fs from 'node:fs'
import { protocol } from 'electron'
import { PHOTO_SCHEME } from '../../shared/photos/photo-urls'

/**
 * Serves `stipple-photo://app/photos/<variant>/<sha>.jpg` from the photo store. Only paths the
 * backend recognises resolve, so no URL can reach any other file.
 */
export function handlePhotoProtocol(photoFile: (pathname: string) => string | null): void {
  protocol.handle(PHOTO_SCHEME, async (request) => {
    const file = photoFile(new URL(request.url).pathname)
    const body = file && (await fs.promises.readFile(file).catch(() => null))
    if (!body) return new Response('Not found', { status: 404 })
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': 'image/jpeg',
        'Cache-Control': 'private, max-age=31536000, immutable',
        'Access-Control-Allow-Origin': '*',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  })
}
