import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import sharp from 'sharp'
import { answerMessageBoxes, answerOpenDialogs, answerSaveDialog } from '../e2e/electron-app'
import { expect, type Harness, test } from '../e2e/harness-fixture'
import { saveFrom } from '../e2e/steps'

const sidebar = (page: Page) => page.getByRole('complementary')
const main = (page: Page) => page.getByRole('main')

/** A bridge call the page makes through its preload, as the UI's own calls go. */
function invoke(page: Page, name: string, input: unknown) {
  return page.evaluate(
    ([call, payload]) => {
      const stipple = (window as unknown as { stipple: { invoke(n: unknown, i: unknown): Promise<unknown> } }).stipple
      return stipple.invoke(call, payload)
    },
    [name, input] as const,
  )
}

/** The running desktop app's main process: these journeys run in the Electron project only. */
function electronOf(harness: Harness) {
  if (!harness.electron) throw new Error('The desktop journeys run in Electron (npm run test:electron).')
  return harness.electron
}

/** A folder for files a test saves or imports, removed after it. */
const folders: string[] = []
function filesFolder() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'stipple-desktop-files-'))
  folders.push(folder)
  return folder
}
test.afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true })
})

async function createPatient(page: Page, name: string) {
  await sidebar(page).getByRole('button', { name: 'New patient' }).click()
  await page.getByRole('textbox', { name: 'Full name' }).fill(name)
  await page.getByRole('button', { name: 'Create patient' }).click()
  await expect(main(page).getByRole('heading', { name, level: 1 })).toBeVisible()
}

test('the desktop app opens its window on the app scheme and keeps a patient', async ({ page: window, harness }) => {
  const app = electronOf(harness)
  await expect(window).toHaveTitle('Stipple')
  expect(window.url()).toBe('stipple-app://app/index.html')
  await expect(sidebar(window).getByText(/^Stipple \d+\.\d+\.\d+ · desktop$/)).toBeVisible()
  await createPatient(window, 'Marco Bianchi')
  await window.reload()
  await expect(sidebar(window).getByText('1 patient', { exact: true })).toBeVisible()
  // Context isolation and no Node: the page sees only what the preload exposed.
  const reach = await window.evaluate(() => ({
    node: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    bridge: Object.keys((window as unknown as { stipple: object }).stipple).sort(),
  }))
  expect(reach).toEqual({
    node: 'undefined',
    process: 'undefined',
    bridge: ['invoke', 'onAppCommand', 'onOpenArchive', 'onProgress', 'pathForFile', 'setTheme'],
  })
  expect(await app.evaluate(({ app: electronApp }) => electronApp.getName())).toBe('Stipple')
})

test('the menu has File, Edit, View, Window and Help with the data and logs folders', async ({ harness }) => {
  const labels = await electronOf(harness).evaluate(({ Menu }) =>
    (Menu.getApplicationMenu()?.items ?? []).map((item) => ({
      label: item.label,
      items: item.submenu?.items.map((sub) => sub.label) ?? [],
    })),
  )
  const help = labels.find((menu) => menu.label === 'Help')
  expect(help?.items).toEqual(expect.arrayContaining(['Keyboard Shortcuts', 'Show Data Folder', 'Show Logs Folder']))
  expect(labels.find((menu) => menu.label === 'File')?.items).toContain('Import Patient Archive…')
})

test('a design sheet PDF and a patient archive are written by main where the save dialog says', async ({
  page: window,
  harness,
}) => {
  const app = electronOf(harness)
  const files = filesFolder()
  await createPatient(window, 'Ana Ruiz')
  const pdf = path.join(files, 'Design sheet.pdf')
  await answerSaveDialog(app, pdf)
  expect(
    await invoke(window, 'sheets.savePdf', { paper: 'a4', orientation: 'portrait', suggestedName: 'Sheet.pdf' }),
  ).toEqual({
    ok: true,
    value: { savedAs: 'Design sheet.pdf' },
  })
  expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')

  const archive = path.join(files, 'Ana Ruiz.stipple')
  await answerSaveDialog(app, archive)
  await main(window).getByRole('button', { name: 'Export patient…' }).click()
  await expect(main(window).getByText('Saved Ana Ruiz.stipple')).toBeVisible()
  expect(fs.statSync(archive).size).toBeGreaterThan(0)
})

test('a photo chosen by path is read by main and drawn from the photo scheme', async ({ page: window }) => {
  const files = filesFolder()
  await createPatient(window, 'Ben Okafor')
  const photo = path.join(files, 'front.jpg')
  await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 120, g: 90, b: 70 } } })
    .jpeg()
    .toFile(photo)
  const patients = (await invoke(window, 'patients.list', { query: '', includeArchived: false })) as {
    value: { patients: { id: string }[] }
  }
  const patientId = patients.value.patients[0]?.id
  const imported = (await invoke(window, 'photos.importFile', { patientId, path: photo })) as {
    ok: boolean
    value: { photo: { sha256: string } }
  }
  expect(imported.ok).toBe(true)
  // As the page draws it: an image from the photo scheme (the page's CSP allows it for images only).
  const width = await window.evaluate(
    (sha) =>
      new Promise<number>((resolve) => {
        const image = new Image()
        image.onload = () => resolve(image.naturalWidth)
        image.onerror = () => resolve(0)
        image.src = `stipple-photo://app/photos/thumbnail/${sha}.jpg`
      }),
    imported.value.photo.sha256,
  )
  expect(width).toBe(320)
})

test('a crashed page is reloaded and says saved work is safe', async ({ page: window, harness }) => {
  const app = electronOf(harness)
  await createPatient(window, 'Chloé Martin')
  await answerMessageBoxes(app)
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer())
  await expect(sidebar(window).getByText('1 patient', { exact: true })).toBeVisible({ timeout: 20_000 })
  await expect
    .poll(() => app.evaluate(() => (globalThis as { shownMessages?: string[] }).shownMessages ?? []))
    .toEqual([expect.stringContaining('saved is safe')])
})

test('an archive saved through the save dialog and opened from File › Import Patient Archive… reaches the import preview', async ({
  page: window,
  harness,
}) => {
  const app = electronOf(harness)
  await createPatient(window, 'Dara Nwosu')
  const archive = await saveFrom(window, harness, () =>
    main(window).getByRole('button', { name: 'Export patient…' }).click(),
  )
  await expect(main(window).getByText(`Saved ${archive.name}`)).toBeVisible()

  // The open dialog answers with the saved archive; main reads it by its path and checks it.
  await answerOpenDialogs(app, [archive.file])
  await app.evaluate(({ Menu }) => {
    const file = Menu.getApplicationMenu()?.items.find((item) => item.label === 'File')
    const importItem = file?.submenu?.items.find((item) => item.label === 'Import Patient Archive…')
    if (!importItem) throw new Error('File › Import Patient Archive… is missing')
    importItem.click()
  })
  const dialog = window.getByRole('dialog', { name: 'Import patient' })
  await expect(dialog).toContainText(archive.name)
  await expect(dialog.getByText('Dara Nwosu is already on this machine')).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  fs.rmSync(path.dirname(archive.file), { recursive: true, force: true })
})
