import type { Locator, Page } from '@playwright/test'
import { localToday } from '../../src/shared/dates'
import { addDays } from '../../src/shared/plan/plan-dates'
import { expect, type SharedApp, test } from './harness-fixture'
import { applyTemplate, main, patientWithZone } from './steps'

/**
 * Journeys made with the keyboard alone: Tab (and Shift+Tab) to reach a control, Enter or Space
 * to press it, arrows in tab lists and lists. A pointer only sets up what a journey starts from.
 */

let harness: SharedApp
let page: Page

test.describe.configure({ mode: 'serial' })

test.beforeAll(async ({ openSharedApp }) => {
  harness = await openSharedApp()
  page = harness.page
})

test.afterAll(async () => {
  await harness?.close()
})

/** Presses Tab until `target` has the focus, as a keyboard user would; fails if it never comes. */
async function tabTo(target: Locator, { back = false, most = 80 } = {}) {
  for (let n = 0; n < most; n++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  await expect(target).toBeFocused()
}

const PATIENT = 'Ingrid Solberg'

test('create a patient', async () => {
  await page.goto(harness.url)
  await tabTo(page.getByRole('complementary').getByRole('button', { name: 'New patient' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('textbox', { name: 'Full name' })).toBeFocused()
  await page.keyboard.type('Keyboard Only')
  await tabTo(page.getByRole('button', { name: 'Create patient' }))
  await page.keyboard.press('Enter')
  await expect(main(page).getByRole('heading', { name: 'Keyboard Only', level: 1 })).toBeFocused()

  // The record's tabs follow the ARIA tabs pattern: one Tab stop, arrows between them.
  await tabTo(main(page).getByRole('tab', { name: 'Record' }), { back: true })
  await page.keyboard.press('ArrowRight')
  await expect(main(page).getByRole('tab', { name: /^Photos/ })).toBeFocused()
  await expect(main(page).getByRole('tab', { name: /^Photos/ })).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('End')
  await expect(main(page).getByRole('tab', { name: 'History' })).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(main(page).getByRole('tab', { name: 'Record' })).toHaveAttribute('aria-selected', 'true')
})

test('open a photo, pick each tool, select, nudge and undo, link the photo to a session, back to the library', async () => {
  // Some 300 key presses, each waited for: on a loaded 2-core machine that alone can take a minute.
  test.setTimeout(180_000)
  // Set up with the pointer: a calibrated photo with a frontal zone, and a plan of three sessions.
  await patientWithZone(page, harness.url, PATIENT)
  await applyTemplate(page, { firstSession: `${addDays(localToday(), 10)}T09:00`, sessions: 3 })
  await page.goto(harness.url)

  const patients = page.getByRole('list', { name: 'Patients' })
  await tabTo(patients.getByRole('button', { name: new RegExp(PATIENT) }))
  await page.keyboard.press('Enter')
  // The patient reopens on the tab last shown (here the plan); the tab list's one Tab stop is that tab.
  await tabTo(main(page).getByRole('tab', { selected: true }))
  await page.keyboard.press('Home')
  await expect(main(page).getByRole('tab', { name: 'Record' })).toBeFocused()
  await page.keyboard.press('ArrowRight')
  const card = main(page).getByRole('region', { name: 'Other' }).getByRole('button').first()
  await tabTo(card)
  await page.keyboard.press('Enter')
  await expect(main(page).getByRole('heading', { level: 1 })).toBeFocused()

  // Enter and Space press the toolbar's buttons; each tool also has its letter.
  const tool = (name: string) => main(page).getByRole('button', { name: new RegExp(`^${name} `) })
  await tabTo(tool('Zone'))
  await page.keyboard.press('Enter')
  await expect(tool('Zone')).toHaveAttribute('aria-pressed', 'true')
  await tabTo(tool('Select'), { back: true })
  await page.keyboard.press(' ')
  await expect(tool('Select')).toHaveAttribute('aria-pressed', 'true')
  for (const [name, key] of [
    ['Hand', 'h'],
    ['Hairline', 'l'],
    ['Zone', 'z'],
    ['Scar', 's'],
    ['Landmark', 'k'],
    ['Pin', 'p'],
    ['Measure', 'm'],
    ['Area', 'a'],
    ['Calibrate', 'c'],
    ['Select', 'v'],
  ] as const) {
    await page.keyboard.press(key)
    await expect(tool(name)).toHaveAttribute('aria-pressed', 'true')
  }

  // N picks the zone, Shift+arrow moves it, Ctrl+Z takes the move back.
  const undo = main(page).getByRole('button', { name: 'Undo', exact: true })
  await expect(undo).toBeDisabled()
  await page.keyboard.press('n')
  await expect(main(page).getByRole('listitem').filter({ hasText: 'Frontal' }).first()).toHaveAttribute(
    'data-selected',
    'true',
  )
  await page.keyboard.press('Shift+ArrowRight')
  await expect(undo).toBeEnabled()
  await page.keyboard.press('Control+z')
  await expect(undo).toBeDisabled()
  await page.keyboard.press('Escape')

  // With nothing selected an arrow key keeps its usual job (scrolling): the workspace leaves it be.
  await page.evaluate(() => {
    window.addEventListener('keydown', (event) => {
      document.body.dataset.lastKeyTaken = String(event.defaultPrevented)
    })
  })
  await page.keyboard.press('ArrowDown')
  await expect(page.locator('body')).toHaveAttribute('data-last-key-taken', 'false')
  await page.keyboard.press('n')
  await page.keyboard.press('ArrowDown')
  await expect(page.locator('body')).toHaveAttribute('data-last-key-taken', 'true')
  await page.keyboard.press('Control+z')
  await page.keyboard.press('Escape')

  // A closed side section opens from its summary; the photo is linked to the first session.
  const details = main(page).locator('summary', { hasText: 'Photo details' })
  await tabTo(details)
  await page.keyboard.press('Enter')
  const session = main(page).getByRole('combobox', { name: 'Taken at session' })
  await expect(session).toBeVisible()
  await tabTo(session)
  await page.keyboard.press('ArrowDown')
  await expect(session.locator('option:checked')).toHaveText(/^Session 1 · /)
  await tabTo(details, { back: true })
  await page.keyboard.press(' ')
  await expect(session).toBeHidden()

  // Back in the library, focus is on the photo that was open; the link was saved.
  await tabTo(main(page).getByRole('button', { name: '← Library' }), { back: true })
  await page.keyboard.press('Enter')
  await expect(card).toBeFocused()
  await page.keyboard.press('Enter')
  await tabTo(details)
  await page.keyboard.press('Enter')
  await expect(session.locator('option:checked')).toHaveText(/^Session 1 · /)
  await tabTo(main(page).getByRole('button', { name: '← Library' }), { back: true })
  await page.keyboard.press('Enter')
})

test('open and close each dialog and confirmation; focus comes back to what opened it', async () => {
  // The photo's delete confirmation: Escape keeps the photo.
  const ask = main(page).getByRole('button', { name: 'Delete front.jpg' })
  await tabTo(ask)
  await page.keyboard.press('Enter')
  await expect(main(page).getByRole('button', { name: /^Delete with its design$|^Delete$/ })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(ask).toBeFocused()
  await page.keyboard.press('Enter')
  await tabTo(main(page).getByRole('button', { name: 'Keep' }))
  await page.keyboard.press('Enter')
  await expect(ask).toBeFocused()

  // The plan's template dialog: Escape closes it and focus returns to its button.
  await tabTo(main(page).getByRole('tab', { name: /^Photos/ }), { back: true })
  await page.keyboard.press('ArrowRight')
  await expect(main(page).getByRole('tab', { name: 'Plan' })).toHaveAttribute('aria-selected', 'true')
  const apply = main(page).getByRole('button', { name: 'Apply template…' }).first()
  await tabTo(apply)
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(apply).toBeFocused()
  await page.keyboard.press('Enter')
  await tabTo(dialog.getByRole('button', { name: 'Cancel' }))
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()

  // Archive asks first; Escape keeps the record.
  await tabTo(main(page).getByRole('tab', { name: 'Plan' }), { back: true })
  await page.keyboard.press('Home')
  const archive = main(page).getByRole('button', { name: 'Archive…' })
  await tabTo(archive)
  await page.keyboard.press('Enter')
  await expect(main(page).getByRole('button', { name: 'Archive this record' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(archive).toBeFocused()

  // The design sheet: its heading takes the focus; back to the record, focus is on the record.
  await tabTo(main(page).getByRole('button', { name: 'Design sheet…' }), { back: true })
  await page.keyboard.press('Enter')
  await expect(main(page).getByRole('heading', { name: 'Design sheet', level: 1 })).toBeFocused({ timeout: 30_000 })
  await tabTo(main(page).getByRole('button', { name: 'Back to record' }))
  await page.keyboard.press('Enter')
  await expect(main(page).getByRole('heading', { name: PATIENT, level: 1 })).toBeFocused()
})
