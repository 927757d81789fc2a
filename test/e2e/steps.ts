import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { scalpPhotoJpeg } from '../node/scalp-photo'
import { expect } from './harness-fixture'

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
  await main(page).getByRole('region', { name: 'Other' }).getByRole('button').first().click()
  await expect(canvas(page).locator('canvas').first()).toBeVisible()
  // The ruler's 0 and 50 mm ticks are 500 photo px apart.
  await page.keyboard.press('c')
  await clickPhoto(page, 100, 830)
  await clickPhoto(page, 600, 830)
  await main(page).getByRole('textbox', { name: 'Real length (mm)' }).fill('50')
  await main(page).getByRole('button', { name: 'Save calibration' }).click()
  await expect(main(page).getByTestId('calibration-status')).toHaveText(/Calibrated: (9\.9\d|10\.0\d) px\/mm/)
}
