import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import sharp from 'sharp'
import { localToday } from '../../src/shared/dates'
import { addDays, formatDay } from '../../src/shared/plan/plan-dates'
import { CLINICAL_DEFAULTS } from '../../src/shared/settings/clinical-defaults'
import { PNG_METADATA_CHUNKS, pngChunkTypes } from '../node/png-chunks'
import { harnessCall, patientIdOf } from './harness-calls'
import { expect, type Harness, TRANSPORT, test } from './harness-fixture'
import { applyTemplate, main, openPatient, patientWithZone, saveFrom } from './steps'

const PATIENT = 'Marisol Okafor'

/** Folders the files of a test are written to, removed after it. */
const folders: string[] = []
const tempFolder = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  folders.push(dir)
  return dir
}
test.afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})
/** Written into the record but never printed: none of it may reach the files. */
const PRIVATE = { phone: '+44 7700 900123', email: 'marisol@example.org', notes: 'Prefers evening appointments' }

/** The plan starts ten days from now: a session may not be dated before the record was made. */
const FIRST = addDays(localToday(), 10)
/** The permanent template's sessions: each step's proposed gap after the one before. */
const SESSION_DAYS = CLINICAL_DEFAULTS.protocols.permanent.steps
  .map((_, i, steps) => steps.slice(1, i + 1).reduce((sum, step) => sum + step.gapDays, 0))
  .map((gap) => formatDay(addDays(FIRST, gap)))

/**
 * A calibrated photo (10 px/mm) with a 40 × 30 mm frontal zone, a record with a birth date, a
 * keloid tendency and private details, and the permanent template's three sessions three weeks apart.
 */
async function patientWithPlan(page: Page, url: string) {
  await patientWithZone(page, url, PATIENT)
  const id = await patientIdOf(page, PATIENT)
  const record = await harnessCall<Record<string, unknown>>(page, 'patients.get', { id })
  const { id: _, createdAt, updatedAt, archivedAt, revision, ...fields } = record
  await harnessCall(page, 'patients.update', {
    id,
    revision,
    fields: {
      ...fields,
      ...PRIVATE,
      dateOfBirth: '1979-11-02',
      fitzpatrick: 4,
      hairLossPattern: 'norwood-3',
      goals: ['shaved-look'],
      medical: { ...(fields.medical as object), keloid: true },
    },
  })
  await applyTemplate(page, { firstSession: `${FIRST}T09:00`, sessions: 3 })
  return id
}

/** The preview has laid out every page of the sheet as it is set now: printing is offered. */
const previewLaidOut = (page: Page) => expect(pdfButton(page)).toBeEnabled({ timeout: 30_000 })

/** The browser prints the sheet itself; the desktop app has main print it and save the PDF. */
const pdfButton = (page: Page) =>
  main(page).getByRole('button', { name: TRANSPORT === 'electron' ? 'Save PDF…' : 'Print / Save as PDF…' })

async function openSheet(page: Page) {
  // The record is reopened so it shows the details set above.
  await openPatient(page, PATIENT)
  await main(page).getByRole('tab', { name: 'Record' }).click()
  await main(page).getByRole('button', { name: 'Design sheet…' }).click()
  await previewLaidOut(page)
}

/**
 * The sheet as Chromium prints it (print media, the page's own paper size), and what poppler
 * reads in it: printed by the test's browser in the harness, by the desktop app's own Save PDF…
 * (main prints the window and writes where the save dialog says) in Electron.
 */
async function printed(page: Page, harness: Harness) {
  const dir = tempFolder('stipple-sheet-')
  let file = path.join(dir, 'sheet.pdf')
  if (harness.electron) file = (await saveFrom(page, harness, () => pdfButton(page).click(), dir)).file
  else fs.writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  execFileSync('pdftoppm', ['-png', '-r', '40', file, path.join(dir, 'page')])
  const pages = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('page'))
    .sort()
    .map((f) => path.join(dir, f))
  return { dir, file, text, info, pages }
}

/** Spread of a page image's grey levels: a blank page is one flat colour. */
async function inkOn(png: string): Promise<number> {
  const { channels } = await sharp(png).greyscale().stats()
  return channels[0]?.stdev ?? 0
}

test('a design sheet prints to PDF with the patient, the view and its areas, the sessions, the price and page numbers, and nothing private', async ({
  page,
  harness,
}) => {
  test.setTimeout(120_000)
  await patientWithPlan(page, harness.url)
  await openSheet(page)
  await main(page).getByLabel('Size').selectOption('a4')
  await previewLaidOut(page)
  const preview = main(page).locator('.sheet-print')
  const previewPages = Number(await preview.getAttribute('data-pages'))

  const pdf = await printed(page, harness)
  const pages = Number(/Pages:\s+(\d+)/.exec(pdf.info)?.[1])
  expect(pages).toBe(previewPages)
  expect(pdf.info).toMatch(/Title:\s+Design sheet\s*\n/)
  expect(pdf.info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/)
  // Section titles print in capitals, so the words are compared without case.
  const text = pdf.text.replace(/\s+/g, ' ').toLowerCase()
  for (const expected of [
    PATIENT,
    '2 Nov 1979',
    'Fitzpatrick IV',
    'Norwood 3',
    'Keloid tendency: contraindication',
    'Other view',
    ...SESSION_DAYS,
    '$800 – $1,200',
    'Aftercare',
    'Signature',
    `Page 1 of ${pages}`,
    `Page ${pages} of ${pages}`,
  ])
    expect(text).toContain(expected.toLowerCase())
  expect(text).toMatch(/frontal zone 1[12]\.\d\d cm²/)
  for (const secret of Object.values(PRIVATE)) expect(text).not.toContain(secret.toLowerCase())
  // The document's own fields (title, author, subject, keywords) name no one.
  expect(pdf.info).not.toContain('Okafor')
  expect(pdf.pages).toHaveLength(pages)
  for (const png of pdf.pages) expect(await inkOn(png)).toBeGreaterThan(5)

  // US Letter, landscape: the same view prints on the other paper.
  await main(page).getByLabel('Size').selectOption('letter')
  await main(page).getByRole('radio', { name: 'Landscape' }).check()
  await previewLaidOut(page)
  const letter = await printed(page, harness)
  expect(letter.info).toMatch(/Page size:\s+792 x 612 pts \(letter\)/)
  expect(Number(/Pages:\s+(\d+)/.exec(letter.info)?.[1])).toBe(Number(await preview.getAttribute('data-pages')))
})

test('a long plan flows onto more pages, every session printed once and nothing clipped', async ({ page, harness }) => {
  test.setTimeout(120_000)
  const id = await patientWithPlan(page, harness.url)
  const plan = await harnessCall<{ revision: number; technique: string; sessions: Record<string, unknown>[] }>(
    page,
    'plans.get',
    { patientId: id },
  )
  const template = plan.sessions.at(-1) as Record<string, unknown>
  const extra = Array.from({ length: 27 }, (_, i) => ({
    ...template,
    id: `touch-up-${i + 1}`,
    startsAt: `${addDays(FIRST, 60 + 30 * i)}T10:00`,
    // Check-ups that add no pigment: more dots would soon be refused as running together.
    treatments: [],
    notes: '',
  }))
  await harnessCall(page, 'plans.save', {
    patientId: id,
    baseRevision: plan.revision,
    draft: { technique: plan.technique, sessions: [...plan.sessions, ...extra] },
  })
  await page.reload()
  await openSheet(page)
  await main(page).getByLabel('Size').selectOption('a4')
  await previewLaidOut(page)
  const previewPages = Number(await main(page).locator('.sheet-print').getAttribute('data-pages'))

  const pdf = await printed(page, harness)
  const pages = Number(/Pages:\s+(\d+)/.exec(pdf.info)?.[1])
  expect(pages).toBe(previewPages)
  expect(pages).toBeGreaterThanOrEqual(3)
  const text = pdf.text.replace(/\s+/g, ' ')
  const later = extra.map((s) => formatDay(s.startsAt))
  expect(new Set([...SESSION_DAYS, ...later]).size).toBe(30)
  // The first three are in the view's legend too; the check-ups treat no zone, so only the table names them.
  const times = (day: string) => text.match(new RegExp(`(?<!\\d)${day}`, 'g'))?.length ?? 0
  for (const day of SESSION_DAYS) expect(times(day), day).toBe(2)
  for (const day of later) expect(times(day), day).toBe(1)
  expect(text.toLowerCase()).toContain('(continued)')
  for (let n = 1; n <= pages; n++) expect(text).toContain(`Page ${n} of ${pages}`)
  for (const png of pdf.pages) expect(await inkOn(png)).toBeGreaterThan(5)
})

/** Share of a box's pixels dark enough to be a pigment dot on this light skin. */
async function darkShare(file: string, box: { left: number; top: number; width: number; height: number }) {
  const { data } = await sharp(file).extract(box).greyscale().raw().toBuffer({ resolveWithObject: true })
  return data.filter((v) => v < 100).length / data.length
}

test('one view exports as a PNG of the chosen size, with its design and the chosen sessions, and no metadata', async ({
  page,
  harness,
}) => {
  test.setTimeout(120_000)
  await patientWithPlan(page, harness.url)
  await openSheet(page)
  await main(page).getByLabel('Resolution').selectOption('double')
  await expect(main(page).getByText('2400 × 1800 px')).toBeVisible()

  const exportPng = async () => {
    const saved = await saveFrom(
      page,
      harness,
      () => main(page).getByRole('button', { name: 'Export PNG…' }).click(),
      tempFolder('stipple-png-'),
    )
    await expect(main(page).getByText(harness.electron ? /^Saved / : /^Downloaded /)).toBeVisible()
    return saved
  }

  const withLayers = await exportPng()
  expect(withLayers.name).toBe(`${PATIENT} – Other view – ${localToday()}.png`)
  const bytes = fs.readFileSync(withLayers.file)
  const meta = await sharp(bytes).metadata()
  expect([meta.width, meta.height]).toEqual([2400, 1800])
  expect(meta.exif).toBeUndefined()
  expect(pngChunkTypes(bytes).filter((t) => PNG_METADATA_CHUNKS.includes(t))).toEqual([])
  const { channels } = await sharp(bytes).greyscale().stats()
  expect(channels[0]?.stdev).toBeGreaterThan(10)

  // The zone's outline runs along x = 400 photo px, drawn in the zone's colour.
  const designs = await harnessCall<{ document: { objects: { kind: string; colour: string }[] } }[]>(
    page,
    'designs.forPatient',
    { patientId: await patientIdOf(page, PATIENT) },
  )
  const colour = designs[0]?.document.objects.find((o) => o.kind === 'zone')?.colour as string
  const want = [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16))
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)]
  const onOutline = [798, 799, 800, 801, 802].some((x) =>
    at(x, 900).every((c, i) => Math.abs(c - (want[i] as number)) < 40),
  )
  expect(onOutline).toBe(true)

  // Three sessions of dots darken the zone; with none chosen it holds no dots at all. Healed
  // impressions are 0.14 mm (2.8 px at 2×), so at 150 per cm² they cover about 2% of the skin.
  // Inside the zone (800–1600 × 600–1200 px at 2×), clear of its name in the middle.
  const middle = { left: 850, top: 650, width: 250, height: 200 }
  expect(await darkShare(withLayers.file, middle)).toBeGreaterThan(0.002)
  await main(page).getByRole('button', { name: 'None', exact: true }).click()
  const bare = await exportPng()
  expect(await darkShare(bare.file, middle)).toBe(0)
})

test('the clinic’s details and price table from Settings head the sheet and price its estimate', async ({
  page,
  harness,
}) => {
  test.setTimeout(120_000)
  await patientWithPlan(page, harness.url)

  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('tab', { name: 'Clinic and sheets' }).click()
  await page.getByLabel('Clinic name').fill('Northside Scalp Clinic')
  await page.getByLabel('Address').fill('12 Harbour Street\nLeith EH6 6QN')
  const dir = tempFolder('stipple-logo-')
  const logo = path.join(dir, 'logo.jpg')
  fs.writeFileSync(
    logo,
    await sharp({ create: { width: 900, height: 300, channels: 3, background: '#1f4e79' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Logo Designer Ltd' } })
      .toBuffer(),
  )
  await page.getByTestId('clinic-logo-input').setInputFiles(logo)
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('Clinic details saved')).toBeVisible()

  await page.getByRole('tab', { name: 'Clinical defaults' }).click()
  await page.getByLabel('Currency (ISO code)').fill('GBP')
  await page.getByLabel('Band 1 lowest price').fill('900')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('All changes saved')).toBeVisible()
  await page.getByRole('button', { name: 'Back to patients' }).click()

  await openSheet(page)
  const header = main(page).locator('.sheet-print .sheet-header')
  await expect(header).toContainText('Northside Scalp Clinic')
  await expect(header).toContainText('12 Harbour Street · Leith EH6 6QN')
  const logoSize = await header
    .locator('img')
    .evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])
  expect(logoSize).toEqual([600, 200])
  await expect(main(page).locator('.sheet-print .sheet-estimate')).toContainText('£900 – £1,200')

  const pdf = await printed(page, harness)
  const text = pdf.text.replace(/\s+/g, ' ')
  expect(text).toContain('Northside Scalp Clinic')
  expect(text).toContain('£900 – £1,200')
})
