import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './harness-fixture'
import { main, openCalibratedPhoto, openFirstPhoto, saveFrom } from './steps'

const PATIENT = 'Marta Quispe'

/**
 * Notes every percent a progress bar shows from now on, by the bar's name, as the page draws
 * it: main's work on one photo may be over before a poll from the test would see its bar.
 */
async function watchProgressBars(page: Page): Promise<() => Promise<Record<string, number[]>>> {
  await page.evaluate(() => {
    const seen: Record<string, number[]> = {}
    Object.assign(window, { progressSeen: seen })
    const look = () => {
      for (const bar of document.querySelectorAll('[role="progressbar"], progress')) {
        const now = bar.getAttribute('aria-valuenow')
        const name = bar.getAttribute('aria-label') ?? ''
        const values = seen[name] ?? []
        if (now !== null && values.at(-1) !== Number(now)) seen[name] = [...values, Number(now)]
      }
    }
    new MutationObserver(look).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-valuenow'],
    })
  })
  return () => page.evaluate(() => (window as unknown as { progressSeen: Record<string, number[]> }).progressSeen)
}

test('a patient with a photo and a plan, exported and imported on a fresh machine, arrives with the photo and the plan', async ({
  page,
  harness,
}) => {
  test.setTimeout(90_000)
  await openCalibratedPhoto(page, harness.url, PATIENT)
  await main(page).getByRole('button', { name: '← Library' }).click()
  await main(page).getByRole('tab', { name: 'Plan' }).click()
  await main(page).getByRole('button', { name: 'Add session' }).click()
  await expect(main(page).getByRole('article', { name: /^Session 1\b/ })).toBeVisible()
  await expect(main(page).getByText('All changes saved')).toBeVisible()

  await main(page).getByRole('tab', { name: 'Record' }).click()
  const exportBars = await watchProgressBars(page)
  const archive = await saveFrom(page, harness, () =>
    main(page).getByRole('button', { name: 'Export patient…' }).click(),
  )
  expect(archive.name).toMatch(/^Marta Quispe \d{4}-\d{2}-\d{2}\.stipple$/)
  const saved = archive.file
  await expect(main(page).getByText(`Saved ${archive.name}`)).toBeVisible()
  // Main said how far it had got (IPC on the desktop, the page's event stream in the browser).
  const exported = (await exportBars())['Making the archive'] ?? []
  expect(exported.length).toBeGreaterThan(0)
  expect(exported).toEqual([...exported].sort((a, b) => a - b))
  expect(exported.every((percent) => percent >= 0 && percent <= 100)).toBe(true)

  // Another machine: the app started again on an empty data folder.
  page = await harness.restart((dataDir) => {
    fs.rmSync(dataDir, { recursive: true, force: true })
    fs.mkdirSync(dataDir)
  })
  await page.goto(harness.url)
  const sidebar = page.getByRole('complementary')
  await expect(sidebar.getByText('No patients yet', { exact: false })).toBeVisible()

  const importBars = await watchProgressBars(page)
  await sidebar.getByTestId('archive-file-input').setInputFiles(saved)
  const dialog = page.getByRole('dialog', { name: 'Import patient' })
  await expect(dialog).toContainText(PATIENT)
  await expect(dialog).toContainText('1 photo, 1 session')
  const checked = Object.entries(await importBars()).find(([name]) => name.startsWith('Checking the archive'))?.[1]
  expect(checked?.length).toBeGreaterThan(0)
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(dialog).toContainText(`Imported ${PATIENT}`)
  await dialog.getByRole('button', { name: 'Done' }).click()

  // The imported record is open, its photo drawn from the imported files, its plan in place.
  await expect(main(page).getByRole('heading', { name: PATIENT, level: 1 })).toBeVisible()
  await expect(
    sidebar.getByRole('list', { name: 'Patients' }).getByRole('button', { name: /Marta Quispe/ }),
  ).toBeVisible()
  await main(page).getByRole('tab', { name: 'Photos (1)' }).click()
  const thumbnail = main(page).getByRole('region', { name: 'Other' }).getByRole('img').first()
  await expect.poll(() => thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
  await openFirstPhoto(page)
  await expect(main(page).getByTestId('calibration-status')).toHaveText(/Calibrated: (9\.9\d|10\.0\d) px\/mm/)
  await main(page).getByRole('button', { name: '← Library' }).click()
  await main(page).getByRole('tab', { name: 'Plan' }).click()
  await expect(main(page).getByRole('article', { name: /^Session \d/ })).toHaveCount(1)
  fs.rmSync(path.dirname(saved), { recursive: true, force: true })
})
