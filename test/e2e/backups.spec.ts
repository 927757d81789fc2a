import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './harness-fixture'
import { createPatient, main, openPatient } from './steps'

const patientList = (page: Page) => page.getByRole('list', { name: 'Patients' })

async function openYourData(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('tab', { name: 'Your data' }).click()
}

/** Overwrites pages of the database with garbage, as a failing disk might. */
function damageDatabase(dataDir: string) {
  const file = path.join(dataDir, 'stipple.sqlite3')
  const handle = fs.openSync(file, 'r+')
  for (const page of [2, 3, 4, 5]) fs.writeSync(handle, Buffer.alloc(4096, 0x5a), 0, 4096, (page - 1) * 4096)
  fs.closeSync(handle)
}

test('back up, change a patient, restore the backup from Settings and see the old record', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url)
  await createPatient(page, 'Ana Ruiz')

  await openYourData(page)
  await expect(main(page).getByText(harness.dataDir)).toBeVisible()
  await main(page).getByRole('button', { name: 'Back up now' }).click()
  await expect(main(page).getByRole('note').filter({ hasText: 'Backed up' })).toContainText('1 patient')
  await expect(main(page).getByRole('list', { name: 'Backups' }).getByRole('listitem')).toHaveCount(1)

  await openPatient(page, 'Ana Ruiz')
  await main(page).getByRole('button', { name: 'Edit' }).click()
  await page.getByRole('textbox', { name: 'Full name' }).fill('Ana Ruiz-Marsh')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(main(page).getByRole('heading', { name: 'Ana Ruiz-Marsh', level: 1 })).toBeVisible()

  await openYourData(page)
  const backup = main(page).getByRole('list', { name: 'Backups' }).getByRole('listitem').first()
  await backup.getByRole('button', { name: 'Restore…' }).click()
  const dialog = main(page).getByRole('alertdialog')
  await expect(dialog).toContainText('It holds 1 patient')
  await expect(dialog).toContainText('Ana Ruiz')
  await expect(dialog).toContainText('A safety backup of your current data is taken first')
  await dialog.getByRole('button', { name: 'Restore this backup' }).click()

  // The app reloads over the restored database and says what it did.
  await expect(page.getByRole('status').filter({ hasText: 'is restored' })).toContainText('safety backup')
  await expect(patientList(page).getByRole('button')).toHaveText([/Ana Ruiz/])
  await expect(patientList(page).getByRole('button', { name: /Ana Ruiz-Marsh/ })).toHaveCount(0)

  // The safety backup holds the change, so the restore can be undone from the same list.
  await openYourData(page)
  await expect(main(page).getByRole('list', { name: 'Backups' }).getByRole('listitem')).toHaveCount(2)
  await expect(main(page).getByRole('list', { name: 'Backups' }).getByRole('listitem').first()).toContainText(
    'Safety (before a restore)',
  )
})

test('a damaged database opens the recovery screen, which restores the newest good backup', async ({
  page,
  harness,
}) => {
  // Two harness starts and two page loads of the whole app.
  test.slow()
  await page.goto(harness.url)
  await createPatient(page, 'Ana Ruiz')
  await openYourData(page)
  await main(page).getByRole('button', { name: 'Back up now' }).click()
  await expect(main(page).getByRole('note').filter({ hasText: 'Backed up' })).toBeVisible()

  page = await harness.restart(damageDatabase)
  await page.goto(harness.url)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stipple could not open your patient database')
  await expect(page.getByText('database disk image is malformed')).toBeVisible()
  const newest = page.getByRole('region', { name: /Newest good backup/ })
  await expect(newest).toContainText('1 patient')
  await newest.getByRole('button', { name: 'Restore this backup' }).click()

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your data is back')
  const movedAside = fs.readdirSync(harness.dataDir).find((f) => f.startsWith('stipple.sqlite3.damaged-'))
  expect(movedAside).toBeDefined()
  await expect(page.getByText(`kept in your data folder as ${movedAside}`)).toBeVisible()
  await page.getByRole('button', { name: 'Continue to Stipple' }).click()
  await expect(patientList(page).getByRole('button')).toHaveText([/Ana Ruiz/])
})
