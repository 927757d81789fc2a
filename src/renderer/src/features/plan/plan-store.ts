import { createStore, type StoreApi } from 'zustand/vanilla'
import { localDateOf, localDateTime } from '../../../../shared/dates'
import type { Design } from '../../../../shared/design/design-types'
import type { Patient, PatientId } from '../../../../shared/patients/patient'
import type { Photo } from '../../../../shared/photos/photo'
import { planHairlines } from '../../../../shared/plan/plan-hairlines'
import type { PlanContext } from '../../../../shared/plan/plan-problems'
import { planProblems, sessionField } from '../../../../shared/plan/plan-problems'
import type { Pigment, PlanDraft, TreatmentPlan } from '../../../../shared/plan/plan-types'
import { type PlanWarning, planWarnings } from '../../../../shared/plan/plan-warnings'
import { type PlanZone, planZones } from '../../../../shared/plan/plan-zones'
import { type TouchUpSuggestion, touchUpSuggestions } from '../../../../shared/plan/timeline'
import type { ClinicalSettings } from '../../../../shared/settings/clinical-defaults'
import { BridgeCallError, type BridgeClient, errorMessage } from '../../bridge/bridge-client'
import { AUTOSAVE_DELAY_MS, type SaveStatus } from '../../editor/autosave'
import { emptyHistory, type History, record, redo, undo } from '../../editor/history'

/** Everything the plan is checked against, loaded with it. */
export interface PlanWorld {
  patient: Patient
  pigments: Pigment[]
  settings: ClinicalSettings
  designs: Design[]
  photos: Photo[]
  zones: PlanZone[]
}

export type PlanSaveStatus = SaveStatus | { state: 'invalid'; count: number }

export interface PlanState {
  status: 'loading' | 'ready' | 'error'
  message: string
  world: PlanWorld | null
  /** The plan as the artist is editing it; saved once it has no problems. */
  draft: PlanDraft
  revision: number
  history: History<PlanDraft>
  /** Field path → the reason a save would be refused, shown beside the field. */
  problems: Record<string, string>
  warnings: PlanWarning[]
  /** Per treated zone, the day it is expected to fade below the touch-up line. */
  touchUps: TouchUpSuggestion[]
  save: PlanSaveStatus
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

function planContext(world: PlanWorld, now = new Date()): PlanContext {
  return {
    now: localDateTime(now),
    recordCreated: localDateOf(world.patient.createdAt),
    patient: world.patient,
    pigments: world.pigments,
    zones: world.zones,
    hairlines: planHairlines(world.designs, world.photos, world.settings),
    settings: world.settings,
  }
}

const toDraft = (plan: TreatmentPlan): PlanDraft => ({ technique: plan.technique, sessions: plan.sessions })

/**
 * Main's schema names a session by its place in the saved list (`draft.sessions.2.durationMin`),
 * the form by its id; translated, the message shows beside the field it is about.
 */
export function byField(fieldErrors: Record<string, string>, draft: PlanDraft): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([path, message]) => {
      const match = /^draft\.sessions\.(\d+)\.(.+)$/.exec(path)
      const session = match && draft.sessions[Number(match[1])]
      return [session && match ? sessionField(session.id, match[2] as string) : path, message]
    }),
  )
}

/**
 * A patient's treatment plan as an editable document: every change is an undo step, is checked
 * with the same rules main applies, and is saved half a second later when it has no problems;
 * a plan with problems stays unsaved (the stored plan is untouched) until they are fixed.
 */
export function createPlanStore(bridge: BridgeClient, patientId: PatientId, delay = AUTOSAVE_DELAY_MS): PlanStore {
  let stored: PlanDraft = EMPTY_DRAFT
  let timer: ReturnType<typeof setTimeout> | null = null
  let running: Promise<void> | null = null
  /** Refreshes can overlap (a tab opening while a photo closes); only the newest may land. */
  let refreshes = 0

  const loadWorld = async (): Promise<Omit<PlanWorld, 'zones'>> => {
    const [patient, pigments, settings, designs, photos] = await Promise.all([
      bridge.call('patients.get', { id: patientId }),
      bridge.call('pigments.list', { includeRetired: true }),
      bridge.call('settings.get', {}),
      bridge.call('designs.forPatient', { patientId }),
      bridge.call('photos.list', { patientId }),
    ])
    return { patient, pigments, settings: settings.settings, designs, photos }
  }

  const store = createStore<PlanState>((set, get) => {
    const checked = (draft: PlanDraft, world: PlanWorld | null) => {
      if (!world) return { problems: {}, warnings: [], touchUps: [] }
      const context = planContext(world)
      return {
        problems: planProblems(draft, context),
        warnings: planWarnings(draft, context),
        touchUps: touchUpSuggestions(draft, world.zones, world.pigments, world.settings),
      }
    }

    const writeOnce = async () => {
      const { draft, revision, problems } = get()
      if (draft === stored) {
        set({ save: { state: 'saved', at: null } })
        return
      }
      const count = Object.keys(problems).length
      if (count > 0) {
        set({ save: { state: 'invalid', count } })
        return
      }
      set({ save: { state: 'saving' } })
      try {
        const saved = await bridge.call('plans.save', { patientId, baseRevision: revision, draft })
        stored = draft
        set({
          revision: saved.revision,
          save: get().draft === stored ? { state: 'saved', at: saved.updatedAt } : { state: 'unsaved' },
        })
      } catch (error) {
        const conflict = error instanceof BridgeCallError && error.code === 'conflict'
        const fieldErrors = error instanceof BridgeCallError ? byField(error.fieldErrors, draft) : {}
        set({
          save: { state: 'error', message: errorMessage(error), conflict },
          problems: { ...get().problems, ...fieldErrors },
        })
      }
    }

    const flush = async () => {
      if (timer) clearTimeout(timer)
      timer = null
      if (running) await running
      const status = get().save
      if (status.state === 'error' && status.conflict) return
      running = writeOnce().finally(() => {
        running = null
      })
      await running
      if (get().draft !== stored && get().save.state === 'unsaved') schedule()
    }

    function schedule() {
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => void flush(), delay)
    }

    const adopt = (draft: PlanDraft, notice: string) => {
      const { world } = get()
      const status = get().save
      const conflicted = status.state === 'error' && status.conflict
      set({ draft, notice, ...checked(draft, world) })
      if (conflicted) return
      if (draft === stored) set({ save: { state: 'saved', at: null } })
      else {
        const count = Object.keys(get().problems).length
        set({ save: count > 0 ? { state: 'invalid', count } : { state: 'unsaved' } })
        if (count === 0) schedule()
      }
    }

    return {
      status: 'loading',
      message: '',
      world: null,
      draft: EMPTY_DRAFT,
      revision: 0,
      history: emptyHistory<PlanDraft>(),
      problems: {},
      warnings: [],
      touchUps: [],
      save: { state: 'saved', at: null },
      viewDate: null,
      notice: '',

      async load() {
        set({ status: 'loading', message: '' })
        try {
          const [plan, rest] = await Promise.all([bridge.call('plans.get', { patientId }), loadWorld()])
          const world: PlanWorld = { ...rest, zones: planZones(rest.designs, rest.photos) }
          stored = toDraft(plan)
          set({
            status: 'ready',
            world,
            draft: stored,
            revision: plan.revision,
            history: emptyHistory<PlanDraft>(),
            save: { state: 'saved', at: plan.updatedAt },
            ...checked(stored, world),
          })
        } catch (error) {
          set({ status: 'error', message: errorMessage(error) })
        }
      },

      async refreshWorld() {
        if (get().status !== 'ready') return
        const ticket = ++refreshes
        try {
          const rest = await loadWorld()
          if (ticket !== refreshes) return
          const world: PlanWorld = { ...rest, zones: planZones(rest.designs, rest.photos) }
          set({ world, ...checked(get().draft, world) })
        } catch {
          // The plan stays checked against what was loaded; the next refresh tries again.
        }
      },

      change(label, recipe, coalesceKey) {
        const before = get().draft
        const after = recipe(before)
        if (after === before) return
        set({ history: record(get().history, { label, before, after, ...(coalesceKey && { coalesceKey }) }) })
        adopt(after, '')
      },

      undo() {
        const step = undo(get().history)
        if (!step) return
        set({ history: step.history })
        adopt(step.document, `Undid ${step.label}`)
      },

      redo() {
        const step = redo(get().history)
        if (!step) return
        set({ history: step.history })
        adopt(step.document, `Redid ${step.label}`)
      },

      setViewDate(date) {
        set({ viewDate: date })
      },

      flush,

      dispose() {
        if (timer) clearTimeout(timer)
      },
    }
  })
  return store
}
