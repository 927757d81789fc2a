import type { PatientId } from '../../../../shared/patients/patient'
import type { PlanDraft } from '../../../../shared/plan/plan-types'
import { BridgeCallError, type BridgeClient } from '../../bridge/bridge-client'
import { type Autosave, createAutosave } from '../../state/autosave'
import { byField } from './plan-field-errors'

/** The part of the plan's state its autosave reads and writes. */
export interface PlanDocumentState {
  draft: PlanDraft
  problems: Record<string, string>
}

interface PlanDocumentStore {
  getState(): PlanDocumentState
  setState(partial: Pick<PlanDocumentState, 'problems'>): void
  subscribe(listener: (next: PlanDocumentState, previous: PlanDocumentState) => void): () => void
}

/**
 * Saves the plan's draft through `plans.save` once it has no problems; main's field errors from
 * a refused save show beside their fields.
 */
export function createPlanAutosave(
  bridge: BridgeClient,
  patientId: PatientId,
  plan: PlanDocumentStore,
  initial: PlanDraft,
  delay?: number,
): Autosave<PlanDraft> {
  return createAutosave<PlanDraft>({
    source: {
      current: () => plan.getState().draft,
      problems: () => Object.keys(plan.getState().problems).length,
      subscribe: (onChange) =>
        plan.subscribe((next, previous) => {
          if (next.draft !== previous.draft) onChange()
        }),
    },
    stored: { document: initial, revision: 0, at: null },
    save: (draft, baseRevision) => bridge.call('plans.save', { patientId, baseRevision: baseRevision ?? 0, draft }),
    onError(error, draft) {
      if (error instanceof BridgeCallError)
        plan.setState({ problems: { ...plan.getState().problems, ...byField(error.fieldErrors, draft) } })
    },
    ...(delay !== undefined && { delay }),
  })
}
