import type { Page } from '@playwright/test'
import { localToday } from '../../src/shared/dates'
import { expect, test } from './harness-fixture'
import { applyTemplate, canvas, main, openFirstPhoto, openPatient, openSection, patientWithZone } from './steps'
import { drawnZonePixels } from './zone-pixels'

const PATIENT = 'Giulia Conti'

async function openPhoto(page: Page) {
  await main(page)
    .getByRole('tab', { name: /^Photos/ })
    .click()
  await openFirstPhoto(page)
}

const session = (page: Page, n: number) => main(page).getByRole('article', { name: new RegExp(`^Session ${n}\\b`) })

test('the temporary template applied to a drawn design, sessions marked, the timeline scrubbed: a reload shows the same plan and the same dots', async ({
  page,
  harness,
}) => {
  // A whole treatment course, twice over (before and after the reload).
  test.setTimeout(90_000)
  await patientWithZone(page, harness.url, PATIENT)
  await applyTemplate(page, {
    technique: 'Temporary (tricho-pigmentation)',
    // Day 1 this morning at midnight, so it has happened and can be marked done.
    firstSession: `${localToday()}T00:00`,
    practitioner: 'Dana Reyes',
    sessions: 4,
  })
  await expect(session(page, 2)).toContainText('Day 2')

  await session(page, 1).getByLabel('Status').selectOption('done')
  await expect(main(page).getByText('All changes saved')).toBeVisible()
  // Day 2 is tomorrow: it cannot be done yet, and the plan on disk keeps what it had.
  await session(page, 2).getByLabel('Status').selectOption('done')
  await expect(session(page, 2).getByText(/future|has not happened|before it/i)).toBeVisible()
  await expect(main(page).getByText(/Not saved: 1 problem to fix/)).toBeVisible()
  await session(page, 2).getByLabel('Status').selectOption('skipped')
  await expect(main(page).getByText('All changes saved')).toBeVisible()

  await openPhoto(page)
  const timeline = main(page).getByRole('slider', { name: 'Show as of' })
  await expect(main(page).getByRole('list', { name: 'Session layers' }).getByRole('listitem')).toHaveCount(4)
  await expect(main(page).getByRole('checkbox', { name: 'Show Session 2' })).toBeVisible()
  await main(page).getByRole('button', { name: 'S1', exact: true }).click()
  // Day 1 is a light base of healed impressions 0.14 mm across (the fact sheet's size): few dark pixels, but some.
  await expect.poll(() => drawnZonePixels(canvas(page)).then((p) => p.dark), { timeout: 15_000 }).toBeGreaterThan(10)
  const firstDay = await drawnZonePixels(canvas(page))
  // Scrubbing to a year after the finishing session: the temporary pigment has mostly gone.
  await main(page).getByRole('button', { name: '+1 y' }).click()
  await expect(timeline).toHaveAttribute('aria-valuetext', /\d{4}/)
  await expect.poll(() => drawnZonePixels(canvas(page)).then((p) => p.dark)).toBeLessThan(firstDay.dark)
  await main(page).getByRole('button', { name: 'S1', exact: true }).click()
  await expect.poll(() => drawnZonePixels(canvas(page))).toEqual(firstDay)
  // The photo was taken at the first session.
  await openSection(page, 'Photo details')
  const sessionPicker = main(page).getByLabel('Taken at session')
  const firstSession = await sessionPicker.locator('option', { hasText: /^Session 1 ·/ }).getAttribute('value')
  await sessionPicker.selectOption(firstSession ?? '')
  await expect(main(page).getByLabel('Taken at session')).not.toHaveValue('')

  await page.reload()
  await openPatient(page, PATIENT)
  await main(page).getByRole('tab', { name: 'Plan' }).click()
  await expect(main(page).getByRole('article', { name: /^Session \d/ })).toHaveCount(4)
  await expect(session(page, 1).getByLabel('Status')).toHaveValue('done')
  await expect(session(page, 2).getByLabel('Status')).toHaveValue('skipped')
  await expect(session(page, 1).getByLabel('Practitioner')).toHaveValue('Dana Reyes')
  await expect(
    session(page, 1)
      .getByRole('region', { name: /^Photos taken at/ })
      .getByRole('img'),
  ).toHaveCount(1)
  await expect(
    session(page, 2)
      .getByRole('region', { name: /^Photos taken at/ })
      .getByRole('img'),
  ).toHaveCount(0)
  await openPhoto(page)
  await main(page).getByRole('button', { name: 'S1', exact: true }).click()
  // Seeded sampling: the same plan draws exactly the same dots after the reload.
  await expect.poll(() => drawnZonePixels(canvas(page)), { timeout: 15_000 }).toEqual(firstDay)
})
