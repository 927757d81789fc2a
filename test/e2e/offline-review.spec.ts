import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from '@playwright/test'
import { CLINIC_DEFAULTS } from '../../src/shared/clinic/clinic-details'
import { localToday } from '../../src/shared/dates'
import { formatDay } from '../../src/shared/plan/plan-dates'
import { harnessCall, patientIdOf } from './harness-calls'
import { expect, test } from './harness-fixture'
import { applyTemplate, main, patientWithZone } from './steps'
import { drawnZonePixels } from './zone-pixels'

const PATIENT = 'Marco Bellini'
const CLINIC = 'Northside Hair Clinic'
const COMMENT = 'Soften the frontal edge before session 2.'

/** A calibrated photo (10 px/mm) with a frontal zone of 40 × 30 mm and the temporary protocol planned over it. */
async function plannedPatient(page: Page, url: string) {
  await patientWithZone(page, url, PATIENT)
  await applyTemplate(page, {
    technique: 'Temporary (tricho-pigmentation)',
    firstSession: `${localToday()}T00:00`,
    practitioner: 'Dana Reyes',
    sessions: 4,
  })
}

/** The clinic's name, and a reviewer's comment pinned to the patient's design. */
async function nameClinicAndComment(page: Page) {
  await harnessCall(page, 'clinic.save', { baseRevision: 0, details: { ...CLINIC_DEFAULTS, name: CLINIC } })
  const [design] = await harnessCall<{ id: string }[]>(page, 'designs.forPatient', {
    patientId: await patientIdOf(page, PATIENT),
  })
  await harnessCall(page, 'comments.add', {
    comment: { designId: design?.id, at: { x: 600, y: 450 }, author: 'Dr Imani Bello', body: COMMENT },
  })
}

test('the offline review file opens from disk with no network: header, photo, design, layers, toggles, timeline and comparisons', async ({
  page,
  harness,
  browser,
}) => {
  test.setTimeout(120_000)
  await plannedPatient(page, harness.url)
  await nameClinicAndComment(page)

  await main(page).getByRole('tab', { name: 'Record' }).click()
  const downloading = page.waitForEvent('download')
  await main(page).getByRole('button', { name: 'Offline review file…' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe(`${PATIENT} review ${localToday()}.html`)
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'stipple-review-'))
  const file = path.join(folder, download.suggestedFilename())
  await download.saveAs(file)
  await expect(
    main(page)
      .getByRole('status')
      .filter({ hasText: `Saved ${PATIENT} review` }),
  ).toBeVisible()

  // A browser of its own, offline, that records anything the page tries to fetch.
  const offline = await browser.newContext({ offline: true, viewport: { width: 1360, height: 860 } })
  const leaks: string[] = []
  offline.on('request', (request) => {
    if (!/^(file|data|blob):/.test(request.url())) leaks.push(request.url())
  })
  await offline.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort('blockedbyclient'),
  )
  await offline.addInitScript(() => {
    const violations: string[] = []
    Object.assign(window, { cspViolations: violations })
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    )
  })
  const review = await offline.newPage()
  const errors: string[] = []
  review.on('pageerror', (error) => errors.push(error.message))
  await review.goto(pathToFileURL(file).href)

  const header = review.getByRole('banner')
  await expect(header.getByText(CLINIC)).toBeVisible()
  await expect(header.getByRole('heading', { name: PATIENT })).toBeVisible()
  await expect(header.getByText(`Generated on ${formatDay(localToday())}`)).toBeVisible()
  await expect(header.getByText('Read-only review')).toBeVisible()

  // The reviewer's comment comes with the file, to read but not to answer.
  await expect(review.getByText(COMMENT)).toBeVisible()
  const stage = review.locator('.photo-canvas').first()
  await expect(stage.locator('canvas').first()).toBeVisible()
  const layers = review.getByRole('list', { name: 'Session layers' })
  await expect(layers.getByRole('listitem')).toHaveCount(4)

  // The photo is drawn (skin, not an empty canvas) and the sessions' dots darken the zone; healed
  // impressions are the fact sheet's 0.10–0.14 mm, so a light first session darkens few pixels.
  await review.getByRole('button', { name: 'S1', exact: true }).click()
  await expect.poll(() => drawnZonePixels(stage).then((p) => p.dark), { timeout: 20_000 }).toBeGreaterThan(8)
  const firstDay = await drawnZonePixels(stage)
  expect(firstDay.distinct).toBeGreaterThan(20)

  // Hiding the first session's layer takes its dots away; showing it brings the same ones back.
  await layers.getByRole('checkbox', { name: 'Show Session 1' }).uncheck()
  await expect.poll(() => drawnZonePixels(stage).then((p) => p.dark)).toBeLessThan(firstDay.dark)
  await layers.getByRole('checkbox', { name: 'Show Session 1' }).check()
  await expect.poll(() => drawnZonePixels(stage)).toEqual(firstDay)

  // A year after the finishing session the temporary pigment has mostly gone.
  const timeline = review.getByRole('slider', { name: 'Show as of' })
  const before = await timeline.getAttribute('aria-valuetext')
  await review.getByRole('button', { name: '+1 y' }).click()
  await expect(timeline).not.toHaveAttribute('aria-valuetext', before ?? '')
  await expect.poll(() => drawnZonePixels(stage).then((p) => p.dark)).toBeLessThan(firstDay.dark)

  // The design is drawn over the photo on a layer of its own: hiding it changes what is shown.
  const withDesign = await review.locator('.photo-canvas').first().screenshot()
  await review.getByRole('checkbox', { name: 'Show the design' }).uncheck()
  await expect.poll(async () => (await stage.screenshot()).equals(withDesign)).toBe(false)

  // Side by side: two moments of one view under one viewport.
  await review.getByRole('button', { name: 'Side by side' }).click()
  const side = (name: 'A' | 'B') => review.getByRole('region', { name: `Side ${name}` }).locator('.photo-canvas')
  await review.getByLabel('Side A shows').selectOption({ index: 0 })
  await review.getByLabel('Side B shows').selectOption({ index: 1 })
  // B shows the first session's healed dots, A the photo before treatment: bare skin, one colour.
  // At half the width a healed dot darkens a pixel only partly, so B's dots are counted by the
  // colours they add; its dark pixels swing with the plan's seed, new each run (8–16 seen).
  await expect.poll(() => drawnZonePixels(side('B')).then((p) => p.distinct), { timeout: 20_000 }).toBeGreaterThan(20)
  await expect.poll(() => drawnZonePixels(side('A'))).toMatchObject({ dark: 0, distinct: 1 })
  const fitted = await side('A').getAttribute('data-scale')
  await review.keyboard.press('+')
  await expect(side('A')).not.toHaveAttribute('data-scale', fitted ?? '')
  expect(await side('B').getAttribute('data-scale')).toBe(await side('A').getAttribute('data-scale'))
  // A drag on side A pans side B with it.
  const seenB = await side('B').screenshot()
  const boxA = await side('A').boundingBox()
  if (!boxA) throw new Error('no side A')
  await review.mouse.move(boxA.x + boxA.width / 2, boxA.y + boxA.height / 2)
  await review.mouse.down()
  await review.mouse.move(boxA.x + boxA.width / 2 + 120, boxA.y + boxA.height / 2 + 60, { steps: 5 })
  await review.mouse.up()
  await expect.poll(async () => (await side('B').screenshot()).equals(seenB)).toBe(false)

  // Swipe: B under A, A shown up to the divider.
  await review.getByRole('button', { name: 'Swipe' }).click()
  const divider = review.getByRole('slider', { name: /^Swipe divider/ })
  const stageOf = review.locator('.review-swipe')
  await divider.focus()
  await review.keyboard.press('Home')
  await expect(divider).toHaveAttribute('aria-valuenow', '0')
  const allB = await stageOf.screenshot()
  await review.keyboard.press('End')
  await expect(divider).toHaveAttribute('aria-valuenow', '100')
  await expect.poll(async () => (await stageOf.screenshot()).equals(allB)).toBe(false)

  expect(errors).toEqual([])
  expect(await review.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([])
  expect(leaks).toEqual([])
  await offline.close()
  fs.rmSync(folder, { recursive: true, force: true })
})
