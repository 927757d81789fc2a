import fc from 'fast-check'
import { AUDIT_ENTITIES } from '../../../src/shared/audit/audit-types'
import { BACKUP_POLICY_LIMITS } from '../../../src/shared/backups/backup-types'
import type { CallInput, CallName } from '../../../src/shared/bridge/contract'
import { HEAD_CHART_VIEWS } from '../../../src/shared/charts/head-chart'
import { CLINIC_LIMITS } from '../../../src/shared/clinic/clinic-details'
import { COMMENT_LIMITS } from '../../../src/shared/comments/comment'
import { DESIGN_LIMITS } from '../../../src/shared/design/design-limits'
import { SAVED_FILE_KINDS, type SavedFileKind, safeFileName } from '../../../src/shared/files/safe-file-name'
import { FIELD_LIMITS } from '../../../src/shared/patients/patient-fields'
import { PHOTO_LIMITS, PHOTO_VIEWS } from '../../../src/shared/photos/photo-fields'
import { CARBON_MEDIUM_GREY } from '../../../src/shared/plan/default-pigments'
import { PLAN_LIMITS } from '../../../src/shared/plan/plan-limits'
import { CLINICAL_DEFAULTS } from '../../../src/shared/settings/clinical-defaults'
import { hairline, landmark, pin, scar, validDesign, zone } from '../../fixtures/designs'
import { validFields } from '../../fixtures/patients'
import { session } from '../../fixtures/plans'
import { forgedArchives } from './forged-archive'
import type { HostileBed } from './hostile-bed'
import { storableText } from './hostile-values'

/** Text a field that must not be blank accepts. */
const filledText = (max: number) => storableText(max).filter((s) => s.trim().length > 0)

/** A revision read when the payload is made, so a valid payload names the current one. */
const current = <T>(read: () => T) => fc.constant(null).map(read)

export const patientFields = () =>
  fc
    .record({
      fullName: filledText(FIELD_LIMITS.fullName),
      notes: storableText(FIELD_LIMITS.notes),
      other: storableText(FIELD_LIMITS.medicalOther),
      keloid: fc.boolean(),
    })
    .map(({ fullName, notes, other, keloid }) =>
      validFields({
        fullName,
        notes,
        medical: {
          keloid,
          alopeciaAreata: false,
          chemotherapy: false,
          hormonal: false,
          scalpCondition: false,
          pregnancy: false,
          bloodThinners: false,
          other,
        },
      }),
    )

/** A design valid over a 200 × 150 photo, its object names and notes hostile text. */
export const designDocument = fc
  .record({
    names: fc.array(storableText(DESIGN_LIMITS.name), { minLength: 5, maxLength: 5 }),
    notes: fc.array(storableText(DESIGN_LIMITS.note), { minLength: 2, maxLength: 2 }),
  })
  .map(({ names: [a = '', b = '', c = '', d = '', e = ''], notes: [n1 = '', n2 = ''] }) =>
    validDesign([
      landmark({ name: a }),
      hairline({ name: b }),
      zone({ name: c }),
      scar({ name: d, note: n1 }),
      pin({ name: e, note: n2 }),
    ]),
  )

export const planSessions = (bed: HostileBed) =>
  fc
    .record({ practitioner: storableText(PLAN_LIMITS.practitioner), notes: storableText(PLAN_LIMITS.notes) })
    .map(({ practitioner, notes }) => [
      session({ id: bed.ids.session, startsAt: '2030-03-10T09:00', practitioner, notes }),
    ])

export const pigmentName = filledText(PLAN_LIMITS.pigmentName)

/** Protocol step labels are the settings' only text. */
export const settingsWithLabels = fc
  .array(filledText(60), { minLength: 2, maxLength: 2 })
  .map(([first = 'a', second = 'b']) => {
    const [step, ...rest] = CLINICAL_DEFAULTS.protocols.permanent.steps
    const [other, ...others] = CLINICAL_DEFAULTS.protocols.temporary.steps
    return {
      ...CLINICAL_DEFAULTS,
      protocols: {
        permanent: { ...CLINICAL_DEFAULTS.protocols.permanent, steps: [{ ...step, label: first }, ...rest] },
        temporary: { ...CLINICAL_DEFAULTS.protocols.temporary, steps: [{ ...other, label: second }, ...others] },
      },
    } as typeof CLINICAL_DEFAULTS
  })

export const clinicDetails = fc
  .record({
    name: storableText(CLINIC_LIMITS.name),
    address: storableText(CLINIC_LIMITS.address),
    website: storableText(CLINIC_LIMITS.website),
    aftercare: storableText(CLINIC_LIMITS.aftercare),
    consent: storableText(CLINIC_LIMITS.consent),
  })
  .map((text) => ({ ...text, phone: '+44 20 7946 0958', email: 'desk@example.com', logo: null }))

const point = (width = 200, height = 150) =>
  fc.record({ x: fc.integer({ min: 0, max: width }), y: fc.integer({ min: 0, max: height }) })

const savedFile = fc
  .record({ stem: storableText(200), kind: fc.constantFrom(...(Object.keys(SAVED_FILE_KINDS) as SavedFileKind[])) })
  .map(({ stem, kind }) => ({
    suggestedName: safeFileName(stem, SAVED_FILE_KINDS[kind].extension),
    kind,
    bytes: new TextEncoder().encode('%PDF-1.7 a sheet'),
  }))

/** An id of the shape main names a held archive by. */
const heldArchiveId = fc.stringMatching(/^[0-9a-f]{32}$/)

/** The bed's archive, whole, damaged (bytes flipped, cut short, grown) or forged. */
const archiveBytes = (bed: HostileBed) =>
  fc.oneof(
    fc.constant(bed.archive),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }).map((flips) => {
      const bytes = bed.archive.slice()
      for (const [at, xor] of flips) bytes[at % bytes.length] = (bytes[at % bytes.length] ?? 0) ^ xor
      return bytes
    }),
    fc.nat().map((cut) => bed.archive.slice(0, cut % bed.archive.length || 1)),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((tail) => new Uint8Array([...bed.archive, ...tail])),
    { weight: 3, arbitrary: forgedArchives(bed.archive) },
  )

type Generators = { [K in CallName]?: (bed: HostileBed) => fc.Arbitrary<CallInput<K>> }

/**
 * A call's valid payloads as a transport delivers them: plain objects (fast-check builds records
 * without a prototype; IPC's structured clone and JSON give ordinary ones).
 */
export function validPayloads(name: CallName, bed: HostileBed): fc.Arbitrary<unknown> | undefined {
  const generator = VALID_PAYLOADS[name] as ((b: HostileBed) => fc.Arbitrary<unknown>) | undefined
  return generator?.(bed).map((payload) => structuredClone(payload))
}

/**
 * A valid payload for each bridge call, naming the bed's records. Kept per call so each call's
 * mutations start from a payload its handler accepts and reach the service behind it; the
 * hostile-input test fails for a call that has none.
 */
export const VALID_PAYLOADS: Generators = {
  'app.info': () => fc.constant({}),
  'patients.list': () => fc.record({ query: storableText(FIELD_LIMITS.searchQuery), includeArchived: fc.boolean() }),
  'patients.get': (bed) => fc.constant({ id: bed.ids.patient }),
  'patients.create': () => patientFields().map((fields) => ({ fields })),
  'patients.update': (bed) =>
    fc.record({
      id: fc.constant(bed.ids.patient),
      revision: current(() => bed.revisions.patient),
      fields: patientFields(),
    }),
  'patients.archive': (bed) => fc.constant({ id: bed.ids.patient }),
  'patients.restore': (bed) => fc.constant({ id: bed.ids.patient }),
  'photos.list': (bed) => fc.constant({ patientId: bed.ids.patient }),
  'photos.get': (bed) => fc.constant({ id: bed.ids.photo }),
  'photos.viewHint': (bed) => fc.constant({ id: bed.ids.photo }),
  'photos.import': (bed) =>
    fc.record({
      patientId: fc.constant(bed.ids.patient),
      name: filledText(PHOTO_LIMITS.fileName).filter((s) => !/[/\\\p{Cc}]/u.test(s) && s !== '.' && s !== '..'),
      lastModified: fc.option(fc.integer({ min: 0, max: Date.parse('2100-01-01') })),
      bytes: fc.constantFrom(...bed.images),
    }),
  'photos.importFile': (bed) => fc.constant({ patientId: bed.ids.patient, path: '/tmp/front.jpg' }),
  'photos.update': (bed) =>
    fc.record({
      id: fc.constant(bed.ids.photo),
      revision: current(() => bed.revisions.photo),
      fields: fc.record({
        view: fc.constantFrom(...PHOTO_VIEWS.map((v) => v.value)),
        caption: storableText(PHOTO_LIMITS.caption),
        sessionId: fc.constantFrom(null, bed.ids.session),
      }),
    }),
  'photos.calibrate': (bed) =>
    fc.record({
      id: fc.constant(bed.ids.photo),
      revision: current(() => bed.revisions.photo),
      calibration: fc.option(
        fc.record({ a: point(), b: point(), lengthMm: fc.double({ min: 0.1, max: 500, noNaN: true }) }),
      ),
    }),
  'photos.delete': (bed) => fc.constant({ id: bed.ids.photo }),
  'measurements.add': (bed) =>
    fc.record({
      photoId: fc.constant(bed.ids.photo),
      measurement: fc.record({
        kind: fc.constant('distance' as const),
        label: storableText(PHOTO_LIMITS.measurementLabel),
        // A distance between one point and itself is refused, so a valid one has two.
        points: fc.tuple(point(), point()).filter(([a, b]) => a.x !== b.x || a.y !== b.y),
      }),
    }),
  'measurements.rename': (bed) =>
    fc.record({ id: fc.constant(bed.ids.measurement), label: storableText(PHOTO_LIMITS.measurementLabel) }),
  'measurements.delete': (bed) => fc.constant({ id: bed.ids.measurement }),
  'designs.list': (bed) => fc.constant({ patientId: bed.ids.patient }),
  'designs.forPhoto': (bed) => fc.constant({ photoId: bed.ids.photo }),
  'designs.save': (bed) =>
    fc.record({
      photoId: fc.constant(bed.ids.photo),
      baseRevision: current(() => bed.revisions.design),
      document: designDocument,
    }),
  'designs.forPatient': (bed) => fc.constant({ patientId: bed.ids.patient }),
  'charts.add': (bed) =>
    fc.record({
      patientId: fc.constant(bed.ids.patient),
      view: fc.constantFrom(...HEAD_CHART_VIEWS.map((v) => v.value)),
    }),
  'designs.takeOver': (bed) => fc.constant({ fromPhotoId: bed.ids.photo, toPhotoId: bed.ids.photo }),
  'sample.status': () => fc.constant({}),
  'sample.open': () => fc.constant({}),
  'sample.remove': () => fc.constant({}),
  'comments.list': (bed) => fc.constant({ designId: bed.ids.design }),
  'comments.add': (bed) =>
    fc.record({
      comment: fc.record({
        designId: fc.constant(bed.ids.design),
        at: point(),
        author: filledText(COMMENT_LIMITS.author),
        body: filledText(COMMENT_LIMITS.body),
      }),
    }),
  'comments.resolve': (bed) =>
    fc.record({
      id: fc.constant(bed.ids.comment),
      revision: current(() => bed.revisions.comment),
      by: filledText(COMMENT_LIMITS.author),
    }),
  'comments.reopen': (bed) =>
    fc.record({
      id: fc.constant(bed.ids.comment),
      revision: current(() => bed.revisions.comment),
      by: filledText(COMMENT_LIMITS.author),
    }),
  'comments.delete': (bed) => fc.record({ id: fc.constant(bed.ids.comment), by: filledText(COMMENT_LIMITS.author) }),
  'settings.get': () => fc.constant({}),
  'settings.save': (bed) =>
    fc.record({ baseRevision: current(() => bed.revisions.settings), settings: settingsWithLabels }),
  'settings.reset': () => fc.constant({}),
  'pigments.list': () => fc.record({ includeRetired: fc.boolean() }),
  'pigments.save': (bed) =>
    fc.oneof(
      pigmentName.map((name) => ({ pigment: { ...CARBON_MEDIUM_GREY, id: null, name }, baseRevision: null })),
      pigmentName.chain((name) =>
        current(() => ({
          pigment: { ...CARBON_MEDIUM_GREY, id: bed.ids.pigment, name },
          baseRevision: bed.revisions.pigment,
        })),
      ),
    ),
  'pigments.retire': (bed) => fc.record({ id: fc.constant(bed.ids.pigment), retired: fc.boolean() }),
  'pigments.delete': (bed) => fc.constant({ id: bed.ids.pigment }),
  'plans.get': (bed) => fc.constant({ patientId: bed.ids.patient }),
  'plans.save': (bed) =>
    fc.record({
      patientId: fc.constant(bed.ids.patient),
      baseRevision: current(() => bed.revisions.plan),
      draft: planSessions(bed).map((sessions) => ({ technique: 'permanent' as const, sessions })),
    }),
  'audit.forPatient': (bed) =>
    fc.record({
      patientId: fc.constant(bed.ids.patient),
      entity: fc.option(fc.constantFrom(...AUDIT_ENTITIES.map((e) => e.value))),
      before: fc.option(fc.integer({ min: 1, max: 1000 })),
      limit: fc.integer({ min: 1, max: 200 }),
    }),
  'audit.verify': () => fc.constant({}),
  'clinic.get': () => fc.constant({}),
  'clinic.save': (bed) => fc.record({ baseRevision: current(() => bed.revisions.clinic), details: clinicDetails }),
  'sheets.savePdf': () =>
    fc.record({
      paper: fc.constantFrom('a4', 'letter'),
      orientation: fc.constantFrom('portrait', 'landscape'),
      suggestedName: fc.constant('Design sheet.pdf'),
    }),
  'files.save': () => savedFile,
  'review.exportFile': (bed) => fc.constant({ patientId: bed.ids.patient }),
  'review.saveFile': (bed) => fc.constant({ patientId: bed.ids.patient }),
  'archives.export': (bed) => fc.constant({ patientId: bed.ids.patient }),
  'archives.saveFile': (bed) => fc.constant({ patientId: bed.ids.patient }),
  // The desktop reads these paths in main; the bed has no such platform, so each is refused unread.
  'archives.inspectFile': () => fc.constant({ path: '/tmp/patient.stipple' }),
  'archives.inspect': (bed) => fc.record({ bytes: archiveBytes(bed) }),
  // No archive is held under an id made up here: each is refused as no longer held.
  'archives.import': () => fc.record({ heldId: heldArchiveId, onExisting: fc.constantFrom('copy', 'skip') }),
  'archives.release': () => fc.record({ heldId: heldArchiveId }),
  'backups.list': () => fc.constant({}),
  'backups.create': () => fc.constant({}),
  'backups.preview': (bed) => fc.constant({ id: bed.ids.backup }),
  'backups.restore': (bed) => fc.constant({ id: bed.ids.backup }),
  'backups.delete': (bed) => fc.constant({ id: bed.ids.backup }),
  'backups.policy.get': () => fc.constant({}),
  'backups.policy.save': () =>
    fc.record({
      policy: fc.record({
        daily: fc.integer(BACKUP_POLICY_LIMITS.daily),
        weekly: fc.integer(BACKUP_POLICY_LIMITS.weekly),
        safetyDays: fc.integer(BACKUP_POLICY_LIMITS.safetyDays),
      }),
    }),
  'database.check': () => fc.constant({}),
  'database.startEmpty': () => fc.constant({}),
}
