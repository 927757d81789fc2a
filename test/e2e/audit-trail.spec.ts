import { expect, test } from './harness-fixture'
import { createPatient, main, openPatient } from './steps'

test('a practitioner edits a record and reads the change, before → after, in its History', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url)
  await createPatient(page, 'Marco Bianchi')
  await main(page).getByRole('button', { name: 'Edit' }).click()
  await page.getByRole('textbox', { name: 'Phone' }).fill('+39 06 1234 5678')
  await page.getByRole('checkbox', { name: 'Keloid tendency' }).check()
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(main(page).getByText('+39 06 1234 5678')).toBeVisible()

  await main(page).getByRole('tab', { name: 'History' }).click()
  await expect(main(page).getByTestId('audit-status')).toContainText('History intact, 2 entries checked')
  const edited = main(page).getByRole('listitem', { name: 'Record edited' })
  const phone = edited.getByRole('listitem').filter({ hasText: 'Phone:' })
  await expect(phone.getByRole('deletion')).toHaveText('Not recorded')
  await expect(phone.getByRole('insertion')).toHaveText('+39 06 1234 5678')
  const keloid = edited.getByRole('listitem').filter({ hasText: 'Keloid tendency:' })
  await expect(keloid.getByRole('deletion')).toHaveText('No')
  await expect(keloid.getByRole('insertion')).toHaveText('Yes')
  await expect(main(page).getByRole('listitem', { name: 'Record created' })).toContainText('Full name: Marco Bianchi')

  // Newest first, and the trail is kept: it reads the same after a reload.
  await page.reload()
  await openPatient(page, 'Marco Bianchi')
  await main(page).getByRole('tab', { name: 'History' }).click()
  await expect(main(page).locator('.audit-entry')).toHaveCount(2)
  await expect(main(page).locator('.audit-entry').first()).toHaveAccessibleName('Record edited')
})
