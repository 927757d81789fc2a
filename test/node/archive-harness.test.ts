import fs from 'node:fs'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { createPhotoFiles } from '../../src/main/services/photos/photo-files'
import { containsBytes, decodeFrame, encodeFrame, FRAME_CONTENT_TYPE } from '../../src/shared/bridge/binary-frame'
import type { CallInput, CallName, CallOutput } from '../../src/shared/bridge/contract'
import type { BridgeResult } from '../../src/shared/bridge/errors'
import { HARNESS_TOKEN_HEADER } from '../../src/shared/bridge/harness-protocol'
import type { Photo } from '../../src/shared/photos/photo'
import { validFields } from '../fixtures/patients'
import { harnessesForEachTest } from './harness-bed'
import { flatJpeg } from './images'
import { tempDirsForEachTest } from './temp-dir'

const tempDir = tempDirsForEachTest()
const startHarness = harnessesForEachTest(tempDir)

/**
 * A harness on a fresh data folder, called over HTTP as the page calls it: bytes go out as a
 * frame, and an answer that carries bytes comes back as one (the e2e spec drives the page's own
 * client through the same path).
 */
async function machine() {
  const uploadDir = path.join(tempDir(), 'uploads')
  const { harness, origin, dataDir } = await startHarness({ version: '9.9.9', uploadDir })
  return {
    /** The files an archive upload left in the harness's upload folder. */
    uploadsLeft: () => (fs.existsSync(uploadDir) ? fs.readdirSync(uploadDir) : []),
    storedOriginal: (photo: Photo) =>
      fs.readFileSync(createPhotoFiles(dataDir).pathOf(photo.sha256, 'original', photo.format)),
    async call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
      const framed = containsBytes(input)
      const response = await fetch(new URL(`/api/${name}`, harness.url), {
        method: 'POST',
        headers: {
          origin,
          'content-type': framed ? FRAME_CONTENT_TYPE : 'application/json',
          [HARNESS_TOKEN_HEADER]: harness.token,
        },
        body: framed ? new Blob([encodeFrame(input) as Uint8Array<ArrayBuffer>]) : JSON.stringify(input),
      })
      const answer = (
        response.headers.get('content-type') === FRAME_CONTENT_TYPE
          ? decodeFrame(new Uint8Array(await response.arrayBuffer()))
          : await response.json()
      ) as BridgeResult<CallOutput<K>>
      if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`)
      return answer.value
    },
  }
}

describe('patient archives through the web harness', () => {
  it('come back from an export as bytes and go into another harness whole', async () => {
    const first = await machine()
    const patient = await first.call('patients.create', { fields: validFields({ fullName: 'Kofi Mensah' }) })
    await first.call('photos.import', {
      patientId: patient.id,
      name: 'top.jpg',
      lastModified: null,
      bytes: new Uint8Array(await flatJpeg(120, 90)),
    })

    const archive = await first.call('archives.export', { patientId: patient.id })
    expect(archive.bytes).toBeInstanceOf(Uint8Array)
    expect(archive.suggestedName).toMatch(/^Kofi Mensah \d{4}-\d{2}-\d{2}\.stipple$/)
    expect(JSON.parse(new TextDecoder().decode(unzipSync(archive.bytes)['manifest.json']))).toMatchObject({
      appVersion: '9.9.9',
      patient: { id: patient.id },
    })

    const second = await machine()
    const shown = await second.call('archives.inspect', { bytes: archive.bytes })
    expect(shown.counts.photos).toBe(1)
    const result = await second.call('archives.import', { heldId: shown.heldId, onExisting: 'skip' })
    expect(result).toMatchObject({ status: 'imported', patient: { id: patient.id, fullName: 'Kofi Mensah' } })
    const photos = await second.call('photos.list', { patientId: patient.id })
    expect(photos).toEqual(await first.call('photos.list', { patientId: patient.id }))
    // The archive came in through a file of the harness's own, gone once the call answered (the
    // archive held for the import is main's own link to it);
    // the original went from it to the photo folder byte for byte.
    expect(second.uploadsLeft()).toEqual([])
    const [photo] = photos
    expect(photo && second.storedOriginal(photo).equals(first.storedOriginal(photo))).toBe(true)
  })
})
