import type { Page } from '@playwright/test'
import { expect, test, webOnly } from './harness-fixture'

const sidebar = (page: Page) => page.getByRole('complementary')
const patientList = (page: Page) => page.getByRole('list', { name: 'Patients' })
const main = (page: Page) => page.getByRole('main')

test('a practitioner creates, finds, edits, archives and restores a patient', async ({ page, harness }) => {
  test.setTimeout(60_000)
  await page.goto(harness.url)
  await expect(sidebar(page).getByText('No patients yet. Create the first record.')).toBeVisible()
  await expect(sidebar(page).getByText(new RegExp(`^Stipple \\d+\\.\\d+\\.\\d+ · ${harness.shellName}$`))).toBeVisible()

  await sidebar(page).getByRole('button', { name: 'New patient' }).click()
  await page.getByRole('textbox', { name: 'Full name' }).fill('Marco Bianchi')
  await page.getByRole('textbox', { name: 'Date of birth' }).fill('1979-11-02')
  await page.getByRole('combobox', { name: 'Hair-loss pattern' }).selectOption({ label: 'Norwood 5A' })
  await page.getByRole('checkbox', { name: 'Shaved look' }).check()
  await page.getByRole('checkbox', { name: 'Keloid tendency' }).check()
  await page.getByRole('button', { name: 'Create patient' }).click()

  await expect(main(page).getByRole('heading', { name: 'Marco Bianchi', level: 1 })).toBeVisible()
  await expect(main(page).getByRole('alert').filter({ hasText: 'Keloid tendency: contraindication' })).toBeVisible()
  await expect(sidebar(page).getByText('1 patient', { exact: true })).toBeVisible()

  // Another record, so the search has something to leave out.
  await sidebar(page).getByRole('button', { name: 'New patient' }).click()
  await page.getByRole('textbox', { name: 'Full name' }).fill('Ana Ruiz')
  await page.getByRole('button', { name: 'Create patient' }).click()
  await expect(main(page).getByRole('heading', { name: 'Ana Ruiz', level: 1 })).toBeVisible()

  await page.reload()
  await expect(sidebar(page).getByText('2 patients', { exact: true })).toBeVisible()
  // Most recently changed first.
  await expect(patientList(page).getByRole('button')).toHaveText([/Ana Ruiz/, /Marco Bianchi/])

  await page.getByRole('searchbox', { name: 'Search patients' }).pressSequentially('bian')
  await expect(sidebar(page).getByText('1 patient found')).toBeVisible()
  await expect(patientList(page).getByRole('button')).toHaveText([/Marco Bianchi.*Keloid/])

  await patientList(page)
    .getByRole('button', { name: /Marco Bianchi/ })
    .click()
  await expect(main(page).getByRole('alert').filter({ hasText: 'Keloid tendency: contraindication' })).toBeVisible()
  await main(page).getByRole('button', { name: 'Edit' }).click()
  await page.getByRole('textbox', { name: 'Phone' }).fill('+39 06 1234 5678')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(main(page).getByText('+39 06 1234 5678')).toBeVisible()
  // Focus lands on the saved record, so Tab carries on from there.
  await expect(main(page).getByRole('heading', { name: 'Marco Bianchi', level: 1 })).toBeFocused()

  await page.reload()
  await patientList(page)
    .getByRole('button', { name: /Marco Bianchi/ })
    .click()
  await expect(main(page).getByText('+39 06 1234 5678')).toBeVisible()

  // Archiving asks first; Escape keeps the record and gives the focus back to Archive.
  await main(page).getByRole('button', { name: 'Archive…' }).click()
  await expect(main(page).getByRole('button', { name: 'Archive this record' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(main(page).getByRole('button', { name: 'Archive…' })).toBeFocused()
  await main(page).getByRole('button', { name: 'Archive…' }).click()
  await main(page).getByRole('button', { name: 'Archive this record' }).click()
  await expect(main(page).getByText('Archived record')).toBeVisible()
  await expect(patientList(page).getByRole('button')).toHaveText([/Ana Ruiz/])
  await sidebar(page).getByRole('checkbox', { name: 'Show archived' }).check()
  await expect(patientList(page).getByRole('button', { name: /Marco Bianchi/ })).toContainText('Archived')

  await main(page).getByRole('button', { name: 'Restore' }).click()
  await sidebar(page).getByRole('checkbox', { name: 'Show archived' }).uncheck()
  await expect(patientList(page).getByRole('button')).toHaveText([/Marco Bianchi/, /Ana Ruiz/])
  await expect(main(page).getByRole('button', { name: 'Edit' })).toBeVisible()
})

test('bad input is explained next to the field and nothing is stored', async ({ page, harness }) => {
  await page.goto(harness.url)
  await sidebar(page).getByRole('button', { name: 'New patient' }).click()
  await page.getByRole('textbox', { name: 'Date of birth' }).fill('2999-01-01')
  await page.getByRole('button', { name: 'Create patient' }).click()

  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveAccessibleDescription(
    "Enter the patient's full name",
  )
  await expect(page.getByRole('textbox', { name: 'Full name' })).toBeFocused()
  await expect(page.getByRole('textbox', { name: 'Date of birth' })).toHaveAccessibleDescription(
    'Date of birth cannot be in the future',
  )
  await page.reload()
  await expect(sidebar(page).getByText('0 patients')).toBeVisible()
})

test(
  'the page cannot reach the bridge without the harness token',
  webOnly('the token guards the harness’s HTTP calls; the desktop page reaches main only through its preload'),
  async ({ page, harness }) => {
    await page.goto(harness.url)
    const status = await page.evaluate(async () => {
      const response = await fetch('/api/patients.list', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '', includeArchived: true }),
      })
      return response.status
    })
    expect(status).toBe(401)
  },
)

test('the light theme is one click away and stays chosen', async ({ page, harness }) => {
  await page.goto(harness.url)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.getByRole('button', { name: 'Switch to light theme' }).click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await expect(page.getByRole('button', { name: 'Switch to dark theme' })).toBeVisible()
})
