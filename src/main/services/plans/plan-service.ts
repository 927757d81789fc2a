import type { Database } from 'better-sqlite3'
import { localDateOf, localDateTime } from '../../../shared/dates'
import type { PatientId } from '../../../shared/patients/patient'
import type { HairLossPattern } from '../../../shared/patients/patient-fields'
import { planHairlines } from '../../../shared/plan/plan-hairlines'
import type { PlanContext } from '../../../shared/plan/plan-problems'
import { planProblems, sessionField } from '../../../shared/plan/plan-problems'
import type { PlanDraft, TreatmentPlan } from '../../../shared/plan/plan-types'
import { planZones } from '../../../shared/plan/plan-zones'
import { createPlanAudit } from '../audit/plan-audit'
import { createStamp } from '../clock'
import type { DesignService } from '../designs/design-service'
import type { PhotoService } from '../photos/photo-service'
import type { PigmentService } from '../pigments/pigment-service'
import { ServiceError } from '../service-error'
import type { SettingsService } from '../settings/settings-service'
import {
  type PlanRow,
  rowToSession,
  type SessionRow,
  sessionParams,
  type TreatmentRow,
  treatmentParams,
} from './plan-rows'

export interface PlanService {
  /** The patient's plan; before its first save, an empty permanent plan at revision 0. */
  get(patientId: PatientId): TreatmentPlan
  /** Replaces the whole plan; `baseRevision` is the revision it was edited from (0 for the first save). */
  save(patientId: PatientId, baseRevision: number, draft: PlanDraft): TreatmentPlan
}

/** What the plan is checked against, read from the other services inside the save's transaction. */
export interface PlanSources {
  settings: Pick<SettingsService, 'get'>
  pigments: Pick<PigmentService, 'list'>
  designs: Pick<DesignService, 'forPatient'>
  photos: Pick<PhotoService, 'list'>
}

interface PatientOfPlan {
  created_at: string
  archived_at: string | null
  keloid: number
  scalp_condition: number
  chemotherapy: number
  pregnancy: number
  blood_thinners: number
  transplant_date: string | null
  date_of_birth: string | null
  hair_loss_pattern: HairLossPattern | null
}

/** "The plan was not saved: …", with the first problem, since the rest are shown beside their sessions. */
function refusalMessage(problems: Record<string, string>): string {
  const messages = Object.values(problems)
  const first = messages[0] ?? ''
  if (messages.length === 1) return `The plan was not saved: ${first}`
  return `The plan was not saved: ${messages.length} things need attention, each shown beside its session. The first: ${first}`
}

/**
 * Treatment plans: a patient's technique and sessions, each session's zone treatments. Drafts
 * arrive validated by the bridge; the service checks them against what only the database knows
 * (the catalogue, the designs' zones, the settings, the record's dates) with the same rules the
 * renderer shows, and writes the whole plan or nothing.
 */
export function createPlanService(db: Database, sources: PlanSources, now: () => Date = () => new Date()): PlanService {
  const stamp = createStamp(now)
  const audit = createPlanAudit(db)
  const patientById = db.prepare<[string], PatientOfPlan>(
    `SELECT created_at, archived_at, keloid, scalp_condition, chemotherapy, pregnancy, blood_thinners,
       transplant_date, date_of_birth, hair_loss_pattern FROM patients WHERE id = ?`,
  )
  const planOf = db.prepare<[string], PlanRow>('SELECT * FROM treatment_plans WHERE patient_id = ?')
  const sessionsOf = db.prepare<[string], SessionRow>(
    'SELECT * FROM sessions WHERE patient_id = ? ORDER BY position, starts_at, id',
  )
  const treatmentsOf = db.prepare<[string], TreatmentRow>(
    `SELECT session_treatments.* FROM session_treatments JOIN sessions ON sessions.id = session_treatments.session_id
     WHERE sessions.patient_id = ? ORDER BY session_treatments.position`,
  )
  const sessionsElsewhere = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM sessions WHERE id IN (SELECT value FROM json_each(?)) AND patient_id <> ?',
  )
  const upsertPlan = db.prepare(
    `INSERT INTO treatment_plans (patient_id, technique, revision, updated_at) VALUES (@patientId, @technique, 1, @now)
     ON CONFLICT (patient_id) DO UPDATE SET technique = excluded.technique, revision = revision + 1,
       updated_at = excluded.updated_at`,
  )
  const deleteRemoved = db.prepare(
    'DELETE FROM sessions WHERE patient_id = @patientId AND id NOT IN (SELECT value FROM json_each(@kept))',
  )
  // A session's own stamp moves only when one of its fields does; its treatments are rewritten
  // on every save and dated by the plan's.
  const columns = [
    'position',
    'name',
    'kind',
    'starts_at',
    'duration_min',
    'practitioner',
    'pigment_id',
    'needle_config',
    'needle_mm',
    'pigment_lot',
    'pigment_expires',
    'notes',
    'status',
    'clearance',
    'visible',
    'opacity',
  ]
  const upsertSession = db.prepare(
    `INSERT INTO sessions (id, patient_id, ${columns.join(', ')}, created_at, updated_at)
     VALUES (@id, @patientId, ${columns.map((c) => `@${c}`).join(', ')}, @now, @now)
     ON CONFLICT (id) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')},
       updated_at = excluded.updated_at
     WHERE (${columns.join(', ')}) IS NOT (${columns.map((c) => `excluded.${c}`).join(', ')})`,
  )
  const deleteTreatments = db.prepare(
    'DELETE FROM session_treatments WHERE session_id IN (SELECT id FROM sessions WHERE patient_id = ?)',
  )
  const insertTreatment = db.prepare(
    `INSERT INTO session_treatments (session_id, design_id, zone_id, unit, value, position, needle_config, needle_mm,
       pigment_id, dilution)
     VALUES (@session_id, @design_id, @zone_id, @unit, @value, @position, @needle_config, @needle_mm, @pigment_id,
       @dilution)`,
  )

  const patientOf = (patientId: PatientId): PatientOfPlan => {
    const patient = patientById.get(patientId)
    if (!patient) throw new ServiceError('not_found', 'That patient record does not exist.')
    return patient
  }

  const get = (patientId: PatientId): TreatmentPlan => {
    patientOf(patientId)
    const plan = planOf.get(patientId)
    const treatments = new Map<string, TreatmentRow[]>()
    for (const t of treatmentsOf.all(patientId))
      treatments.set(t.session_id, [...(treatments.get(t.session_id) ?? []), t])
    return {
      patientId,
      technique: plan?.technique ?? 'permanent',
      sessions: sessionsOf.all(patientId).map((row) => rowToSession(row, treatments.get(row.id) ?? [])),
      revision: plan?.revision ?? 0,
      updatedAt: plan?.updated_at ?? null,
    }
  }

  const contextOf = (patientId: PatientId, patient: PatientOfPlan): PlanContext => {
    const designs = sources.designs.forPatient(patientId)
    const photos = sources.photos.list(patientId)
    const settings = sources.settings.get().settings
    return {
      now: localDateTime(now()),
      recordCreated: localDateOf(patient.created_at),
      patient: {
        medical: {
          keloid: patient.keloid === 1,
          scalpCondition: patient.scalp_condition === 1,
          chemotherapy: patient.chemotherapy === 1,
          pregnancy: patient.pregnancy === 1,
          bloodThinners: patient.blood_thinners === 1,
        },
        transplantDate: patient.transplant_date,
        dateOfBirth: patient.date_of_birth,
        hairLossPattern: patient.hair_loss_pattern,
      },
      pigments: sources.pigments.list(true),
      zones: planZones(designs, photos),
      hairlines: planHairlines(designs, photos, settings),
      settings,
    }
  }

  // Immediate: the revision check, the checks against the catalogue and designs, and the write
  // all see one state of the database, which no other process can change in between.
  const save = db.transaction((patientId: PatientId, baseRevision: number, draft: PlanDraft): TreatmentPlan => {
    const patient = patientOf(patientId)
    if (patient.archived_at !== null)
      throw new ServiceError('conflict', 'This patient is archived; restore the record to change the treatment plan.')
    const current = planOf.get(patientId)?.revision ?? 0
    if (current !== baseRevision)
      throw new ServiceError(
        'conflict',
        `This treatment plan was changed elsewhere (revision ${current}); reopen it to see the latest.`,
      )

    const ids = JSON.stringify(draft.sessions.map((s) => s.id))
    const taken = sessionsElsewhere.all(ids, patientId)
    if (taken.length > 0)
      throw new ServiceError(
        'invalid_input',
        "The plan was not saved: a session's id belongs to another patient's plan.",
        Object.fromEntries(taken.map(({ id }) => [sessionField(id, 'id'), 'This id is already used by another plan'])),
      )
    const context = contextOf(patientId, patient)
    const problems = planProblems(draft, context)
    if (Object.keys(problems).length > 0) throw new ServiceError('invalid_input', refusalMessage(problems), problems)

    const before = get(patientId)
    const at = stamp()
    upsertPlan.run({ patientId, technique: draft.technique, now: at })
    // Removing a session takes its treatments with it and unlinks its photos (the foreign keys say so).
    deleteRemoved.run({ patientId, kept: ids })
    deleteTreatments.run(patientId)
    for (const [position, session] of draft.sessions.entries()) {
      upsertSession.run({ patientId, now: at, ...sessionParams(session, position) })
      for (const [index, treatment] of session.treatments.entries())
        insertTreatment.run(treatmentParams(session.id, treatment, index))
    }
    const saved = get(patientId)
    audit.saved(at, before, saved, context)
    return saved
  })

  return {
    get,
    save: (patientId, baseRevision, draft) => save.immediate(patientId, baseRevision, draft),
  }
}
