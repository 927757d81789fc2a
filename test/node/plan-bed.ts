import { createDispatch } from '../../src/main/bridge/dispatch'
import { createHandlers } from '../../src/main/bridge/handlers'
import { createPlanService } from '../../src/main/services/plans/plan-service'
import { p, validDesign, zone } from '../fixtures/designs'
import type { photoBackendsForEachTest } from './photo-backend'

type Bed = ReturnType<ReturnType<typeof photoBackendsForEachTest>>

/** Today, for the plan's checks: three months after the bed's clock created the records. */
export const PLAN_NOW = new Date('2026-06-01T12:00:00Z')

/**
 * A patient with one photo whose design has two zones, Crown (`z1`) and Frontal (`z2`), and
 * plans checked against a fixed day, through the service and through the bridge. `dump` is every
 * row a plan save may touch, to prove a refused one wrote nothing.
 */
export async function designedPatient(bed: Bed) {
  const photo = await bed.plainPhoto()
  const design = bed.designs.save(
    photo.id,
    null,
    validDesign([
      zone(),
      zone({ id: 'z2', name: 'Frontal', role: 'frontal', points: [p(20, 10), p(180, 10), p(180, 50), p(20, 50)] }),
    ]),
  )
  const plans = createPlanService(bed.db, bed, () => PLAN_NOW)
  const dispatch = createDispatch(
    createHandlers({ ...bed, plans }, { version: '0.0.0-test', shell: 'web', dataDir: bed.dataDir }),
    () => {},
  )
  const dump = () =>
    Object.fromEntries(
      ['treatment_plans', 'sessions', 'session_treatments', 'photos'].map((table) => [
        table,
        bed.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
      ]),
    )
  return { ...bed, photo, design, patientId: photo.patientId, plans, dispatch, dump }
}
