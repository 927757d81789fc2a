import type {
  NeedleConfig,
  Session,
  SessionStatus,
  Technique,
  TreatmentAmount,
  ZoneTreatment,
} from '../../../shared/plan/plan-types'

/** A `treatment_plans` row as SQLite returns it. */
export interface PlanRow {
  patient_id: string
  technique: Technique
  revision: number
  updated_at: string
}

/** A `sessions` row as SQLite returns it. */
export interface SessionRow {
  id: string
  patient_id: string
  position: number
  starts_at: string
  duration_min: number
  practitioner: string
  pigment_id: string
  needle_config: NeedleConfig
  needle_mm: number
  notes: string
  status: SessionStatus
  visible: number
  opacity: number
  created_at: string
  updated_at: string
}

/** A `session_treatments` row as SQLite returns it. */
export interface TreatmentRow {
  session_id: string
  design_id: string
  zone_id: string
  unit: TreatmentAmount['unit']
  value: number
  position: number
}

/** Column values for a session, named as the SQL statements bind them. */
export function sessionParams(session: Session, position: number) {
  return {
    id: session.id,
    position,
    starts_at: session.startsAt,
    duration_min: session.durationMin,
    practitioner: session.practitioner,
    pigment_id: session.pigmentId,
    needle_config: session.needle.config,
    needle_mm: session.needle.diameterMm,
    notes: session.notes,
    status: session.status,
    visible: Number(session.layer.visible),
    opacity: session.layer.opacity,
  }
}

export function treatmentParams(sessionId: string, treatment: ZoneTreatment, position: number) {
  return {
    session_id: sessionId,
    design_id: treatment.designId,
    zone_id: treatment.zoneId,
    unit: treatment.amount.unit,
    value: treatment.amount.value,
    position,
  }
}

export function rowToSession(row: SessionRow, treatments: readonly TreatmentRow[]): Session {
  return {
    id: row.id,
    startsAt: row.starts_at,
    durationMin: row.duration_min,
    practitioner: row.practitioner,
    pigmentId: row.pigment_id,
    needle: { config: row.needle_config, diameterMm: row.needle_mm },
    treatments: treatments.map((t) => ({
      designId: t.design_id,
      zoneId: t.zone_id,
      amount: { unit: t.unit, value: t.value },
    })),
    notes: row.notes,
    status: row.status,
    layer: { visible: row.visible === 1, opacity: row.opacity },
  }
}
