import type { Page } from '@playwright/test'
import type { Design, DesignDocument } from '../../src/shared/design/design-types'
import { harnessAnswer, harnessCall, patientIdOf } from './harness-calls'
import { expect, test, webOnly } from './harness-fixture'
import {
  clickPhoto,
  clickPhotoPoints,
  drawShape,
  main,
  openCalibratedPhoto,
  openFirstPhoto,
  openPatient,
} from './steps'

const PATIENT = 'Marco Bianchi'

async function photoId(page: Page): Promise<string> {
  const [photo] = await harnessCall<{ id: string }[]>(page, 'photos.list', { patientId: await patientIdOf(page, '') })
  if (!photo) throw new Error('no photo')
  return photo.id
}

const figures = (page: Page) => main(page).getByRole('region', { name: 'Design figures' })
const saved = (page: Page) => expect(main(page).getByText('All changes saved')).toBeVisible()

/** A 400 × 300 px zone (12 cm² at 10 px/mm), drawn with Z, four clicks and Enter, and saved. */
async function drawSavedZone(page: Page) {
  await drawShape(page, 'z', [
    [300, 300],
    [700, 300],
    [700, 600],
    [300, 600],
  ])
  await saved(page)
}

/** Back to the library and into the photo again, which reads the design afresh from the harness. */
/** The figures' text once every table in them is counted: none still busy ("counting…"). */
async function settledFigures(page: Page): Promise<string> {
  await expect(figures(page).locator('table[aria-busy="false"]').first()).toBeVisible({ timeout: 15_000 })
  await expect(figures(page).locator('table[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 })
  return figures(page).innerText()
}

async function reopen(page: Page) {
  await main(page).getByRole('button', { name: '← Library' }).click()
  await openFirstPhoto(page)
  await expect(figures(page)).toBeVisible()
}

test('a design drawn over a photo is saved and comes back whole after a reload', async ({ page, harness }) => {
  await openCalibratedPhoto(page, harness.url, PATIENT)
  // Landmarks: the midline (two clicks), then the glabella the tool moves on to.
  await page.keyboard.press('k')
  await clickPhotoPoints(page, [
    [600, 40],
    [600, 860],
    [600, 780],
  ])
  // One half of the hairline, mirrored about the midline.
  await drawShape(page, 'l', [
    [250, 420],
    [380, 300],
    [520, 260],
  ])
  // A frontal zone: 400 × 120 px at 10 px/mm is 40 × 12 mm = 4.8 cm² drawn. The hairline comes within
  // 4 mm of it, so the plan counts it pulled up to the line: more skin, and more than 720 impressions at 150/cm².
  await drawShape(page, 'z', [
    [400, 100],
    [800, 100],
    [800, 220],
    [400, 220],
  ])
  // A strip scar.
  await drawShape(page, 's', [
    [150, 600],
    [300, 650],
    [450, 640],
  ])
  await saved(page)

  const zone = figures(page).getByRole('row', { name: /Frontal/ })
  await expect(zone.getByRole('cell')).toHaveText([/^\d+\.\d\d cm²$/, '150/cm²', /^[\d,]+$/])
  const [area, , impressions] = await zone.getByRole('cell').allTextContents()
  const treated = Number.parseFloat(area ?? '')
  expect(treated).toBeGreaterThan(4.8 + 0.5)
  expect(Math.abs(Number((impressions ?? '').replace(',', '')) - treated * 150)).toBeLessThanOrEqual(1)
  // The outline's own area beside it, and why the two differ.
  const note = figures(page).getByText(/^outline \d\.\d\d cm² · treated .* \(pulled up to the hairline\)$/)
  await expect(note).toBeVisible()
  const outline = Number.parseFloat(((await note.textContent()) ?? '').replace('outline ', ''))
  expect(Math.abs(outline - 4.8)).toBeLessThan(0.1)
  const hairline = figures(page).getByRole('definition')
  await expect(hairline.first()).toHaveText(/^\d+\.\d mm$/)
  // The hairline meets the midline about 260 px, 5.2 cm flat on the photo, above the glabella; a
  // tape over the forehead's curve measures it longer.
  await expect(hairline.nth(1)).toHaveText(/^\d+\.\d cm over the forehead \(tape\) · 5\.\d cm flat on the photo$/)
  const [tape, flat] = ((await hairline.nth(1).textContent()) ?? '').match(/\d+\.\d/g)?.map(Number) ?? []
  expect(tape).toBeGreaterThan(flat ?? Number.POSITIVE_INFINITY)
  await expect(figures(page).getByText(/^FUT strip/)).toBeVisible()
  // Once saved, the plan knows the design and its figures are counted as the plan counts them.
  await expect(main(page).getByText('All changes saved')).toBeVisible()
  const before = await settledFigures(page)
  // A pin dropped just before the reload: the change is written as the page goes away.
  await page.keyboard.press('p')
  await clickPhoto(page, 900, 500)
  await expect(main(page).getByText('Unsaved changes')).toBeVisible()
  const objects = await main(page).locator('.objects-panel').innerText()

  await page.reload()
  await openPatient(page, PATIENT)
  await main(page).getByRole('tab', { name: 'Photos (1)' }).click()
  const card = main(page).getByRole('region', { name: 'Other' }).getByRole('listitem')
  await expect(card.getByText('design', { exact: true })).toBeVisible()
  await card.getByRole('button').first().click()
  await expect(figures(page).getByRole('row', { name: /Frontal/ })).toBeVisible()
  // The zones' figures are counted again off the UI thread as the design opens.
  await expect.poll(() => figures(page).innerText()).toBe(before)
  expect(await main(page).locator('.objects-panel').innerText()).toBe(objects)
  for (const name of ['Hairline', 'Frontal', 'FUT strip', 'Facial midline', 'Glabella', 'Note'])
    await expect(main(page).getByRole('button', { name, exact: true })).toBeVisible()
  await expect(main(page).getByText('All changes saved')).toBeVisible()
})

test(
  'the harness refuses invalid designs and stale saves, and keeps the stored design as it was',
  webOnly(
    'it reads the harness’s HTTP answers; over IPC the same dispatch refuses them (test/node/shell/main-entry.test.ts)',
  ),
  async ({ page, harness }) => {
    await openCalibratedPhoto(page, harness.url, PATIENT)
    await drawSavedZone(page)
    // A second save, so there is an older revision to build on.
    await main(page).getByRole('spinbutton', { name: 'Target density' }).fill('160')
    await expect(figures(page).getByText('160/cm²')).toBeVisible()
    await saved(page)
    const figuresBefore = await settledFigures(page)
    const id = await photoId(page)
    const stored = await harnessCall<Design>(page, 'designs.forPhoto', { photoId: id })
    expect(stored.revision).toBe(2)
    expect(stored.document.objects).toHaveLength(1)
    const zone = stored.document.objects[0] as DesignDocument['objects'][number]

    const withZone = (patch: Record<string, unknown>) => ({ ...stored.document, objects: [{ ...zone, ...patch }] })
    // Each refused for its own reason, which the message names.
    const invalid: [string, unknown, RegExp][] = [
      [
        'a zone outline crossing itself',
        withZone({
          points: [
            { x: 300, y: 300 },
            { x: 700, y: 600 },
            { x: 700, y: 300 },
            { x: 300, y: 600 },
          ],
        }),
        /must not cross itself/,
      ],
      [
        'a point off the photo',
        withZone({ points: [...zone.points.slice(0, 3), { x: -50, y: 600 }] }),
        /outside the photo/,
      ],
      ['a density out of range', withZone({ density: 0 }), /density is at least 1/],
      ['a colour that is not #rrggbb', withZone({ colour: 'red' }), /#rrggbb/],
      ['a field the schema does not know', withZone({ script: '<img onerror=alert(1)>' }), /Unknown field/],
      ['a zone with two corners', withZone({ points: zone.points.slice(0, 2) }), /at least three corners/],
      ['a newer schema', { ...stored.document, schema: 2 }, /version 1/],
      ['two objects with one id', { ...stored.document, objects: [zone, { ...zone, name: 'Copy' }] }, /share the id/],
      ['no document', null, /missing/],
    ]
    for (const [what, document, reason] of invalid) {
      const answer = await harnessAnswer(page, 'designs.save', { photoId: id, baseRevision: stored.revision, document })
      expect(answer.status, what).toBe(200)
      expect(answer.body.ok ? 'saved' : answer.body.error.code, what).toBe('invalid_input')
      if (!answer.body.ok) expect(answer.body.error.message, what).toMatch(reason)
    }

    // A valid save built on an older revision, on one that does not exist yet, or a first save
    // over an existing design, is a conflict.
    const valid = withZone({ density: 200 })
    for (const baseRevision of [1, 3, null]) {
      const answer = await harnessAnswer(page, 'designs.save', { photoId: id, baseRevision, document: valid })
      expect(answer.body.ok ? 'saved' : answer.body.error.code, `base revision ${baseRevision}`).toBe('conflict')
    }

    // Nothing changed: the same revision and document, and the same figures on reopening.
    expect(await harnessCall<Design>(page, 'designs.forPhoto', { photoId: id })).toEqual(stored)
    await reopen(page)
    expect(await settledFigures(page)).toBe(figuresBefore)
  },
)

test('a design changed elsewhere is not overwritten: the workspace says so and reopens the latest', async ({
  page,
  harness,
}) => {
  await openCalibratedPhoto(page, harness.url, PATIENT)
  await drawSavedZone(page)
  const id = await photoId(page)
  const stored = await harnessCall<Design>(page, 'designs.forPhoto', { photoId: id })
  // Another window saves a denser zone on top of this one.
  const [zone] = stored.document.objects
  const elsewhere = { ...stored.document, objects: [{ ...zone, density: 200 }] }
  const other = await harnessCall<Design>(page, 'designs.save', {
    photoId: id,
    baseRevision: stored.revision,
    document: elsewhere,
  })
  expect(other.revision).toBe(stored.revision + 1)

  // This window's next change is refused rather than written over it.
  await main(page).getByRole('spinbutton', { name: 'Target density' }).fill('120')
  const alert = main(page).getByRole('alert').filter({ hasText: 'Not saved' })
  await expect(alert).toContainText('changed elsewhere')
  expect(await harnessCall<Design>(page, 'designs.forPhoto', { photoId: id })).toEqual(other)

  await alert.getByRole('button', { name: 'Reopen' }).click()
  await expect(
    figures(page)
      .getByRole('row', { name: /Frontal/ })
      .getByRole('cell')
      .nth(1),
  ).toHaveText('200/cm²')
  await expect(main(page).getByText('All changes saved')).toBeVisible()
})
