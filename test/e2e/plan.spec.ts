import type { Page } from '@playwright/test'
import { localToday } from '../../src/shared/dates'
import { expect, test } from './harness-fixture'
import { canvas, clickPhoto, main, openCalibratedPhoto, openSection } from './steps'

const PATIENT = 'Giulia Conti'

async function openPhoto(page: Page) {
  await main(page)
    .getByRole('tab', { name: /^Photos/ })
    .click()
  await main(page).getByRole('region', { name: 'Other' }).getByRole('button').first().click()
  await expect(canvas(page).locator('canvas').first()).toBeVisible()
}

/** A calibrated photo (10 px/mm) with a frontal zone of 40 × 30 mm drawn and saved. */
async function patientWithZone(page: Page, url: string) {
  await openCalibratedPhoto(page, url, PATIENT)
  await page.keyboard.press('z')
  for (const [x, y] of [
    [400, 300],
    [800, 300],
    [800, 600],
    [400, 600],
  ] as const)
    await clickPhoto(page, x, y)
  await page.keyboard.press('Enter')
  await expect(
    main(page)
      .getByRole('region', { name: 'Design figures' })
      .getByRole('row', { name: /Frontal/ }),
  ).toBeVisible()
  await expect(main(page).getByText('All changes saved')).toBeVisible()
  await main(page).getByRole('button', { name: '← Library' }).click()
}

const session = (page: Page, n: number) => main(page).getByRole('article', { name: new RegExp(`^Session ${n}\\b`) })

/** A fingerprint of what the photo's own layer shows over the zone: the photo with the pigment multiplied in. */
async function zonePixels(page: Page): Promise<string> {
  const box = await canvas(page).boundingBox()
  const scale = Number(await canvas(page).getAttribute('data-scale'))
  if (!box) throw new Error('no canvas')
  const left = (box.width - 1200 * scale) / 2 + 450 * scale
  const top = (box.height - 900 * scale) / 2 + 350 * scale
  return canvas(page)
    .locator('canvas')
    .first()
    .evaluate(
      (element, { left, top, size }) => {
        const c = element as HTMLCanvasElement
        const ratio = c.width / c.getBoundingClientRect().width
        const data = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(
          Math.round(left * ratio),
          Math.round(top * ratio),
          Math.round(size * ratio),
          Math.round(size * ratio),
        ).data
        let dark = 0
        let sum = 0
        for (let i = 0; i < data.length; i += 4) {
          sum =
            (sum * 31 + (data[i] as number) + (data[i + 1] as number) * 7 + (data[i + 2] as number) * 13) %
            1_000_000_007
          if ((data[i] as number) < 140) dark++
        }
        return `${dark}:${sum}`
      },
      { left, top, size: 150 * scale },
    )
}

test('the temporary template applied to a drawn design, sessions marked, the timeline scrubbed: a reload shows the same plan and the same dots', async ({
  page,
  harness,
}) => {
  // A whole treatment course, twice over (before and after the reload).
  test.setTimeout(90_000)
  await patientWithZone(page, harness.url)

  await main(page).getByRole('tab', { name: 'Plan' }).click()
  await main(page).locator('label', { hasText: 'Temporary (tricho-pigmentation)' }).click()
  await expect(main(page).getByRole('radio', { name: 'Temporary (tricho-pigmentation)' })).toBeChecked()
  await main(page).getByRole('button', { name: 'Apply template…' }).first().click()
  const dialog = page.getByRole('dialog')
  // Day 1 this morning at midnight, so it has happened and can be marked done.
  await dialog.getByLabel('First session starts').fill(`${localToday()}T00:00`)
  await dialog.getByLabel('Practitioner').fill('Dana Reyes')
  await dialog.getByRole('button', { name: 'Apply template' }).click()
  await expect(main(page).getByRole('article', { name: /^Session \d/ })).toHaveCount(4)
  await expect(session(page, 2)).toContainText('Day 2')
  await expect(main(page).getByText('All changes saved')).toBeVisible()

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
  await expect
    .poll(() => zonePixels(page).then((p) => Number(p.split(':')[0])), { timeout: 15_000 })
    .toBeGreaterThan(50)
  const firstDay = await zonePixels(page)
  // Scrubbing to a year after the finishing session: the temporary pigment has mostly gone.
  await main(page).getByRole('button', { name: '+1 y' }).click()
  await expect(timeline).toHaveAttribute('aria-valuetext', /\d{4}/)
  await expect
    .poll(() => zonePixels(page).then((p) => Number(p.split(':')[0])))
    .toBeLessThan(Number(firstDay.split(':')[0]))
  await main(page).getByRole('button', { name: 'S1', exact: true }).click()
  await expect.poll(() => zonePixels(page)).toBe(firstDay)
  // The photo was taken at the first session.
  await openSection(page, 'Photo details')
  const sessionPicker = main(page).getByLabel('Taken at session')
  const firstSession = await sessionPicker.locator('option', { hasText: /^Session 1 ·/ }).getAttribute('value')
  await sessionPicker.selectOption(firstSession ?? '')
  await expect(main(page).getByLabel('Taken at session')).not.toHaveValue('')

  await page.reload()
  await page.getByRole('complementary').getByText(PATIENT).click()
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
  await expect.poll(() => zonePixels(page), { timeout: 15_000 }).toBe(firstDay)
})
