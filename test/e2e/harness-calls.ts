import type { Page } from '@playwright/test'
import { HARNESS_API_PREFIX, HARNESS_TOKEN_HEADER, HARNESS_TOKEN_META } from '../../src/shared/bridge/harness-protocol'

export interface HarnessAnswer {
  status: number
  body: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }
}

/**
 * A bridge call sent straight to the harness over HTTP, as any script on the page could: with
 * the token the harness wrote into the page (or the page kept), from the page's own origin.
 */
export function harnessAnswer(page: Page, name: string, input: unknown): Promise<HarnessAnswer> {
  return page.evaluate(
    async ({ url, input, meta, header }) => {
      const token =
        document.querySelector<HTMLMetaElement>(`meta[name="${meta}"]`)?.content ?? localStorage.getItem(meta) ?? ''
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [header]: token },
        body: JSON.stringify(input),
      })
      return { status: response.status, body: await response.json() }
    },
    { url: `${HARNESS_API_PREFIX}${name}`, input, meta: HARNESS_TOKEN_META, header: HARNESS_TOKEN_HEADER },
  )
}

/**
 * A call that must succeed, made as the page makes it (through the desktop preload, or over
 * HTTP to the harness): for setting up what a test is not about.
 */
export async function harnessCall<T>(page: Page, name: string, input: unknown): Promise<T> {
  const viaPreload = await page.evaluate(
    ([call, payload]) => {
      const desktop = (window as { stipple?: { invoke(n: string, i: unknown): Promise<unknown> } }).stipple
      return desktop ? desktop.invoke(call, payload) : null
    },
    [name, input] as const,
  )
  const body = (viaPreload ?? (await harnessAnswer(page, name, input)).body) as HarnessAnswer['body']
  if (!body.ok) throw new Error(`${name}: ${body.error.code}: ${body.error.message}`)
  return body.value as T
}

/** The id of the patient a search for `name` finds first (every patient for ''). */
export async function patientIdOf(page: Page, name: string): Promise<string> {
  const { patients } = await harnessCall<{ patients: { id: string }[] }>(page, 'patients.list', {
    query: name,
    includeArchived: false,
  })
  if (!patients[0]) throw new Error(`no patient found for "${name}"`)
  return patients[0].id
}
