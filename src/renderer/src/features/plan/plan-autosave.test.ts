import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { validFields } from '../../../../../test/fixtures/patients'
import { session } from '../../../../../test/fixtures/plans'
import type { BridgeResult } from '../../../../shared/bridge/errors'
import { EMPTY_MEDICAL_FLAGS, type Patient } from '../../../../shared/patients/patient'
import { DEFAULT_PIGMENTS } from '../../../../shared/plan/default-pigments'
import type { PlanDraft, TreatmentPlan } from '../../../../shared/plan/plan-types'
import { CLINICAL_DEFAULTS } from '../../../../shared/settings/clinical-defaults'
import { createBridgeClient } from '../../bridge/bridge-client'
import { createPlanStore, type PlanStore } from './plan-store'

const PATIENT_ID = '0b7e2f4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b'

const patient: Patient = {
  ...validFields({ fullName: 'Marco Bianchi', medical: { ...EMPTY_MEDICAL_FLAGS } }),
  id: PATIENT_ID,
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-01-05T10:00:00.000Z',
  archivedAt: null,
  revision: 1,
}

type SaveAnswer = 'store' | 'conflict' | 'offline' | 'refuse duration'

/**
 * The plan store over a stand-in for main: `plans.save` answers as `answer` says (stores the
 * draft, a conflict, an unreachable service, or main's field error on the first session's duration).
 */
function planOver(stored: PlanDraft = { technique: 'permanent', sessions: [session({ id: 'a' })] }) {
  let plan: TreatmentPlan = { patientId: PATIENT_ID, ...stored, revision: 2, updatedAt: '2026-04-01T10:00:00.000Z' }
  const saves: { draft: PlanDraft; baseRevision: number }[] = []
  let answer: SaveAnswer = 'store'
  const values: Record<string, () => unknown> = {
    'patients.get': () => patient,
    'pigments.list': () => DEFAULT_PIGMENTS.map((pigment) => ({ ...pigment, revision: 1 })),
    'settings.get': () => ({ settings: CLINICAL_DEFAULTS, revision: 0 }),
    'designs.forPatient': () => [],
    'photos.list': () => [],
    'plans.get': () => plan,
  }
  const bridge = createBridgeClient(async (name, input): Promise<BridgeResult<unknown>> => {
    if (name !== 'plans.save') return { ok: true, value: values[name]?.() }
    if (answer === 'offline') throw new TypeError('Failed to fetch')
    if (answer === 'conflict')
      return { ok: false, error: { code: 'conflict', message: 'This plan was changed in another window.' } }
    if (answer === 'refuse duration')
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'The plan has a problem.',
          fieldErrors: { 'draft.sessions.0.durationMin': 'The duration is between 15 and 960 minutes' },
        },
      }
    const { draft, baseRevision } = input as { draft: PlanDraft; baseRevision: number }
    saves.push({ draft, baseRevision })
    plan = { ...plan, ...draft, revision: plan.revision + 1, updatedAt: '2026-04-02T10:00:00.000Z' }
    return { ok: true, value: plan }
  })
  const store = createPlanStore(bridge, PATIENT_ID, 500)
  opened.push(store)
  return {
    store,
    saves,
    answer: (next: SaveAnswer) => {
      answer = next
    },
    /** Someone else saves the plan meanwhile. */
    storeElsewhere: (draft: PlanDraft) => {
      plan = { ...plan, ...draft, revision: plan.revision + 1 }
    },
  }
}

const opened: PlanStore[] = []
const status = (store: PlanStore) => store.getState().autosave.store.getState().status
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms)
const rename = (store: PlanStore, practitioner: string) =>
  store.getState().change('Session 1 practitioner', (d) => ({
    ...d,
    sessions: d.sessions.map((s, i) => (i === 0 ? { ...s, practitioner } : s)),
  }))

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  for (const store of opened.splice(0)) store.getState().dispose()
  vi.useRealTimers()
})

describe('the plan’s autosave', () => {
  it('saves a valid change once, after the delay, on the revision it was loaded at', async () => {
    const { store, saves } = planOver()
    await store.getState().load()
    expect(status(store)).toEqual({ state: 'saved', at: '2026-04-01T10:00:00.000Z' })
    rename(store, 'Dr Lee')
    expect(status(store).state).toBe('unsaved')
    await wait(499)
    expect(saves).toHaveLength(0)
    await wait(1)
    expect(saves).toHaveLength(1)
    expect(saves[0]?.baseRevision).toBe(2)
    expect(saves[0]?.draft.sessions[0]?.practitioner).toBe('Dr Lee')
    expect(status(store)).toEqual({ state: 'saved', at: '2026-04-02T10:00:00.000Z' })
    await wait(5000)
    expect(saves).toHaveLength(1)
  })

  it('does not save a plan with problems, says how many, and saves it once they are fixed', async () => {
    const { store, saves } = planOver()
    await store.getState().load()
    // Done on a day still to come: a problem the plan's own rules find.
    store.getState().change('Session 1 status', (d) => ({
      ...d,
      sessions: d.sessions.map((s) => ({ ...s, startsAt: '2099-05-04T09:00', status: 'done' as const })),
    }))
    expect(status(store)).toEqual({ state: 'invalid', count: 1 })
    await wait(2000)
    await store.getState().flush()
    expect(saves).toHaveLength(0)

    store.getState().undo()
    expect(status(store).state).toBe('saved')
    rename(store, 'Dr Lee')
    await wait(500)
    expect(saves).toHaveLength(1)
  })

  it('offline: says the data service could not be reached, keeps the change, and saves it with "Try again"', async () => {
    const { store, saves, answer } = planOver()
    await store.getState().load()
    answer('offline')
    rename(store, 'Dr Lee')
    await wait(500)
    expect(status(store)).toEqual({
      state: 'error',
      message: 'Stipple could not reach its data service. Try again.',
      conflict: false,
    })
    await wait(5000)
    expect(saves).toHaveLength(0)

    answer('store')
    await store.getState().flush()
    expect(saves).toHaveLength(1)
    expect(saves[0]?.draft.sessions[0]?.practitioner).toBe('Dr Lee')
    expect(status(store).state).toBe('saved')
  })

  it('offline: the next change tries again by itself', async () => {
    const { store, saves, answer } = planOver()
    await store.getState().load()
    answer('offline')
    rename(store, 'Dr L')
    await wait(500)
    expect(status(store).state).toBe('error')
    answer('store')
    rename(store, 'Dr Lee')
    expect(status(store).state).toBe('unsaved')
    await wait(500)
    expect(saves.map((s) => s.draft.sessions[0]?.practitioner)).toEqual(['Dr Lee'])
    expect(saves[0]?.baseRevision).toBe(2)
  })

  it('conflict: stops saving and keeps saying so until the plan is reopened, then saves on the new revision', async () => {
    const { store, saves, answer, storeElsewhere } = planOver()
    await store.getState().load()
    answer('conflict')
    rename(store, 'Dr Lee')
    await wait(500)
    const conflict = { state: 'error', message: 'This plan was changed in another window.', conflict: true }
    expect(status(store)).toEqual(conflict)

    answer('store')
    rename(store, 'Dr Lee-Wong')
    await wait(5000)
    await store.getState().flush()
    expect(saves).toHaveLength(0)
    expect(status(store)).toEqual(conflict)

    storeElsewhere({ technique: 'temporary', sessions: [session({ id: 'a', practitioner: 'Dr Park' })] })
    await store.getState().load()
    expect(store.getState().draft.sessions[0]?.practitioner).toBe('Dr Park')
    expect(store.getState().history.past).toHaveLength(0)
    expect(status(store)).toEqual({ state: 'saved', at: '2026-04-01T10:00:00.000Z' })
    rename(store, 'Dr Lee')
    await wait(500)
    expect(saves).toHaveLength(1)
    expect(saves[0]?.baseRevision).toBe(3)
  })

  it('shows main’s field errors from a refused save beside the field they are about', async () => {
    const { store, answer } = planOver()
    await store.getState().load()
    answer('refuse duration')
    rename(store, 'Dr Lee')
    await wait(500)
    expect(status(store)).toEqual({ state: 'error', message: 'The plan has a problem.', conflict: false })
    expect(store.getState().problems).toEqual({
      'sessions.a.durationMin': 'The duration is between 15 and 960 minutes',
    })
  })

  it('reads saved again when undo returns to the stored plan', async () => {
    const { store, saves } = planOver()
    await store.getState().load()
    rename(store, 'Dr Lee')
    expect(status(store).state).toBe('unsaved')
    store.getState().undo()
    expect(status(store).state).toBe('saved')
    expect(store.getState().notice).toBe('Undid Session 1 practitioner')
    await wait(2000)
    expect(saves).toHaveLength(0)
  })
})
