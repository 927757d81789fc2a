import { createStore, type StoreApi } from 'zustand/vanilla'
import type { PatientId } from '../../../../shared/patients/patient'
import type { PlanDraft, TreatmentPlan } from '../../../../shared/plan/plan-types'
import { type BridgeClient, errorMessage } from '../../bridge/bridge-client'
import { emptyHistory, type History, record, redo, undo } from '../../editor/history'
import type { Autosave } from '../../state/autosave'
import { createPlanAutosave } from './plan-autosave'
import { checkPlan, loadPlanWorld, type PlanCheck, type PlanWorld, UNCHECKED } from './plan-world'

export interface PlanState extends PlanCheck {
  status: 'loading' | 'ready' | 'error'
  message: string
  world: PlanWorld | null
  /** The plan as the artist is editing it; saved once it has no problems. */
  draft: PlanDraft
  history: History<PlanDraft>
  /** Saves the draft a moment after each change; its status is what the save indicator shows. */
  autosave: Autosave<PlanDraft>
  /** The date the layers are shown at (`YYYY-MM-DD`); null shows them as the plan ends. */
  viewDate: string | null
  /** The last undo or redo, for the status line. */
  notice: string

  load(): Promise<void>
  /** Re-reads the designs and photos (zones drawn or deleted since) without touching the draft. */
  refreshWorld(): Promise<void>
  change(label: string, recipe: (draft: PlanDraft) => PlanDraft, coalesceKey?: string): void
  undo(): void
  redo(): void
  setViewDate(date: string | null): void
  flush(): Promise<void>
  dispose(): void
}

export type PlanStore = StoreApi<PlanState>

const EMPTY_DRAFT: PlanDraft = { technique: 'permanent', sessions: [] }

const toDraft = (plan: TreatmentPlan): PlanDraft => ({ technique: plan.technique, sessions: plan.sessions })

/**
 * A patient's treatment plan as an editable document: every change is an undo step, is checked
 * with the same rules main applies, and is autosaved when it has no problems; a plan with
 * problems stays unsaved (the stored plan is untouched) until they are fixed.
 */
export function createPlanStore(bridge: BridgeClient, patientId: PatientId, delay?: number): PlanStore {
  /** Refreshes can overlap (a tab opening while a photo closes); only the newest may land. */
  let refreshes = 0

  return createStore<PlanState>((set, get, api) => {
    /** Takes a new draft with what the rules say of it, in one step, so the autosave sees both. */
    const adopt = (draft: PlanDraft, notice: string, history: History<PlanDraft>) =>
      set({ draft, notice, history, ...checkPlan(draft, get().world) })

    return {
      status: 'loading',
      message: '',
      world: null,
      draft: EMPTY_DRAFT,
      history: emptyHistory<PlanDraft>(),
      ...UNCHECKED,
      autosave: createPlanAutosave(bridge, patientId, api, EMPTY_DRAFT, delay),
      viewDate: null,
      notice: '',

      async load() {
        set({ status: 'loading', message: '' })
        try {
          const [plan, world] = await Promise.all([
            bridge.call('plans.get', { patientId }),
            loadPlanWorld(bridge, patientId),
          ])
          const draft = toDraft(plan)
          get().autosave.reset({ document: draft, revision: plan.revision, at: plan.updatedAt })
          set({ status: 'ready', world, draft, history: emptyHistory<PlanDraft>(), ...checkPlan(draft, world) })
        } catch (error) {
          set({ status: 'error', message: errorMessage(error) })
        }
      },

      async refreshWorld() {
        if (get().status !== 'ready') return
        const ticket = ++refreshes
        try {
          const world = await loadPlanWorld(bridge, patientId)
          if (ticket !== refreshes) return
          set({ world, ...checkPlan(get().draft, world) })
        } catch {
          // The plan stays checked against what was loaded; the next refresh tries again.
        }
      },

      change(label, recipe, coalesceKey) {
        const before = get().draft
        const after = recipe(before)
        if (after === before) return
        adopt(after, '', record(get().history, { label, before, after, ...(coalesceKey && { coalesceKey }) }))
      },

      undo() {
        const step = undo(get().history)
        if (step) adopt(step.document, `Undid ${step.label}`, step.history)
      },

      redo() {
        const step = redo(get().history)
        if (step) adopt(step.document, `Redid ${step.label}`, step.history)
      },

      setViewDate(date) {
        set({ viewDate: date })
      },

      flush: () => get().autosave.flush(),

      dispose() {
        get().autosave.dispose()
      },
    }
  })
}
