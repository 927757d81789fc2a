import type { AuditValue, PlanChanges, SessionChange, TreatmentChange } from '../../../shared/audit/audit-types'
import type { Pigment, Session, TreatmentPlan, ZoneTreatment } from '../../../shared/plan/plan-types'
import { type PlanZone, zoneKey } from '../../../shared/plan/plan-zones'
import { canonicalJson } from './canonical-json'
import { fieldChanges } from './field-changes'

/** What the plan is named by in the trail: zone and pigment names as they are at the save. */
export interface PlanNames {
  zones: readonly Pick<PlanZone, 'key' | 'name'>[]
  pigments: readonly Pick<Pigment, 'id' | 'name'>[]
}

// A layer's visibility and opacity are how the plan is looked at, not what is done to the
// patient, and change with every glance: they are left out.
function sessionFields(session: Session, names: PlanNames): Record<string, AuditValue> {
  const clearance = session.clearance
  return {
    name: session.name,
    kind: session.kind,
    startsAt: session.startsAt,
    durationMin: session.durationMin,
    practitioner: session.practitioner,
    pigment: names.pigments.find((p) => p.id === session.pigmentId)?.name ?? session.pigmentId,
    needle: session.needle.config,
    needleMm: session.needle.diameterMm,
    pigmentLot: session.pigmentLot,
    pigmentExpires: session.pigmentExpires ?? '',
    status: session.status,
    // Who cleared a contraindicated session, when and why belongs in the trail.
    clearance: clearance ? `${clearance.by}, ${clearance.on}: ${clearance.reason}` : '',
    zoneTools: zoneTools(session, names),
    notes: session.notes,
  }
}

/** The zones treated with their own needle, pigment or mix, in words: "Hairline: 1RL 0.2 mm, 30% water". */
function zoneTools(session: Session, names: PlanNames): string {
  return session.treatments
    .filter((t) => t.needle || t.pigmentId || t.dilution !== undefined)
    .map((t) => {
      const zone = names.zones.find((z) => z.key === zoneKey(t.designId, t.zoneId))?.name ?? t.zoneId
      const tools = [
        t.needle && `${t.needle.config} ${t.needle.diameterMm} mm`,
        t.pigmentId && (names.pigments.find((p) => p.id === t.pigmentId)?.name ?? t.pigmentId),
        t.dilution !== undefined && `${Math.round(t.dilution * 100)}% water`,
      ].filter(Boolean)
      return `${zone}: ${tools.join(', ')}`
    })
    .join('; ')
}

function treatmentChanges(
  before: readonly ZoneTreatment[],
  after: readonly ZoneTreatment[],
  names: PlanNames,
): TreatmentChange[] {
  const key = (t: ZoneTreatment) => zoneKey(t.designId, t.zoneId)
  const beforeByKey = new Map(before.map((t) => [key(t), t]))
  const afterByKey = new Map(after.map((t) => [key(t), t]))
  return [...new Set([...afterByKey.keys(), ...beforeByKey.keys()])]
    .map((k) => ({
      zone: names.zones.find((z) => z.key === k)?.name ?? 'A zone no longer in the designs',
      before: beforeByKey.get(k)?.amount ?? null,
      after: afterByKey.get(k)?.amount ?? null,
    }))
    .filter((t) => canonicalJson(t.before) !== canonicalJson(t.after))
}

const EMPTY: Record<string, AuditValue> = {}

function sessionChange(before: Session | null, after: Session | null, names: PlanNames): SessionChange {
  const session = (after ?? before) as Session
  return {
    id: session.id,
    startsAt: session.startsAt,
    changes: fieldChanges(before ? sessionFields(before, names) : EMPTY, after ? sessionFields(after, names) : EMPTY),
    treatments: treatmentChanges(before?.treatments ?? [], after?.treatments ?? [], names),
  }
}

/**
 * What a save changed: the technique, sessions added and removed with their values, and for each
 * kept session its fields and zone treatments before → after. Null when nothing recorded changed.
 */
export function planChanges(before: TreatmentPlan, after: TreatmentPlan, names: PlanNames): PlanChanges | null {
  const beforeById = new Map(before.sessions.map((s) => [s.id, s]))
  const afterIds = new Set(after.sessions.map((s) => s.id))
  const firstSave = before.revision === 0
  const changes: PlanChanges = {
    technique:
      firstSave || before.technique !== after.technique
        ? { field: 'technique', before: firstSave ? null : before.technique, after: after.technique }
        : null,
    added: after.sessions.filter((s) => !beforeById.has(s.id)).map((s) => sessionChange(null, s, names)),
    removed: before.sessions.filter((s) => !afterIds.has(s.id)).map((s) => sessionChange(s, null, names)),
    changed: after.sessions
      .filter((s) => beforeById.has(s.id))
      .map((s) => sessionChange(beforeById.get(s.id) as Session, s, names))
      .filter((c) => c.changes.length > 0 || c.treatments.length > 0),
  }
  const nothing = !changes.technique && !changes.added.length && !changes.removed.length && !changes.changed.length
  return nothing ? null : changes
}
