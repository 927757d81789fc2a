import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { scalpPhotoJpeg } from '../node/scalp-photo'
import { expect, test } from './harness-fixture'
import { calibrateOnRuler, canvas, createPatient, drawShape, main, openPatient, openSection } from './steps'

/** Files as a user would pick them from disk. */
async function photoFiles(): Promise<{ front: string; top: string; notes: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stipple-e2e-photos-'))
  const front = path.join(dir, 'front.jpg')
  const top = path.join(dir, 'Kopf oben (2).jpg')
  const notes = path.join(dir, 'notes.jpg')
  fs.writeFileSync(front, await scalpPhotoJpeg({ pxPerMm: 10 }))
  fs.writeFileSync(top, await scalpPhotoJpeg({ pxPerMm: 8, tone: 30 }))
  fs.writeFileSync(notes, 'Consultation notes, not a photo')
  return { front, top, notes }
}

test('import photos, tag views, calibrate, measure an area; all still there after a reload', async ({
  page,
  harness,
}) => {
  const files = await photoFiles()
  await page.goto(harness.url)
  await createPatient(page, 'Marco Bianchi')
  await main(page).getByRole('tab', { name: 'Photos' }).click()
  await expect(main(page).getByText('No photos yet')).toBeVisible()

  await main(page).getByTestId('photo-file-input').setInputFiles([files.front, files.notes, files.top])
  const importPanel = main(page).getByRole('region', { name: 'Photo import' })
  await expect(importPanel.getByText('2 of 3 imported')).toBeVisible()
  await expect(importPanel.getByText('This file is not an image Stipple can read.')).toBeVisible()
  await expect(main(page).getByRole('tab', { name: 'Photos (2)' })).toBeVisible()

  await main(page).getByRole('combobox', { name: 'View of front.jpg' }).selectOption('front')
  await main(page).getByRole('combobox', { name: 'View of Kopf oben (2).jpg' }).selectOption('top')
  await expect(main(page).getByRole('region', { name: 'Front' }).getByRole('listitem')).toHaveCount(1)
  await expect(main(page).getByRole('region', { name: 'Top' }).getByRole('listitem')).toHaveCount(1)

  await main(page).getByRole('region', { name: 'Front' }).getByRole('button').first().click()
  await expect(canvas(page).locator('canvas').first()).toBeVisible()
  await expect(main(page).getByTestId('calibration-status')).toHaveText(/Not calibrated/)

  await calibrateOnRuler(page)
  const calibration = await main(page).getByTestId('calibration-status').textContent()

  // 400 × 300 photo px at 10 px/mm: 12 cm².
  await drawShape(page, 'a', [
    [300, 300],
    [700, 300],
    [700, 600],
    [300, 600],
  ])
  // The Measurements section, closed while there are none, opens with the first one.
  const measurements = main(page).getByRole('list', { name: 'Measurements' })
  await expect(measurements.locator('output')).toHaveText([/^1[12]\.\d\d cm²$/])
  const area = await measurements.locator('output').textContent()
  await measurements.getByRole('textbox').fill('Frontal zone')
  await measurements.getByRole('textbox').blur()

  await page.reload()
  await openPatient(page, 'Marco Bianchi')
  await main(page).getByRole('tab', { name: 'Photos (2)' }).click()
  await expect(main(page).getByRole('region', { name: 'Top' }).getByRole('listitem')).toHaveCount(1)
  await main(page).getByRole('region', { name: 'Front' }).getByRole('button').first().click()
  await expect(main(page).getByTestId('calibration-status')).toHaveText(calibration ?? '')
  await openSection(page, 'Measurements')
  await expect(measurements.locator('output')).toHaveText([area ?? ''])
  await expect(measurements.getByRole('textbox')).toHaveValue('Frontal zone')
  // The drawn photo comes from the harness, not from disk.
  const sources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))
  expect(sources.some((s) => /\/photos\/working\/[0-9a-f]{64}\.jpg$/.test(s))).toBe(true)
  expect(sources.some((s) => s.startsWith('file:'))).toBe(false)
})

test('photos dropped on the patient page or pasted are imported; the same photo twice is kept once', async ({
  page,
  harness,
}) => {
  const bytes = (await scalpPhotoJpeg({ pxPerMm: 12, tone: 10 })).toString('base64')
  await page.goto(harness.url)
  await createPatient(page, 'Ana Ruiz')

  const transfer = await page.evaluateHandle((b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
    const dt = new DataTransfer()
    dt.items.add(new File([data], 'crown.jpg', { type: 'image/jpeg', lastModified: Date.UTC(2026, 2, 14, 9, 41) }))
    return dt
  }, bytes)
  const dropZone = main(page).getByRole('region', { name: 'Patient page: drop photos here' })
  await dropZone.dispatchEvent('dragenter', { dataTransfer: transfer })
  await expect(page.getByText('Drop to import photos')).toBeVisible()
  await dropZone.dispatchEvent('drop', { dataTransfer: transfer })
  await expect(main(page).getByText('1 of 1 imported')).toBeVisible()
  await expect(main(page).getByRole('tab', { name: 'Photos (1)', selected: true })).toBeVisible()

  // The same image pasted from the clipboard is recognised, not stored twice.
  await page.evaluate((b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
    const dt = new DataTransfer()
    dt.items.add(new File([data], 'image.jpg', { type: 'image/jpeg' }))
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }))
  }, bytes)
  await expect(main(page).getByText('Already in the library')).toBeVisible()
  await expect(main(page).getByRole('tab', { name: 'Photos (1)' })).toBeVisible()
})
