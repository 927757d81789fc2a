import { createHash } from 'node:crypto'
import {
  OFFLINE_PHOTO_ATTRIBUTE,
  OFFLINE_REVIEW_ELEMENT_ID,
  type OfflineReview,
} from '../../../shared/review-file/offline-review'
import type { RendererBundle } from './renderer-bundle'

/** An embedded photo file: its `<variant>:<sha256>` key and its JPEG bytes. */
export interface EmbeddedPhoto {
  key: string
  bytes: Uint8Array
}

/**
 * Text inside `<script>` or `<style>` ends at the first `</script` or `</style`, whatever the
 * code means by it, and in a script `<!--` can hide that end from the parser. In JavaScript
 * strings, regular expressions and comments `\x3C` reads the same as `<`; in CSS, `<\/` the
 * same as `</`. Line ends are made LF as the parser would, so the policy's hash is of the very
 * text the browser hashes.
 */
export function escapeRawText(text: string, element: 'script' | 'style'): string {
  const lf = text.replace(/\r\n?/g, '\n')
  return element === 'script' ? lf.replace(/<(\/script|!--)/gi, '\\x3C$1') : lf.replace(/<\/(style)/gi, '<\\/$1')
}

/** JSON whose text holds no `<`, `>` or `&`, so no sequence in the data can close its element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const sha256Source = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

/**
 * The page's whole policy: only its own inline script and styles (by hash, so nothing injected
 * could run), photos from data: and blob: URLs, the dot workers from blob: URLs, and no request
 * of any kind to anywhere.
 */
export function reviewPolicy(script: string, styles: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src ${sha256Source(script)}`,
    `style-src ${styles.map(sha256Source).join(' ') || "'none'"}`,
    'img-src data: blob:',
    'worker-src blob:',
    "connect-src 'none'",
    "font-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}

/**
 * One self-contained HTML page: the renderer's script and styles inline, the review as JSON and
 * each photo as base64, under a policy that lets the page reach nothing outside itself.
 */
export function assembleReviewPage(input: {
  bundle: RendererBundle
  review: OfflineReview
  photos: readonly EmbeddedPhoto[]
}): string {
  const { bundle, review } = input
  const script = escapeRawText(bundle.script, 'script')
  const styles = bundle.styles.map((style) => escapeRawText(style, 'style'))
  const title = `${review.patient.fullName} · review · ${review.clinicName}`
  const photos = input.photos.map(
    (photo) =>
      `<script type="application/octet-stream" ${OFFLINE_PHOTO_ATTRIBUTE}="${escapeHtml(photo.key)}">${Buffer.from(photo.bytes).toString('base64')}</script>`,
  )
  return [
    '<!doctype html>',
    '<html lang="en" data-theme="dark">',
    '<head>',
    '<meta charset="UTF-8" />',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(reviewPolicy(script, styles))}" />`,
    '<meta name="referrer" content="no-referrer" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${escapeHtml(title)}</title>`,
    ...styles.map((style) => `<style>${style}</style>`),
    `<script type="module">${script}</script>`,
    '</head>',
    '<body>',
    // Shown only where scripts are off: the review itself needs the app's script.
    `<div id="root"><noscript><p>This Stipple review of ${escapeHtml(review.patient.fullName)} (${escapeHtml(review.clinicName)}, generated ${escapeHtml(review.generatedAt.replace('T', ' '))}) needs JavaScript to draw its photos and layers.</p></noscript></div>`,
    `<script type="application/json" id="${OFFLINE_REVIEW_ELEMENT_ID}">${jsonForScript(review)}</script>`,
    ...photos,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
