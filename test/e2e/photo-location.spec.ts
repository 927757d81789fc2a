import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import exifReader from 'exif-reader'
import sharp from 'sharp'
import { jpegWithGps } from '../node/images'
import { expect, test } from './harness-fixture'
import { createPatient, main, openFirstPhoto } from './steps'

test('a phone photo is stored without its GPS position, and the photo says so', async ({ page, harness }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stipple-e2e-gps-'))
  const file = path.join(dir, 'IMG_2041.jpg')
  const bytes = await jpegWithGps(640, 480)
  fs.writeFileSync(file, bytes)

  await page.goto(harness.url)
  await createPatient(page, 'Sofia Lind')
  await main(page).getByRole('tab', { name: 'Photos' }).click()
  await main(page).getByTestId('photo-file-input').setInputFiles([file])
  await expect(main(page).getByRole('tab', { name: 'Photos (1)' })).toBeVisible()
  await openFirstPhoto(page)
  await main(page).getByText('Photo details').click()
  await expect(main(page).getByText('Location removed at import')).toBeVisible()

  const originals = fs.readdirSync(path.join(harness.dataDir, 'photos', 'originals'), { recursive: true })
  const stored = originals.map(String).filter((name) => name.endsWith('.jpg'))
  expect(stored).toHaveLength(1)
  const original = fs.readFileSync(path.join(harness.dataDir, 'photos', 'originals', stored[0] as string))
  expect(original.length).toBe(bytes.length)
  const exif = exifReader((await sharp(original).metadata()).exif as Buffer)
  expect(exif.GPSInfo).toBeUndefined()
  expect(exif.Image?.Make).toBe('Canon')
})
