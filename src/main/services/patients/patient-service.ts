import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import {
  EMPTY_PATIENT_FIELDS,
  type Patient,
  type PatientFields,
  type PatientId,
  type PatientList,
} from '../../../shared/patients/patient'
import { createPatientAudit } from '../audit/patient-audit'
import { createStamp } from '../clock'
import { ServiceError } from '../service-error'
import { fieldParams, type PatientRow, rowToPatient, rowToSummary, searchKey } from './patient-rows'

export interface PatientService {
  list(query: { query: string; includeArchived: boolean }): PatientList
  get(id: PatientId): Patient
  /** `sample`: the teaching record, whose history stays out of the trail from its first entry. */
  create(fields: PatientFields, kind?: 'real' | 'sample'): Patient
  update(id: PatientId, revision: number, fields: PatientFields): Patient
  archive(id: PatientId): Patient
  restore(id: PatientId): Patient
}

/** Escapes LIKE wildcards so a typed `%` or `_` matches itself. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * Patient records. Fields arrive already validated by the bridge; the service owns ids,
 * timestamps, revisions and the archive flag.
 */
export function createPatientService(db: Database, now: () => Date = () => new Date()): PatientService {
  const columns = Object.keys(fieldParams(EMPTY_PATIENT_FIELDS))
  const insert = db.prepare(
    `INSERT INTO patients (id, ${columns.join(', ')}, created_at, updated_at, revision, sample)
     VALUES (@id, ${columns.map((c) => `@${c}`).join(', ')}, @now, @now, 1, @sample)`,
  )
  const update = db.prepare(
    `UPDATE patients SET ${columns.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now, revision = revision + 1
     WHERE id = @id AND revision = @revision`,
  )
  const setArchived = db.prepare(
    'UPDATE patients SET archived_at = @archivedAt, updated_at = @now, revision = revision + 1 WHERE id = @id',
  )
  const byId = db.prepare<[string], PatientRow>('SELECT * FROM patients WHERE id = ?')

  const stamp = createStamp(now)
  const audit = createPatientAudit(db)

  const get = (id: PatientId): Patient => {
    const row = byId.get(id)
    if (!row) throw new ServiceError('not_found', 'That patient record does not exist.')
    return rowToPatient(row)
  }

  const create = db.transaction((fields: PatientFields, kind: 'real' | 'sample'): Patient => {
    const id = randomUUID()
    insert.run({ id, now: stamp(), ...fieldParams(fields), sample: kind === 'sample' ? 1 : 0 })
    const created = get(id)
    audit.created(created)
    return created
  })

  const updateRecord = db.transaction((id: PatientId, revision: number, fields: PatientFields): Patient => {
    const current = get(id)
    if (current.revision !== revision) {
      throw new ServiceError(
        'conflict',
        'This record was changed elsewhere since you opened it. Reload it and make your change again.',
      )
    }
    update.run({ id, revision, now: stamp(), ...fieldParams(fields) })
    const updated = get(id)
    audit.updated(current, updated)
    return updated
  })

  const archive = db.transaction((id: PatientId): Patient => {
    const current = get(id)
    if (current.archivedAt) return current
    const at = stamp()
    setArchived.run({ id, archivedAt: at, now: at })
    const archived = get(id)
    audit.archived(archived)
    return archived
  })

  const restore = db.transaction((id: PatientId): Patient => {
    const current = get(id)
    if (!current.archivedAt) return current
    setArchived.run({ id, archivedAt: null, now: stamp() })
    const restored = get(id)
    audit.restored(restored)
    return restored
  })

  return {
    list({ query, includeArchived }) {
      const tokens = searchKey(query).split(/\s+/).filter(Boolean)
      const where = [
        ...(includeArchived ? [] : ['archived_at IS NULL']),
        ...tokens.map((_, i) => `search_name LIKE @t${i} ESCAPE '\\'`),
      ]
      const params = Object.fromEntries(tokens.map((t, i) => [`t${i}`, `%${likeEscape(t)}%`]))
      const rows = db
        .prepare<Record<string, string>, PatientRow>(
          `SELECT * FROM patients ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
           ORDER BY updated_at DESC, rowid DESC`,
        )
        .all(params)
      return { patients: rows.map(rowToSummary), total: rows.length }
    },

    get,

    // Each change and its audit entry commit together, under one write lock.
    create: (fields, kind = 'real') => create.immediate(fields, kind),
    update: (id, revision, fields) => updateRecord.immediate(id, revision, fields),
    archive: (id) => archive.immediate(id),
    restore: (id) => restore.immediate(id),
  }
}
