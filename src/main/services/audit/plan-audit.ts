import type { Database } from 'better-sqlite3'
import type { TreatmentPlan } from '../../../shared/plan/plan-types'
import { createAuditLog } from './audit-log'
import { type PlanNames, planChanges } from './plan-changes'

/** The plan service's entries; each call belongs inside the transaction of its save. */
export function createPlanAudit(db: Database) {
  const log = createAuditLog(db)
  return {
    /** A save that changed nothing the trail shows (a layer's opacity, say) is no entry. */
    saved(at: string, before: TreatmentPlan, saved: TreatmentPlan, names: PlanNames) {
      const changes = planChanges(before, saved, names)
      if (!changes) return
      log.append({
        at,
        patientId: saved.patientId,
        entityId: saved.patientId,
        entity: 'plan',
        action: 'saved',
        detail: changes,
      })
    },
  }
}
