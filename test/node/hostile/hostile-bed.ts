import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { type Backend, openBackend } from '../../../src/main/backend'
import { DATABASE_FILE } from '../../../src/main/db/database'
import { writeAtomically } from '../../../src/main/files/write-atomically'
import type { CallInput, CallName, CallOutput } from '../../../src/shared/bridge/contract'
import { CARBON_MEDIUM_GREY } from '../../../src/shared/plan/default-pigments'
import { validDesign } from '../../fixtures/designs'
import { validFields } from '../../fixtures/patients'
import { session } from '../../fixtures/plans'
import { call as callBridge } from '../bridge-call'
import { flatJpeg } from '../images'
import { filesUnder } from '../photo-backend'

/** Revisions a valid payload must name; refreshed after every call, since a call may move them. */
export interface Revisions {
  patient: number
  photo: number
  design: number
  plan: number
  pigment: number
  settings: number
  clinic: number
  comment: number
}

/**
 * A real backend (desktop shell, with a save dialog that "chose" a folder) on a fresh data
 * folder holding one of everything, so a valid payload can name real records: a patient, a
 * 200 × 150 photo with a measurement, its design, a plan with one session, a custom pigment, a
 * review comment, a backup and an archive of the patient.
 */
export interface HostileBed {
  backend: Backend
  dataDir: string
  /** Where the stand-in save dialog writes, and the names it was handed. */
  saveDir: string
  savedNames: string[]
  ids: {
    patient: string
    photo: string
    design: string
    measurement: string
    session: string
    pigment: string
    comment: string
    backup: string
  }
  revisions: Revisions
  /** Small real images a valid import sends. */
  images: Uint8Array<ArrayBuffer>[]
  /** The bed's patient exported as an archive, for the archive calls to read. */
  archive: Uint8Array<ArrayBuffer>
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>
  refreshRevisions(): Promise<void>
  /** The database's commit count and every other file of the data folder and of the save folder. */
  snapshot(): Snapshot
  close(): void
}

/**
 * What a refused call must leave as it was. `database` is the file in place and SQLite's
 * `data_version`, which moves with every commit another connection makes: any row written,
 * in any table, shows.
 */
export interface Snapshot {
  database: string
  files: Record<string, string>
}

/** A file's content hash, read again only when its size or time changed. */
const hashes = new Map<string, { stamp: string; hash: string }>()
function contentOf(file: string): string {
  const { size, mtimeMs, ino } = fs.statSync(file)
  const stamp = `${ino}:${size}:${mtimeMs}`
  const known = hashes.get(file)
  if (known?.stamp === stamp) return known.hash
  const hash = createHash('sha1').update(fs.readFileSync(file)).digest('hex')
  hashes.set(file, { stamp, hash })
  return hash
}

export async function openHostileBed(makeDir: () => string): Promise<HostileBed> {
  const dataDir = makeDir()
  const saveDir = makeDir()
  const savedNames: string[] = []
  const backend = openBackend({
    dataDir,
    shell: 'desktop',
    version: 'hostile-input',
    platform: {
      // The native dialog: it joins the name to the folder the user picked, so a name that is a
      // path would escape it. Refusing here would show as an internal error, which fails the test.
      async saveFile(file) {
        savedNames.push(file.suggestedName)
        if (path.basename(file.suggestedName) !== file.suggestedName || /^\.\.?$/.test(file.suggestedName))
          throw new Error(`files.save let a path through to the dialog: ${file.suggestedName}`)
        await writeAtomically(path.join(saveDir, file.suggestedName), file.bytes)
        return file.suggestedName
      },
    },
  })
  const call = <K extends CallName>(name: K, input: CallInput<K>) => callBridge(backend, name, input)
  const images = [new Uint8Array(await flatJpeg(200, 150, [90, 60, 40])), new Uint8Array(await flatJpeg(64, 48))]
  const patient = await call('patients.create', { fields: validFields() })
  const { photo } = await call('photos.import', {
    patientId: patient.id,
    name: 'front.jpg',
    lastModified: null,
    bytes: images[0] as Uint8Array<ArrayBuffer>,
  })
  const design = await call('designs.save', { photoId: photo.id, baseRevision: null, document: validDesign() })
  const measurement = await call('measurements.add', {
    photoId: photo.id,
    measurement: {
      kind: 'distance',
      label: 'Temple gap',
      points: [
        { x: 10, y: 10 },
        { x: 120, y: 90 },
      ],
    },
  })
  const sessionId = `${patient.id}-1`
  await call('plans.save', {
    patientId: patient.id,
    baseRevision: 0,
    draft: { technique: 'permanent', sessions: [session({ id: sessionId, startsAt: '2030-03-10T09:00' })] },
  })
  const pigment = await call('pigments.save', {
    pigment: { ...CARBON_MEDIUM_GREY, id: null, name: 'Custom' },
    baseRevision: null,
  })
  const comment = await call('comments.add', {
    comment: { designId: design.id, at: { x: 50, y: 50 }, author: 'Dana', body: 'Lower the temple points' },
  })
  const backup = await call('backups.create', {})
  const archive = await call('archives.export', { patientId: patient.id })

  const databaseFile = path.join(dataDir, DATABASE_FILE)
  const watchDatabase = () => ({
    db: new Database(databaseFile, { readonly: true, fileMustExist: true }),
    ino: fs.statSync(databaseFile).ino,
  })
  let watch = watchDatabase()

  const bed: HostileBed = {
    backend,
    dataDir,
    saveDir,
    savedNames,
    ids: {
      patient: patient.id,
      photo: photo.id,
      design: design.id,
      measurement: measurement.id,
      session: sessionId,
      pigment: pigment.id,
      comment: comment.id,
      backup: backup.id,
    },
    revisions: { patient: 1, photo: 1, design: 1, plan: 1, pigment: 1, settings: 0, clinic: 0, comment: 1 },
    images,
    archive: archive.bytes,
    call,
    async refreshRevisions() {
      // A record a call deleted keeps its last revision: payloads naming it are refused as not found.
      const revisionOf = async <K extends CallName>(
        name: K,
        input: CallInput<K>,
        read: (value: CallOutput<K>) => number | undefined,
      ) => {
        const result = await backend.dispatch(name, input)
        return result.ok ? (read(result.value as CallOutput<K>) ?? 1) : 1
      }
      const ids = bed.ids
      bed.revisions = {
        patient: await revisionOf('patients.get', { id: ids.patient }, (p) => p.revision),
        photo: await revisionOf('photos.get', { id: ids.photo }, (p) => p.revision),
        design: await revisionOf('designs.forPhoto', { photoId: ids.photo }, (d) => d?.revision),
        plan: await revisionOf('plans.get', { patientId: ids.patient }, (p) => p.revision),
        pigment: await revisionOf(
          'pigments.list',
          { includeRetired: true },
          (list) => list.find((p) => p.id === ids.pigment)?.revision,
        ),
        settings: await revisionOf('settings.get', {}, (s) => s.revision),
        clinic: await revisionOf('clinic.get', {}, (c) => c.revision),
        comment: await revisionOf(
          'comments.list',
          { designId: ids.design },
          (list) => list.find((c) => c.id === ids.comment)?.revision,
        ),
      }
    },
    snapshot() {
      // The database file is swapped by a restore: follow it, so the count belongs to the file in place.
      const { ino } = fs.statSync(databaseFile)
      if (ino !== watch.ino) {
        watch.db.close()
        watch = watchDatabase()
      }
      const files: Record<string, string> = {}
      for (const [root, label] of [
        [dataDir, 'data'],
        [saveDir, 'saved'],
      ] as const) {
        for (const file of filesUnder(root)) {
          if (label === 'data' && file.startsWith(DATABASE_FILE)) continue
          files[`${label}/${file}`] = contentOf(path.join(root, file))
        }
      }
      return { database: `${ino}:${watch.db.pragma('data_version', { simple: true })}`, files }
    },
    close() {
      watch.db.close()
      backend.close()
    },
  }
  await bed.refreshRevisions()
  return bed
}
