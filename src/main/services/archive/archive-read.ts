import type { Database } from 'better-sqlite3'
import type { ArchiveRecords, PatientArchiveRow, PlanArchiveRow } from '../../../shared/archive/archive-records'
import type { PatientId } from '../../../shared/patients/patient'

/**
 * Every row of one patient, read in one transaction so the archive is one consistent moment of
 * the record; null when there is no such patient. Rows come back as the tables hold them.
 */
export function createRecordsReader(db: Database): (patientId: PatientId) => ArchiveRecords | null {
  const rows = <T>(sql: string) => {
    const statement = db.prepare<[string], T>(sql)
    return (patientId: string) => statement.all(patientId)
  }
  const patient = db.prepare<[string], PatientArchiveRow & { search_name?: string }>(
    'SELECT * FROM patients WHERE id = ?',
  )
  const plan = db.prepare<[string], PlanArchiveRow>('SELECT * FROM treatment_plans WHERE patient_id = ?')
  const photos = rows<ArchiveRecords['photos'][number]>('SELECT * FROM photos WHERE patient_id = ? ORDER BY rowid')
  const measurements = rows<ArchiveRecords['measurements'][number]>(
    `SELECT photo_measurements.* FROM photo_measurements JOIN photos ON photos.id = photo_measurements.photo_id
     WHERE photos.patient_id = ? ORDER BY photo_measurements.rowid`,
  )
  const designs = rows<ArchiveRecords['designs'][number]>('SELECT * FROM designs WHERE patient_id = ? ORDER BY rowid')
  const sessions = rows<ArchiveRecords['sessions'][number]>(
    'SELECT * FROM sessions WHERE patient_id = ? ORDER BY position, rowid',
  )
  const treatments = rows<ArchiveRecords['treatments'][number]>(
    `SELECT session_treatments.* FROM session_treatments JOIN sessions ON sessions.id = session_treatments.session_id
     WHERE sessions.patient_id = ? ORDER BY session_treatments.session_id, session_treatments.position`,
  )
  const pigments = rows<ArchiveRecords['pigments'][number]>(
    `WITH own AS (SELECT id, pigment_id FROM sessions WHERE patient_id = ?)
     SELECT * FROM pigments WHERE id IN (
       SELECT pigment_id FROM own
       UNION SELECT session_treatments.pigment_id FROM session_treatments JOIN own ON own.id = session_treatments.session_id
     ) ORDER BY position, id`,
  )
  const comments = rows<ArchiveRecords['comments'][number]>(
    `SELECT comments.* FROM comments JOIN designs ON designs.id = comments.design_id
     WHERE designs.patient_id = ? ORDER BY comments.rowid`,
  )
  const audit = rows<ArchiveRecords['audit'][number]>('SELECT * FROM audit_log WHERE patient_id = ? ORDER BY seq')

  return db.transaction((patientId: PatientId): ArchiveRecords | null => {
    const row = patient.get(patientId)
    if (!row) return null
    const { search_name: _derived, ...patientColumns } = row
    return {
      patient: patientColumns,
      photos: photos(patientId),
      measurements: measurements(patientId),
      designs: designs(patientId),
      plan: plan.get(patientId) ?? null,
      sessions: sessions(patientId),
      treatments: treatments(patientId),
      pigments: pigments(patientId),
      comments: comments(patientId),
      audit: audit(patientId),
    }
  })
}
