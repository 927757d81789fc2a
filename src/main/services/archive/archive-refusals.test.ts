import fs from 'node:fs'
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import {
  type Bed,
  editRecords,
  footprint,
  patientWithEverything,
  tamper,
  withPhotoRecord,
} from '../../../../test/node/archive-bed'
import { call, importRefusal, refusal } from '../../../../test/node/bridge-call'
import { flatJpeg } from '../../../../test/node/images'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import { LATEST_SCHEMA_VERSION } from '../../db/migrations'

const tempDir = tempDirsForEachTest()
const newBed = photoBackendsForEachTest(tempDir)

/** One exported archive, and a target machine that already holds a patient of its own. */
async function exportedAndTarget() {
  const source = newBed()
  const made = await patientWithEverything(source)
  const { bytes } = await call(source, 'archives.export', { patientId: made.patientId })
  const target = newBed()
  await target.photos.import({
    patientId: target.patient('Someone Else'),
    name: 'mine.jpg',
    lastModified: null,
    bytes: await flatJpeg(80, 60),
  })
  return { ...made, bytes, target }
}

/** The archive is refused by inspect and by import with `message`, and the target did not change. */
async function expectRefused(target: Bed, bytes: Uint8Array<ArrayBuffer>, message: RegExp) {
  const before = footprint(target)
  for (const error of [
    await refusal(target, 'archives.inspect', { bytes }),
    await importRefusal(target, bytes, 'copy'),
    // The service's own import proves it again, whoever calls it.
    await target.archives.import(bytes, 'copy').then(
      () => expect.fail('imported'),
      (error: unknown) => error,
    ),
  ])
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(message) })
  expect(footprint(target)).toEqual(before)
}

describe('a damaged archive is refused with what is wrong, and nothing is imported', () => {
  it('a flipped byte in a photo', async () => {
    const { bytes, front, target } = await exportedAndTarget()
    const flipped = bytes.slice()
    // The stored original's bytes sit in the zip as they are; flip one in its middle.
    const at = findEntryData(flipped, front.sha256) + 200
    flipped[at] = (flipped[at] as number) ^ 0xff
    await expectRefused(target, flipped, /the original of photo “front\.jpg” does not match its checksum/)
  })

  it('a flipped byte in the last entry, though a photo checked earlier is refused too (its remake overlaps the hashing)', async () => {
    const { bytes, target } = await exportedAndTarget()
    const resized = withPhotoRecord(bytes, 'front.jpg', (photo) => {
      photo.width = 400
    })
    await expectRefused(target, resized, /front\.jpg” is 200 × 150 pixels, but its record says 400 × 150/)
    let last = ''
    const damaged = tamper(resized, (entries, manifest) => {
      last = manifest.entries.at(-1)?.path ?? ''
      const content = entries[last]
      if (!content?.byteLength) throw new Error('no last entry')
      content[content.byteLength >> 1] = (content[content.byteLength >> 1] as number) ^ 0xff
    })
    expect(last).toMatch(/^photos\/thumbnails\//)
    await expectRefused(target, damaged, /the thumbnail of photo “crown\.jpg” does not match its checksum/)
  })

  it('a file cut short while copying', async () => {
    const { bytes, target } = await exportedAndTarget()
    await expectRefused(
      target,
      bytes.subarray(0, Math.floor(bytes.byteLength * 0.6)),
      /incomplete or damaged.*cut short/,
    )
  })

  it('a file that is not an archive at all', async () => {
    const { target } = await exportedAndTarget()
    await expectRefused(target, new Uint8Array(await flatJpeg(40, 30)), /not a Stipple patient archive/)
    await expectRefused(target, new TextEncoder().encode('PK but nothing else'), /not a Stipple patient archive/)
  })

  it('a zip that is not one of Stipple’s', async () => {
    const { bytes, target } = await exportedAndTarget()
    const someZip = zipSync({ 'notes.txt': new TextEncoder().encode('hello') })
    await expectRefused(target, someZip, /not a Stipple patient archive: .*no manifest\.json/)
    const otherFormat = tamper(bytes, (_e, manifest) => {
      ;(manifest as { format: string }).format = 'something-else'
    })
    await expectRefused(target, otherFormat, /does not name the archive format/)
  })

  it('a manifest that does not agree with the archive', async () => {
    const { bytes, target } = await exportedAndTarget()
    const miscounted = tamper(bytes, (_e, manifest) => {
      manifest.counts.photos = 3
    })
    await expectRefused(target, miscounted, /manifest counts 3 photos but the records hold 2/)
    const unlisted = tamper(bytes, (entries) => {
      entries['photos/originals/extra.jpg'] = new Uint8Array([1, 2, 3])
    })
    await expectRefused(target, unlisted, /photos\/originals\/extra\.jpg, which its manifest does not list/)
    const broken = tamper(bytes, (_e, manifest) => {
      ;(manifest as { createdAt: string }).createdAt = 'yesterday'
    })
    await expectRefused(target, broken, /manifest is damaged.*createdAt/)
  })

  it('records changed after Stipple wrote them', async () => {
    const { bytes, target } = await exportedAndTarget()
    const changed = tamper(bytes, (entries) =>
      editRecords(entries, (records) => {
        records.patient.notes = 'Rewritten'
      }),
    )
    await expectRefused(target, changed, /records\.json does not match its checksum/)
  })

  it('a schema newer than this Stipple’s', async () => {
    const { bytes, target } = await exportedAndTarget()
    const newer = tamper(bytes, (_e, manifest) => {
      manifest.schemaVersion = LATEST_SCHEMA_VERSION + 1
    })
    await expectRefused(
      target,
      newer,
      new RegExp(
        `newer version of Stipple \\(schema ${LATEST_SCHEMA_VERSION + 1}; this version reads up to ${LATEST_SCHEMA_VERSION}\\)`,
      ),
    )
  })

  it('a photo file missing from the archive', async () => {
    const { bytes, crown, target } = await exportedAndTarget()
    const missing = tamper(
      bytes,
      (entries) => {
        delete entries[`photos/originals/${crown.sha256}.jpg`]
      },
      { resign: true },
    )
    await expectRefused(target, missing, /incomplete: the original of photo “crown\.jpg” is missing/)
    const listedButGone = tamper(bytes, (entries) => {
      delete entries[`photos/thumbnails/${crown.sha256}.jpg`]
    })
    await expectRefused(
      target,
      listedButGone,
      /the thumbnail of photo “crown\.jpg” is listed in its manifest but missing/,
    )
  })

  it('a photo file that is not the photo its record names', async () => {
    const { bytes, front, crown, target } = await exportedAndTarget()
    const swapped = tamper(
      bytes,
      (entries) => {
        entries[`photos/originals/${crown.sha256}.jpg`] = entries[`photos/originals/${front.sha256}.jpg`] as Uint8Array
      },
      { resign: true },
    )
    await expectRefused(target, swapped, /original of photo “crown\.jpg” is not the file its record names/)
  })

  it('a record the bridge would refuse, even when the checksums were made to fit', async () => {
    const { bytes, target } = await exportedAndTarget()
    type Edit = Parameters<typeof editRecords>[1]
    const cases: [Edit, RegExp][] = [
      [
        (r) => {
          r.patient.email = 'not an address'
        },
        /the patient record: email: Enter an email address/,
      ],
      [
        (r) => {
          ;(r.photos[0] as { caption: string }).caption = 'x'.repeat(600)
        },
        /photo “front\.jpg”: caption: The caption is too long/,
      ],
      [
        (r) => {
          r.pigments = r.pigments.filter((p) => p.id !== 'smp-carbon-dark')
        },
        /uses a pigment the archive does not hold/,
      ],
      [
        (r) => {
          ;(r.treatments[0] as { zone_id: string }).zone_id = 'gone'
        },
        /treats a zone none of the archive’s designs holds/,
      ],
      [
        (r) => {
          ;(r.comments[0] as { design_id: string }).design_id = crypto.randomUUID()
        },
        /comment by Dr Lee is on a design the archive does not hold/,
      ],
      [
        (r) => {
          ;(r.measurements[0] as { points: string }).points = '[{"x":-5,"y":1},{"x":9,"y":1}]'
        },
        /a measurement of photo “front\.jpg” lies outside the photo/,
      ],
    ]
    for (const [edit, message] of cases)
      await expectRefused(
        target,
        tamper(bytes, (entries) => editRecords(entries, edit), { resign: true }),
        message,
      )
  })
})

describe('photo files while an import writes', () => {
  it('leaves no row and no photo file behind', async () => {
    const { bytes, target } = await exportedAndTarget()
    const before = footprint(target)
    target.db.exec(
      "CREATE TEMP TRIGGER refuse_comments BEFORE INSERT ON comments BEGIN SELECT RAISE(ABORT, 'disk gave up'); END",
    )
    const error = await importRefusal(target, bytes, 'copy')
    expect(error.code).toBe('internal')
    expect(footprint(target)).toEqual(before)
  })

  it('are not taken by a delete here of a photo with the same bytes', async () => {
    const bed = newBed()
    const photo = await bed.plainPhoto()
    const drawn = (variant: 'working' | 'thumbnail') => fs.readFileSync(bed.photos.fileFor(photo.sha256, variant) ?? '')
    const files = {
      original: fs.readFileSync(bed.originalOf(photo)),
      working: drawn('working'),
      thumbnail: drawn('thumbnail'),
    }
    let removal: ReturnType<typeof bed.photos.remove> | null = null
    // The import's rows are about to be written when the only photo using those files goes.
    await bed.photos.storeFilesThen([{ sha256: photo.sha256, format: photo.format, files }], () => {
      removal = bed.photos.remove(photo.id)
    })
    expect(await removal).toEqual({ id: photo.id, filesRemoved: false })
    expect(fs.existsSync(bed.originalOf(photo))).toBe(true)
  })
})

/** Offset of a stored entry's data in the zip: just after its local header and name. */
function findEntryData(zip: Uint8Array, sha256: string): number {
  const name = Buffer.from(`photos/originals/${sha256}.jpg`)
  const at = Buffer.from(zip).indexOf(name)
  if (at < 0) throw new Error('entry not found')
  const view = new DataView(zip.buffer, zip.byteOffset)
  const extra = view.getUint16(at - 2, true)
  return at + name.length + extra
}
