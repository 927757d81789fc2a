import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { scalpPhotoJpeg } from '../node/scalp-photo'
import { answerSaveDialogs } from './electron-app'
import { expect, type Harness } from './harness-fixture'

/** What a user does again and again across the specs, as they would do it. */

export const main = (page: Page) => page.getByRole('main')
export const canvas = (page: Page) => page.locator('.photo-canvas')

export async function createPatient(page: Page, name: string) {
  await page.getByRole('complementary').getByRole('button', { name: 'New patient' }).click()
  await page.getByRole('textbox', { name: 'Full name' }).fill(name)
  await page.getByRole('button', { name: 'Create patient' }).click()
  await expect(main(page).getByRole('heading', { name, level: 1 })).toBeVisible()
}

/** Where a point of the open photo (1200 × 900) is on screen, read from the layout as it is now. */
export async function onScreen(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = await canvas(page).boundingBox()
  const scale = Number(await canvas(page).getAttribute('data-scale'))
  if (!box) throw new Error('no canvas')
  return {
    x: box.x + (box.width - 1200 * scale) / 2 + x * scale,
    y: box.y + (box.height - 900 * scale) / 2 + y * scale,
  }
}

/** Clicks the open photo at a point in photo pixels. */
export async function clickPhoto(page: Page, x: number, y: number) {
  const at = await onScreen(page, x, y)
  await page.mouse.click(at.x, at.y)
}

/** Opens a closed section of the photo panel (Measurements, Photo details). */
export async function openSection(page: Page, title: string) {
  const section = main(page).locator('details', { has: page.locator('summary', { hasText: title }) })
  if ((await section.getAttribute('open')) === null) await section.locator('summary').click()
}

/**
 * Saves the file `click` makes, as the person would: a download in the browser, the native save
 * dialog on the desktop (answered at Electron's dialog module). It goes into `folder` (a fresh
 * one unless given) under the name the app offered; resolves to where it is and that name.
 */
export async function saveFrom(
  page: Page,
  harness: Pick<Harness, 'electron'>,
  click: () => Promise<void>,
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'stipple-e2e-saved-')),
): Promise<{ file: string; name: string }> {
  if (!harness.electron) {
    const downloading = page.waitForEvent('download')
    await click()
    const download = await downloading
    const file = path.join(folder, download.suggestedFilename())
    await download.saveAs(file)
    return { file, name: download.suggestedFilename() }
  }
  const dialogs = await answerSaveDialogs(harness.electron, folder)
  await click()
  await expect.poll(async () => (await dialogs.saved()).length, { timeout: 30_000 }).toBe(1)
  const [file = ''] = await dialogs.saved()
  // Main writes the whole file beside its place and renames it there: once it is there, it is whole.
  await expect.poll(() => fs.existsSync(file), { timeout: 30_000 }).toBe(true)
  return { file, name: path.basename(file) }
}

/** Opens a patient's record from the list in the sidebar. */
export async function openPatient(page: Page, name: string) {
  await page.getByRole('list', { name: 'Patients' }).getByRole('button', { name }).click()
}

/** Opens the first photo of the library's Other view (where an untagged photo goes) on the canvas. */
export async function openFirstPhoto(page: Page) {
  await main(page).getByRole('region', { name: 'Other' }).getByRole('button').first().click()
  // The photo's working copy is read and decoded first: on a loaded machine that takes seconds.
  await expect(canvas(page).locator('canvas').first()).toBeVisible({ timeout: 15_000 })
}

/** Clicks the open photo at each point in turn, in photo pixels. */
export async function clickPhotoPoints(page: Page, points: readonly (readonly [number, number])[]) {
  for (const [x, y] of points) await clickPhoto(page, x, y)
}

/** Picks a drawing tool by its key, clicks the shape's points on the photo and ends it with Enter. */
export async function drawShape(page: Page, key: string, points: readonly (readonly [number, number])[]) {
  await page.keyboard.press(key)
  await clickPhotoPoints(page, points)
  await page.keyboard.press('Enter')
}

/** Calibrates the open scalp photo from its ruler: the 0 and 50 mm ticks are 500 photo px apart. */
export async function calibrateOnRuler(page: Page) {
  await page.keyboard.press('c')
  await clickPhotoPoints(page, [
    [100, 830],
    [600, 830],
  ])
  await main(page).getByRole('textbox', { name: 'Real length (mm)' }).fill('50')
  await main(page).getByRole('button', { name: 'Save calibration' }).click()
  await expect(main(page).getByTestId('calibration-status')).toHaveText(/Calibrated: (9\.9\d|10\.0\d) px\/mm/)
}

/** A new patient with one imported scalp photo (ruler at 10 px/mm), open and calibrated. */
export async function openCalibratedPhoto(page: Page, url: string, patient: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stipple-e2e-photo-'))
  const file = path.join(dir, 'front.jpg')
  fs.writeFileSync(file, await scalpPhotoJpeg({ pxPerMm: 10 }))
  await page.goto(url)
  await createPatient(page, patient)
  await main(page).getByRole('tab', { name: 'Photos' }).click()
  await main(page).getByTestId('photo-file-input').setInputFiles([file])
  await expect(main(page).getByRole('tab', { name: 'Photos (1)' })).toBeVisible()
  await openFirstPhoto(page)
  await calibrateOnRuler(page)
}

/** The zone `patientWithZone` draws, in photo pixels: 40 × 30 mm at the photo's 10 px/mm. */
export const FRONTAL_ZONE = { left: 400, top: 300, right: 800, bottom: 600 } as const

/**
 * A new patient with a calibrated photo (see `openCalibratedPhoto`) and a frontal zone drawn
 * over `FRONTAL_ZONE` and saved, back in the photo library.
 */
export async function patientWithZone(page: Page, url: string, patient: string) {
  await openCalibratedPhoto(page, url, patient)
  const { left, top, right, bottom } = FRONTAL_ZONE
  await drawShape(page, 'z', [
    [left, top],
    [right, top],
    [right, bottom],
    [left, bottom],
  ])
  await expect(
    main(page)
      .getByRole('region', { name: 'Design figures' })
      .getByRole('row', { name: /Frontal/ }),
  ).toBeVisible()
  await expect(main(page).getByText('All changes saved')).toBeVisible()
  await main(page).getByRole('button', { name: '← Library' }).click()
}

/**
 * On the Plan tab, the technique's protocol template applied from `firstSession` (a local
 * `YYYY-MM-DDTHH:mm`), with the technique chosen first when named; waits for its `sessions` to be
 * saved.
 */
export async function applyTemplate(
  page: Page,
  options: { technique?: string; firstSession: string; practitioner?: string; sessions: number },
) {
  await main(page).getByRole('tab', { name: 'Plan' }).click()
  if (options.technique) {
    await main(page).locator('label', { hasText: options.technique }).click()
    await expect(main(page).getByRole('radio', { name: options.technique })).toBeChecked()
  }
  await main(page).getByRole('button', { name: 'Apply template…' }).first().click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('First session starts').fill(options.firstSession)
  if (options.practitioner) await dialog.getByLabel('Practitioner').fill(options.practitioner)
  await dialog.getByRole('button', { name: 'Apply template' }).click()
  await expect(main(page).getByRole('article', { name: /^Session \d/ })).toHaveCount(options.sessions)
  await expect(main(page).getByText('All changes saved')).toBeVisible()
}
