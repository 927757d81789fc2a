import { afterEach, describe, expect, it } from 'vitest'
import { render } from 'vitest-browser-react'
import { embeddedPhotoUrls } from '../../src/renderer/src/bridge/offline-photos'
import { readEmbeddedReview } from '../../src/renderer/src/bridge/offline-review-data'
import { OfflineApp } from '../../src/renderer/src/features/offline/OfflineApp'
import '../../src/renderer/src/ui/tokens.css'
import '../../src/renderer/src/ui/base.css'
import '../../src/renderer/src/app/app.css'
import {
  OFFLINE_PHOTO_ATTRIBUTE,
  OFFLINE_REVIEW_ELEMENT_ID,
  offlinePhotoKey,
} from '../../src/shared/review-file/offline-review'

const SHA = 'a'.repeat(64)

/** A data block as the review file writes one, in a document of its own. */
function pageWith(blocks: { attributes: Record<string, string>; text: string }[]): Document {
  const doc = document.implementation.createHTMLDocument('review')
  for (const { attributes, text } of blocks) {
    const element = doc.createElement('script')
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
    element.textContent = text
    doc.body.append(element)
  }
  return doc
}

/** A 30 × 20 JPEG, base64, drawn by the browser itself. */
function jpegBase64(): string {
  const canvas = document.createElement('canvas')
  canvas.width = 30
  canvas.height = 20
  const context = canvas.getContext('2d') as CanvasRenderingContext2D
  context.fillStyle = '#c89070'
  context.fillRect(0, 0, 30, 20)
  return canvas.toDataURL('image/jpeg').split(',')[1] as string
}

const loaded = (url: string) =>
  new Promise<{ width: number; height: number }>((resolve, reject) => {
    const image = new Image()
    image.onload = () => resolve({ width: image.naturalWidth, height: image.naturalHeight })
    image.onerror = () => reject(new Error(`${url} did not load`))
    image.src = url
  })

afterEach(() => {
  document.documentElement.dataset.theme = 'dark'
})

describe('an offline review file’s page', () => {
  it('draws each embedded photo from a blob: URL made once, and none for a photo it does not hold', async () => {
    const doc = pageWith([
      {
        attributes: { type: 'application/octet-stream', [OFFLINE_PHOTO_ATTRIBUTE]: offlinePhotoKey('working', SHA) },
        text: jpegBase64(),
      },
    ])
    const urls = embeddedPhotoUrls(doc)
    const url = urls(SHA, 'working')
    expect(url).toMatch(/^blob:/)
    expect(await loaded(url)).toEqual({ width: 30, height: 20 })
    // Asked again, through this bridge or another over the same page: the same image.
    expect(urls(SHA, 'working')).toBe(url)
    expect(embeddedPhotoUrls(doc)(SHA, 'working')).toBe(url)
    expect(urls(SHA, 'thumbnail')).toBe('')
  })

  it('is the app itself when the page embeds no review', () => {
    expect(readEmbeddedReview(pageWith([]))).toEqual({ status: 'none' })
  })

  it('says plainly that a damaged file cannot be opened, instead of a blank page', async () => {
    const damaged = (text: string) =>
      readEmbeddedReview(pageWith([{ attributes: { type: 'application/json', id: OFFLINE_REVIEW_ELEMENT_ID }, text }]))
    for (const text of ['{"format":1,"patient":', '{"format":1}', '[]'])
      expect(damaged(text).status, text).toBe('unreadable')
    const embedded = damaged('{"format":1,"patient":')
    if (embedded.status !== 'unreadable') throw new Error('read as whole')
    const screen = await render(<OfflineApp embedded={embedded} />)
    await expect.element(screen.getByText('This review file cannot be opened')).toBeVisible()
    await expect.element(screen.getByText(/review data in this file is damaged/)).toBeVisible()
  })
})
