import { describe, expect, it } from 'vitest'
import { patientWithEverything, tamper } from '../../../../test/node/archive-bed'
import { call } from '../../../../test/node/bridge-call'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import type { ArchiveManifest } from '../../../shared/archive/archive-format'
import { LATEST_SCHEMA_VERSION } from '../../db/migrations'
import { openArchive, type ProvenArchive } from './archive-open'
import { listZipEntries, type ZipSource } from './zip-entries'

const tempDir = tempDirsForEachTest()
const newBed = photoBackendsForEachTest(tempDir)

/** `bytes` as a source that logs the offset of every read. */
function loggedSource(bytes: Uint8Array): { source: ZipSource; offsets: number[] } {
  const offsets: number[] = []
  return {
    offsets,
    source: {
      byteLength: bytes.byteLength,
      read(offset, length) {
        offsets.push(offset)
        return bytes.subarray(offset, offset + length)
      },
    },
  }
}

describe('opening an archive while its photos are remade', () => {
  it('reads the first original for its remake before the last entry is hashed, and still refuses a damaged last entry', async () => {
    const source = newBed()
    const made = await patientWithEverything(source)
    const { bytes } = await call(source, 'archives.export', { patientId: made.patientId })
    let manifest: ArchiveManifest | undefined
    const damaged = tamper(bytes, (entries, listed) => {
      manifest = listed
      const last = entries[listed.entries.at(-1)?.path ?? '']
      if (!last?.byteLength) throw new Error('no last entry')
      last[0] = (last[0] as number) ^ 0xff
    })
    const starts = new Map(listZipEntries(loggedSource(damaged).source, 100).map((e) => [e.name, e.dataStart]))
    const firstOriginal = starts.get(manifest?.entries.find((e) => e.path.startsWith('photos/originals/'))?.path ?? '')
    const lastEntry = starts.get(manifest?.entries.at(-1)?.path ?? '')
    const { source: logged, offsets } = loggedSource(damaged)
    const percents: number[] = []
    const told: unknown[] = []

    await expect(
      openArchive(
        logged,
        LATEST_SCHEMA_VERSION,
        (p) => percents.push(p),
        (proven) => told.push(proven),
      ),
    ).rejects.toThrow(/the thumbnail of photo “crown\.jpg” does not match its checksum/)
    // Nothing of an archive that is not sound is ever shown.
    expect(told).toEqual([])
    // The first original is read twice (hashed, then whole for its remake) before the last entry's one read.
    const readsBeforeLast = offsets.slice(0, offsets.indexOf(lastEntry as number))
    expect(readsBeforeLast.filter((at) => at === firstOriginal)).toHaveLength(2)
    expect(percents).toEqual([...percents].sort((a, b) => a - b))
  })

  it('answers a sound archive as checking it in turn does, reporting up to 100 and never going back', async () => {
    const source = newBed()
    const made = await patientWithEverything(source)
    const { bytes } = await call(source, 'archives.export', { patientId: made.patientId })
    const percents: number[] = []
    const told: { percentsSoFar: number; proven: ProvenArchive }[] = []
    const opened = await openArchive(
      loggedSource(bytes).source,
      LATEST_SCHEMA_VERSION,
      (p) => percents.push(p),
      (proven) => told.push({ percentsSoFar: percents.length, proven }),
    )
    expect(opened.records.photos.map((p) => p.original_name).sort()).toEqual(['crown.jpg', 'front.jpg'])
    // What it holds was told once, before the check's end: while copies were still being made.
    expect(told).toHaveLength(1)
    expect(told[0]?.proven).toEqual({ manifest: opened.manifest, records: opened.records })
    expect(percents.slice(0, told[0]?.percentsSoFar).at(-1)).toBeLessThan(100)
    expect(opened.fileSets).toHaveLength(2)
    expect(percents.at(-1)).toBe(100)
    expect(percents).toEqual([...percents].sort((a, b) => a - b))
  })
})
