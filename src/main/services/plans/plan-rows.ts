import type {
  Clearance,
  NeedleConfig,
  Session,
  SessionKind,
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
  name: string
  kind: SessionKind
  starts_at: string
  duration_min: number
  practitioner: string
  pigment_id: string
  needle_config: NeedleConfig
  needle_mm: number
  pigment_lot: string
  pigment_expires: string | null
  notes: string
  status: SessionStatus
  /** JSON of a `Clearance`, or null. */
  clearance: string | null
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
  needle_config: NeedleConfig | null
  needle_mm: number | null
  pigment_id: string | null
  dilution: number | null
}

/** Column values for a session, named as the SQL statements bind them. */
export function sessionParams(session: Session, position: number) {
  return {
    id: session.id,
    position,
    name: session.name,
    kind: session.kind,
    starts_at: session.startsAt,
    duration_min: session.durationMin,
    practitioner: session.practitioner,
    pigment_id: session.pigmentId,
    needle_config: session.needle.config,
    needle_mm: session.needle.diameterMm,
    pigment_lot: session.pigmentLot,
    pigment_expires: session.pigmentExpires,
    notes: session.notes,
    status: session.status,
    clearance: session.clearance ? JSON.stringify(session.clearance) : null,
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
    needle_config: treatment.needle?.config ?? null,
    needle_mm: treatment.needle?.diameterMm ?? null,
    pigment_id: treatment.pigmentId ?? null,
    dilution: treatment.dilution ?? null,
  }
}

/** A treatment row's own needle, pigment and dilution, only where it has them. */
function rowToTreatment(t: TreatmentRow): ZoneTreatment {
  return {
    designId: t.design_id,
    zoneId: t.zone_id,
    amount: { unit: t.unit, value: t.value },
    ...(t.needle_config !== null &&
      t.needle_mm !== null && { needle: { config: t.needle_config, diameterMm: t.needle_mm } }),
    ...(t.pigment_id !== null && { pigmentId: t.pigment_id }),
    ...(t.dilution !== null && { dilution: t.dilution }),
  }
}

// The clearance column was written only from validated sessions, so it narrows to its type.
export function rowToSession(row: SessionRow, treatments: readonly TreatmentRow[]): Session {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    startsAt: row.starts_at,
    durationMin: row.duration_min,
    practitioner: row.practitioner,
    pigmentId: row.pigment_id,
    needle: { config: row.needle_config, diameterMm: row.needle_mm },
    pigmentLot: row.pigment_lot,
    pigmentExpires: row.pigment_expires,
    treatments: treatments.map(rowToTreatment),
    notes: row.notes,
    status: row.status,
    clearance: row.clearance === null ? null : (JSON.parse(row.clearance) as Clearance),
    layer: { visible: row.visible === 1, opacity: row.opacity },
  }
}
