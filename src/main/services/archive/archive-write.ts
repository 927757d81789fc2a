import type { Database } from 'better-sqlite3'
import type { ArchiveRecords } from '../../../shared/archive/archive-records'
import { searchKey } from '../patients/patient-rows'

const insertSql = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`

const COLUMNS = {
  patients: [
    'id',
    'full_name',
    'search_name',
    'date_of_birth',
    'sex',
    'phone',
    'email',
    'fitzpatrick',
    'hair_colour',
    'hair_loss_pattern',
    'goals',
    'keloid',
    'alopecia_areata',
    'chemotherapy',
    'hormonal',
    'scalp_condition',
    'pregnancy',
    'blood_thinners',
    'medical_other',
    'notes',
    'created_at',
    'updated_at',
    'archived_at',
    'revision',
    'transplant_date',
  ],
  treatment_plans: ['patient_id', 'technique', 'revision', 'updated_at'],
  sessions: [
    'id',
    'patient_id',
    'position',
    'starts_at',
    'duration_min',
    'practitioner',
    'pigment_id',
    'needle_config',
    'needle_mm',
    'notes',
    'status',
    'visible',
    'opacity',
    'created_at',
    'updated_at',
    'name',
    'kind',
    'pigment_lot',
    'pigment_expires',
    'clearance',
  ],
  photos: [
    'id',
    'patient_id',
    'sha256',
    'format',
    'original_name',
    'byte_size',
    'width',
    'height',
    'taken_at',
    'taken_at_source',
    'view',
    'caption',
    'calibration',
    'imported_at',
    'updated_at',
    'revision',
    'session_id',
    'chart',
    'location_removed_at',
  ],
  photo_measurements: ['id', 'photo_id', 'kind', 'label', 'points', 'created_at'],
  designs: ['id', 'patient_id', 'photo_id', 'document', 'schema_version', 'created_at', 'updated_at', 'revision'],
  session_treatments: [
    'session_id',
    'design_id',
    'zone_id',
    'unit',
    'value',
    'position',
    'needle_config',
    'needle_mm',
    'pigment_id',
    'dilution',
  ],
  comments: [
    'id',
    'design_id',
    'x',
    'y',
    'author',
    'body',
    'created_at',
    'resolved_at',
    'resolved_by',
    'updated_at',
    'revision',
  ],
} as const

/**
 * Writes a checked patient's rows as they are, parents before children so every foreign key
 * finds its row; the caller's transaction makes it all or nothing. Sessions use the catalogue
 * ids `pigmentIds` gives.
 */
export function createRecordsWriter(db: Database) {
  const insert = Object.fromEntries(
    Object.entries(COLUMNS).map(([table, columns]) => [table, db.prepare(insertSql(table, columns))]),
  ) as Record<keyof typeof COLUMNS, ReturnType<Database['prepare']>>

  return (records: ArchiveRecords, pigmentIds: ReadonlyMap<string, string>) => {
    // An archive from before schema 9 records neither pregnancy nor blood thinners.
    insert.patients.run({
      pregnancy: 0,
      blood_thinners: 0,
      ...records.patient,
      search_name: searchKey(records.patient.full_name),
    })
    if (records.plan) insert.treatment_plans.run(records.plan)
    // An archive from before schema 6 names no kind: its sessions are extra ones, as the migration would leave them.
    for (const session of records.sessions)
      insert.sessions.run({
        name: '',
        kind: 'extra',
        pigment_lot: '',
        pigment_expires: null,
        clearance: null,
        ...session,
        pigment_id: pigmentIds.get(session.pigment_id) ?? session.pigment_id,
      })
    for (const photo of records.photos)
      insert.photos.run({
        ...photo,
        chart: photo.chart ?? null,
        location_removed_at: photo.location_removed_at ?? null,
      })
    for (const measurement of records.measurements) insert.photo_measurements.run(measurement)
    for (const design of records.designs) insert.designs.run(design)
    for (const treatment of records.treatments)
      insert.session_treatments.run({
        needle_config: null,
        needle_mm: null,
        dilution: null,
        ...treatment,
        pigment_id: treatment.pigment_id ? (pigmentIds.get(treatment.pigment_id) ?? treatment.pigment_id) : null,
      })
    for (const comment of records.comments) insert.comments.run(comment)
  }
}
