/**
 * The process the crash test kills: opens the real backend on a data folder and makes changes
 * through the bridge for ever, printing an intent before each call and an ack once it returned
 * ok (see crash-protocol.ts). Run as `node writer.mjs <dataDir> <mode> <seed> <imagesDir>`
 * after crash-loop.ts has bundled it.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { openBackend } from '../../../src/main/backend'
import type { CallInput, CallName } from '../../../src/shared/bridge/contract'
import { PHOTO_VIEWS } from '../../../src/shared/photos/photo-fields'
import { CARBON_MEDIUM_GREY, DEFAULT_PIGMENTS } from '../../../src/shared/plan/default-pigments'
import type { PlanDraft, Session } from '../../../src/shared/plan/plan-types'
import { Prng } from '../../../src/shared/simulation/prng'
import { hairline, landmark, p, pin, scar, validDesign, zone } from '../../fixtures/designs'
import { validFields } from '../../fixtures/patients'
import { call as callBridge } from '../bridge-call'
import { flatJpeg } from '../images'
import { type EntityKind, SETTINGS_KEY, type WriterLine, type WriterMode } from './crash-protocol'

const [dataDir = '', mode = 'records', seedText = '1', imagesDir = ''] = process.argv.slice(2)
const random = new Prng(Number(seedText))

const print = (line: WriterLine) => {
  // Synchronous on a pipe: once written, the line reaches the parent even if the next
  // instruction is the kill.
  process.stdout.write(`${JSON.stringify(line)}\n`)
}

const int = (min: number, max: number) => min + Math.floor(random.next() * (max - min + 1))
const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T
const WORDS = ['Ana', 'Zoë', 'O’Brien', 'Łukasik', 'née Müller', '李小龍', '😀', 'crown', "it's", 'Ruiz', '"quoted"']
const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// A short idle checkpoint, so kills also land while the write-ahead log is folded back.
const backend = openBackend({ dataDir, shell: 'web', version: 'crash-test', idleCheckpointMs: 5 })
print({ type: 'ready' })

const call = <K extends CallName>(name: K, input: CallInput<K>) => callBridge(backend, name, input)

async function change<T>(
  kind: EntityKind,
  key: string | null,
  expect: unknown,
  run: () => Promise<T>,
  read: (value: T) => { key: string; value: unknown },
): Promise<T> {
  print({ type: 'intent', kind, key, expect })
  const value = await run()
  print({ type: 'ack', kind, ...read(value) })
  return value
}

const known = {
  patients: [] as string[],
  photos: [] as { id: string; patientId: string }[],
  pigments: [] as string[],
}
for (const patient of (await call('patients.list', { query: '', includeArchived: true })).patients) {
  known.patients.push(patient.id)
  for (const photo of await call('photos.list', { patientId: patient.id }))
    known.photos.push({ id: photo.id, patientId: patient.id })
}
const shipped = new Set(DEFAULT_PIGMENTS.map((pigment) => pigment.id))
known.pigments = (await call('pigments.list', { includeRetired: true }))
  .map((pigment) => pigment.id)
  .filter((id) => !shipped.has(id))

const patientFields = () =>
  validFields({
    fullName: words(2),
    phone: `+44 ${int(1000, 9999)} ${int(100000, 999999)}`,
    fitzpatrick: pick([1, 2, 3, 4, 5, 6] as const),
    goals: pick([[], ['density'], ['shaved-look', 'scar-camouflage']] as const).slice(),
    medical: {
      keloid: random.next() < 0.3,
      alopeciaAreata: false,
      chemotherapy: false,
      hormonal: false,
      scalpCondition: false,
      pregnancy: false,
      bloodThinners: false,
      other: words(int(0, 4)),
    },
    notes: words(int(0, 12)),
  })

async function createPatient() {
  const fields = patientFields()
  const patient = await change(
    'patient',
    null,
    { ...fields, revision: 1 },
    () => call('patients.create', { fields }),
    (value) => ({ key: value.id, value }),
  )
  known.patients.push(patient.id)
}

async function updatePatient() {
  const id = pick(known.patients)
  const { revision } = await call('patients.get', { id })
  const fields = patientFields()
  await change(
    'patient',
    id,
    { ...fields, revision: revision + 1 },
    () => call('patients.update', { id, revision, fields }),
    (value) => ({ key: value.id, value }),
  )
}

async function importSmallPhoto() {
  const patientId = pick(known.patients)
  const bytes = new Uint8Array(await flatJpeg(200, 150, [int(0, 255), int(0, 255), int(0, 255)]))
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const outcome = await change(
    'photo',
    null,
    { patientId, sha256, byteSize: bytes.length },
    () => call('photos.import', { patientId, name: `${words(1)}.jpg`, lastModified: null, bytes }),
    (value) => ({ key: value.photo.id, value: value.photo }),
  )
  if (outcome.status === 'imported') known.photos.push({ id: outcome.photo.id, patientId })
}

async function updatePhoto() {
  const { id } = pick(known.photos)
  const { revision } = await call('photos.get', { id })
  const fields = { view: pick(PHOTO_VIEWS).value, caption: words(int(0, 5)), sessionId: null }
  await change(
    'photo',
    id,
    { ...fields, revision: revision + 1 },
    () => call('photos.update', { id, revision, fields }),
    (value) => ({ key: value.id, value }),
  )
}

async function addMeasurement() {
  const { id: photoId } = pick(known.photos)
  const measurement = {
    kind: 'distance' as const,
    label: words(1),
    points: [p(int(0, 99), int(0, 74)), p(int(100, 200), int(75, 150))],
  }
  await change(
    'measurement',
    null,
    { photoId, ...measurement },
    () => call('measurements.add', { photoId, measurement }),
    (value) => ({ key: value.id, value }),
  )
}

async function saveDesign() {
  const { id: photoId } = pick(known.photos)
  const current = await call('designs.forPhoto', { photoId })
  const document = validDesign([
    landmark(),
    hairline({ featherMm: int(0, 10), irregularity: int(0, 10) / 10 }),
    zone({ name: words(1), density: int(20, 200) }),
    scar({ note: words(int(0, 6)) }),
    pin({ name: words(1), note: words(int(0, 6)) }),
  ])
  await change(
    'design',
    photoId,
    { photoId, document, revision: (current?.revision ?? 0) + 1 },
    () => call('designs.save', { photoId, baseRevision: current?.revision ?? null, document }),
    (value) => ({ key: value.photoId, value }),
  )
}

function session(patientId: string, index: number, technique: PlanDraft['technique']): Session {
  return {
    // Session ids are unique across patients.
    id: `${patientId}-${index}`,
    name: words(2),
    kind: index === 0 ? 'base' : 'extra',
    startsAt: `2030-${String(index + 1).padStart(2, '0')}-${String(int(10, 28))}T09:00`,
    durationMin: pick([90, 120, 180]),
    practitioner: words(2),
    pigmentId: pick(DEFAULT_PIGMENTS.filter((pigment) => pigment.family === technique)).id,
    needle: { config: '3RL', diameterMm: 0.25 },
    pigmentLot: words(1),
    pigmentExpires: null,
    treatments: [],
    notes: words(int(0, 10)),
    status: 'planned',
    clearance: null,
    layer: { visible: random.next() < 0.8, opacity: int(1, 10) / 10 },
  }
}

async function savePlan() {
  const patientId = pick(known.patients)
  const { revision } = await call('plans.get', { patientId })
  const technique = pick(['temporary', 'permanent'] as const)
  const draft: PlanDraft = {
    technique,
    sessions: Array.from({ length: int(0, 3) }, (_, i) => session(patientId, i, technique)),
  }
  await change(
    'plan',
    patientId,
    { ...draft, revision: revision + 1 },
    () => call('plans.save', { patientId, baseRevision: revision, draft }),
    (value) => ({ key: value.patientId, value }),
  )
}

async function savePigment() {
  const name = words(2)
  if (known.pigments.length === 0 || random.next() < 0.2) {
    const pigment = { ...CARBON_MEDIUM_GREY, id: null, name, dilution: int(0, 9) / 10 }
    const saved = await change(
      'pigment',
      null,
      { name, dilution: pigment.dilution, revision: 1 },
      () => call('pigments.save', { pigment, baseRevision: null }),
      (value) => ({ key: value.id, value }),
    )
    known.pigments.push(saved.id)
    return
  }
  const id = pick(known.pigments)
  const current = (await call('pigments.list', { includeRetired: true })).find((pigment) => pigment.id === id)
  if (!current) throw new Error(`pigment ${id} vanished`)
  const { revision, ...pigment } = current
  await change(
    'pigment',
    id,
    { name, revision: revision + 1 },
    () => call('pigments.save', { pigment: { ...pigment, name }, baseRevision: revision }),
    (value) => ({ key: value.id, value }),
  )
}

async function saveSettings() {
  const current = await call('settings.get', {})
  // ClinicalSettings types a protocol's technique loosely; the schema wants the literal it holds.
  const settings = { ...current.settings, dotSizeJitter: int(0, 100) / 100 } as CallInput<'settings.save'>['settings']
  await change(
    'settings',
    SETTINGS_KEY,
    { settings, revision: current.revision + 1 },
    () => call('settings.save', { baseRevision: current.revision, settings }),
    (value) => ({ key: SETTINGS_KEY, value }),
  )
}

/** One change chosen at random, weighted; a store is kept small so each check stays quick. */
async function recordChange() {
  if (known.patients.length < 2 || (known.patients.length < 12 && random.next() < 0.1)) return createPatient()
  if (known.photos.length < 1 || (known.photos.length < 4 && random.next() < 0.05)) return importSmallPhoto()
  const roll = random.next()
  if (roll < 0.25) return updatePatient()
  if (roll < 0.45) return savePlan()
  if (roll < 0.65) return saveDesign()
  if (roll < 0.75) return updatePhoto()
  if (roll < 0.85) return addMeasurement()
  if (roll < 0.93) return savePigment()
  return saveSettings()
}

const images =
  mode === 'photos' ? fs.readdirSync(imagesDir).map((name) => fs.readFileSync(path.join(imagesDir, name))) : []

async function photoChange() {
  if (known.patients.length === 0) return createPatient()
  const mine = known.photos
  if (mine.length > 8 || (mine.length > 0 && random.next() < 0.25)) {
    const index = int(0, mine.length - 1)
    const { id } = mine[index] as { id: string }
    await change(
      'photo',
      id,
      null,
      () => call('photos.delete', { id }),
      () => ({ key: id, value: null }),
    )
    mine.splice(index, 1)
    return
  }
  // Trailing bytes after the JPEG's end make every import new content, so each one writes files.
  const tail = Buffer.alloc(16)
  for (let i = 0; i < tail.length; i += 4) tail.writeUInt32LE(random.uint32(), i)
  const bytes = Buffer.concat([pick(images), tail])
  const patientId = known.patients[0] as string
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const outcome = await change(
    'photo',
    null,
    { patientId, sha256, byteSize: bytes.length },
    () => call('photos.import', { patientId, name: `scalp ${int(1, 999)}.jpg`, lastModified: null, bytes }),
    (value) => ({ key: value.photo.id, value: value.photo }),
  )
  known.photos.push({ id: outcome.photo.id, patientId })
}

const step: () => Promise<void> = (mode as WriterMode) === 'photos' ? photoChange : recordChange
for (;;) {
  await step()
  if (random.next() < 0.1) await sleep(int(0, 20))
}
