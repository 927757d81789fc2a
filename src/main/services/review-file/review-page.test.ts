import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { EMPTY_PATIENT_FIELDS } from '../../../shared/patients/patient'
import { OFFLINE_REVIEW_FORMAT, type OfflineReview } from '../../../shared/review-file/offline-review'
import { CLINICAL_DEFAULTS } from '../../../shared/settings/clinical-defaults'
import { assembleReviewPage, escapeRawText, jsonForScript } from './review-page'

const HOSTILE_NAME = 'Ana </script><script>alert(1)</script> <!-- Ruiz & "co"'

const review = (): OfflineReview => ({
  format: OFFLINE_REVIEW_FORMAT,
  generatedAt: '2026-06-01T14:05',
  clinicName: 'Clinic </style> & Co',
  appVersion: '1.2.3',
  patient: {
    ...EMPTY_PATIENT_FIELDS,
    fullName: HOSTILE_NAME,
    id: 'p1',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    archivedAt: null,
    revision: 1,
  },
  photos: [],
  designs: [],
  plan: { patientId: 'p1', technique: 'permanent', sessions: [], revision: 0, updatedAt: null },
  pigments: [],
  settings: { settings: structuredClone(CLINICAL_DEFAULTS) as OfflineReview['settings']['settings'], revision: 0 },
  comments: [],
})

/**
 * The text of every `<script>` element as an HTML parser splits them: each ends at the first
 * `</script`, and nothing inside a `<style>` (raw text up to its first `</style`) is a tag.
 */
function scriptElements(html: string): { open: string; text: string }[] {
  return [...html.replace(/<style>[\s\S]*?<\/style/gi, '').matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script/gi)].map(
    (m) => ({
      open: m[1] as string,
      text: m[2] as string,
    }),
  )
}

describe('the offline review page', () => {
  const bundle = {
    script: 'const a = "</script><script>alert(2)</script>";\r\nconst b = /<!--/.test("<!--");\nwindow.ok = a + b',
    styles: ['.x::after { content: "</style><script>alert(3)</script>" }'],
  }
  const page = () =>
    assembleReviewPage({ bundle, review: review(), photos: [{ key: 'working:ab', bytes: new Uint8Array([1, 2, 3]) }] })

  it('holds exactly three scripts: the app, the review data and the photo, whatever the code and data contain', () => {
    const scripts = scriptElements(page())
    expect(scripts.map((s) => s.open.trim())).toEqual([
      'type="module"',
      'type="application/json" id="stipple-offline-review"',
      'type="application/octet-stream" data-stipple-photo="working:ab"',
    ])
    expect(scripts[2]?.text).toBe(Buffer.from([1, 2, 3]).toString('base64'))
  })

  it('keeps the code meaning the same: the escapes read as the characters they replace', () => {
    const [app] = scriptElements(page())
    // Evaluated as JavaScript, the escaped script builds the very strings the original did.
    const run = new Function('window', `${app?.text}; return window.ok`)
    expect(run({})).toBe(new Function('window', `${bundle.script}; return window.ok`)({}))
  })

  it('gives back the review exactly from its JSON', () => {
    const [, data] = scriptElements(page())
    expect(JSON.parse(data?.text ?? '')).toEqual(review())
    expect(jsonForScript({ s: '</script>&<!--' })).not.toMatch(/[<>&]/)
  })

  it('allows only its own inline script and style by hash and reaches nothing outside the file', () => {
    const html = page()
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/
      .exec(html)?.[1]
      ?.replace(/&#39;|&quot;/g, '')
    const [app] = scriptElements(html)
    const style = /<style>([\s\S]*?)<\/style/.exec(html)?.[1] ?? ''
    const hash = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64')
    expect(policy).toContain(`script-src 'sha256-${hash(app?.text ?? '')}'`)
    expect(policy).toContain(`style-src 'sha256-${hash(style)}'`)
    for (const rule of [
      "default-src 'none'",
      "connect-src 'none'",
      'img-src data: blob:',
      'worker-src blob:',
      "base-uri 'none'",
      "form-action 'none'",
    ])
      expect(policy).toContain(rule)
    expect(policy).not.toMatch(/unsafe|https?:|\*/)
    expect(style).not.toMatch(/<\/style/i)
    expect(app?.text).not.toContain('\r')
  })

  it('writes the patient and clinic into the title and the no-script note as text, never as markup', () => {
    const html = page()
    expect(html).toContain(
      '<title>Ana &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- Ruiz &amp; &quot;co&quot; · review · Clinic &lt;/style&gt; &amp; Co</title>',
    )
    expect(html).toContain('generated 2026-06-01 14:05')
    expect(html).not.toContain('alert(1)</script>')
  })

  it('escapes only what would end the element', () => {
    expect(escapeRawText('a<b </ScRiPt x <!-- y', 'script')).toBe('a<b \\x3C/ScRiPt x \\x3C!-- y')
    expect(escapeRawText('a </STYLE> <!--', 'style')).toBe('a <\\/STYLE> <!--')
  })
})
