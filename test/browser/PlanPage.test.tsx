import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { createDispatch, type Handlers } from '../../src/main/bridge/dispatch'
import { ServiceError } from '../../src/main/services/service-error'
import { ActionsProvider } from '../../src/renderer/src/actions/ActionsProvider'
import { createBridgeClient } from '../../src/renderer/src/bridge/bridge-client'
import { BridgeProvider } from '../../src/renderer/src/bridge/bridge-context'
import { PlanPage } from '../../src/renderer/src/features/plan/PlanPage'
import { PlanProvider } from '../../src/renderer/src/features/plan/plan-context'
import { createPlanStore } from '../../src/renderer/src/features/plan/plan-store'
import { planZones } from '../../src/shared/plan/plan-zones'
import '../../src/renderer/src/ui/tokens.css'
import '../../src/renderer/src/ui/base.css'
import '../../src/renderer/src/app/app.css'
import { DESIGN_SCHEMA_VERSION, type Design } from '../../src/shared/design/design-types'
import { EMPTY_MEDICAL_FLAGS, type Patient } from '../../src/shared/patients/patient'
import type { Photo } from '../../src/shared/photos/photo'
import { DEFAULT_PIGMENTS } from '../../src/shared/plan/default-pigments'
import type { PlanDraft, Session, TreatmentPlan } from '../../src/shared/plan/plan-types'
import { CLINICAL_DEFAULTS, type ClinicalSettings } from '../../src/shared/settings/clinical-defaults'
import { designRecord } from '../fixtures/design-record'
import { hairline, landmark, p, zone } from '../fixtures/designs'
import { validFields } from '../fixtures/patients'
import { photoRecord } from '../fixtures/photo-record'
import { session as planSession, share } from '../fixtures/plans'
import { TEN_PX_PER_MM } from './workspace'

const PATIENT_ID = '0b7e2f4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b'
const PHOTO_ID = '6f1c7d0e-8a4b-4c52-9a39-2f0b8d6c1e11'
const DESIGN_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'

const patient = (archived: boolean, keloid = false, over: Partial<Patient> = {}): Patient => ({
  ...validFields({ fullName: 'Marco Bianchi', medical: { ...EMPTY_MEDICAL_FLAGS, keloid } }),
  ...over,
  id: PATIENT_ID,
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-01-05T10:00:00.000Z',
  archivedAt: archived ? '2026-02-01T10:00:00.000Z' : null,
  revision: 1,
})

const photo: Photo = photoRecord({ id: PHOTO_ID, patientId: PATIENT_ID, calibration: TEN_PX_PER_MM })

/** Two zones on a photo at 10 px/mm: Frontal 40 × 20 mm (8 cm²) at 150/cm², Crown 30 × 30 mm (9 cm²) at 140/cm². */
const design: Design = designRecord({
  id: DESIGN_ID,
  patientId: PATIENT_ID,
  photoId: PHOTO_ID,
  revision: 3,
  document: {
    schema: DESIGN_SCHEMA_VERSION,
    objects: [
      zone({
        id: 'frontal',
        name: 'Frontal',
        role: 'frontal',
        density: 150,
        colour: '#d08040',
        points: [p(100, 100), p(500, 100), p(500, 300), p(100, 300)],
      }),
      zone({
        id: 'crown',
        name: 'Crown',
        role: 'crown',
        density: 140,
        colour: '#40a0d0',
        points: [p(600, 400), p(900, 400), p(900, 700), p(600, 700)],
      }),
    ],
  },
})

/** A permanent session on 4 May 2026 treating both zones with 30% of their target. */
const session = (overrides: Partial<Session> = {}): Session =>
  planSession({
    id: 'first-session',
    startsAt: '2026-05-04T09:00',
    practitioner: '',
    pigmentId: 'smp-carbon-medium',
    treatments: [share(DESIGN_ID, 'frontal', 0.3), share(DESIGN_ID, 'crown', 0.3)],
    ...overrides,
  })

/**
 * The real Plan tab over the real bridge dispatch (main's validation of every call) and the real
 * plan store, with the patient's world kept in memory; `saves` is every draft `plans.save` received.
 */
async function renderPlan(
  options: {
    sessions?: Session[]
    archived?: boolean
    keloid?: boolean
    /** The rest of the record: other contraindications, birth date, pattern. */
    record?: Partial<Patient>
    design?: Design
    photo?: Photo
  } = {},
) {
  let plan: TreatmentPlan = {
    patientId: PATIENT_ID,
    technique: 'permanent',
    sessions: options.sessions ?? [],
    revision: options.sessions ? 1 : 0,
    updatedAt: options.sessions ? '2026-04-01T10:00:00.000Z' : null,
  }
  const saves: PlanDraft[] = []
  const settings: ClinicalSettings = structuredClone(CLINICAL_DEFAULTS) as ClinicalSettings
  const dispatch = createDispatch({
    'patients.get': () => patient(options.archived ?? false, options.keloid ?? false, options.record),
    'pigments.list': () => DEFAULT_PIGMENTS.map((pigment) => ({ ...pigment, revision: 1 })),
    'settings.get': () => ({ settings, revision: 0 }),
    'designs.forPatient': () => [options.design ?? design],
    'photos.list': () => [options.photo ?? photo],
    'plans.get': () => plan,
    'plans.save': ({ baseRevision, draft }) => {
      if (baseRevision !== plan.revision) throw new ServiceError('conflict', 'changed elsewhere')
      saves.push(structuredClone(draft))
      plan = { ...plan, ...draft, revision: plan.revision + 1, updatedAt: new Date().toISOString() }
      return plan
    },
  } as Partial<Handlers> as Handlers)
  const bridge = createBridgeClient((name, input) => dispatch(name, input))
  const store = createPlanStore(bridge, PATIENT_ID)
  await store.getState().load()
  const screen = await render(
    <BridgeProvider client={bridge}>
      <ActionsProvider>
        <PlanProvider store={store}>
          <PlanPage archived={options.archived ?? false} />
        </PlanProvider>
      </ActionsProvider>
    </BridgeProvider>,
  )
  return { screen, store, saves }
}

type Screen = Awaited<ReturnType<typeof renderPlan>>['screen']

const card = (screen: Screen, n: number) => screen.getByRole('article', { name: new RegExp(`^Session ${n}\\b`) })

async function applyTemporaryTemplate(screen: Screen) {
  await screen.getByText('Temporary (tricho-pigmentation)', { exact: true }).click()
  await screen.getByRole('button', { name: 'Apply template…' }).first().click()
  const dialog = screen.getByRole('dialog', { name: 'Apply the Temporary (tricho-pigmentation) template' })
  await expect.element(dialog).toBeVisible()
  await dialog.getByLabelText(/^First session starts/).fill('2026-05-04T09:00')
  await dialog.getByLabelText('Practitioner').fill('Dr Lee')
  await dialog.getByRole('button', { name: 'Apply template' }).click()
  await expect.element(dialog).not.toBeInTheDocument()
}

describe('PlanPage', () => {
  it('applies the temporary template: four sessions on the protocol dates, each adding its share', async () => {
    const { screen } = await renderPlan()
    await applyTemporaryTemplate(screen)

    const expected = [
      { step: 'Day 1 – base', when: '4 May 2026, 09:00', adds: '40', reached: '40%' },
      // Day 2 is the next day.
      { step: 'Day 2 – definition', when: '5 May 2026, 09:00', adds: '35', reached: '75%' },
      // The finishing session six weeks after Day 2.
      // The finishing session about six weeks later brings each zone to its healed target.
      { step: 'Finishing', when: '16 Jun 2026, 09:00', adds: '26', reached: '100%' },
      // The yearly touch-up puts back what a year has cleared.
      { step: 'Yearly touch-up', when: '16 Jun 2027, 09:00', adds: '59', reached: '100%' },
    ]
    await expect.element(card(screen, 4)).toBeVisible()
    expect(screen.getByRole('article').elements()).toHaveLength(4)
    for (const [index, row] of expected.entries()) {
      const session = card(screen, index + 1)
      await expect.element(session.getByRole('heading', { name: `Session ${index + 1} · ${row.step}` })).toBeVisible()
      await expect.element(session.getByText(row.when)).toBeVisible()
      const frontal = session.getByRole('spinbutton', { name: `Amount for Frontal in Session ${index + 1}` })
      await expect.element(frontal).toHaveValue(Number(row.adds))
      const frontalRow = session.getByRole('row', { name: /^Frontal/ })
      await expect.element(frontalRow.getByRole('cell', { name: row.reached, exact: true })).toBeVisible()
    }
    // 40% of 150/cm² is 60/cm²; over the 8 cm² drawn, whose soft edge the dots are placed over
    // too (a little more at the corners), about 480 impressions.
    const first = card(screen, 1).getByRole('row', { name: /^Frontal/ })
    await expect.element(first.getByRole('cell', { name: '60/cm²' })).toBeVisible()
    const frontalCm2 = planZones([design], [photo])[0]?.areaCm2 ?? 0
    expect(Math.abs(frontalCm2 - 8)).toBeLessThan(0.1)
    const impressions = String(Math.round(60 * frontalCm2))
    await expect.element(first.getByRole('cell', { name: impressions, exact: true })).toBeVisible()
    await expect.element(card(screen, 1).getByLabelText('Practitioner')).toHaveValue('Dr Lee')

    // The chart draws one line per zone and suggests when each needs a touch-up.
    await expect.element(screen.getByRole('img', { name: /Simulated strength of 2 zones/ })).toBeVisible()
    expect(screen.container.querySelectorAll('.plan-chart__line')).toHaveLength(2)
    const suggestions = screen.getByRole('list', { name: 'Touch-up suggestions' })
    await expect
      .element(suggestions.getByText(/^Frontal: touch-up suggested \d{1,2} \w{3} 20\d\d, strength \d+%$/))
      .toBeVisible()
  })

  it('warns when two sessions come too close, with the reason, and undo puts the date back', async () => {
    const { screen } = await renderPlan()
    await applyTemporaryTemplate(screen)

    const date = card(screen, 2).getByLabelText('Starts')
    await date.fill('2026-05-04T15:00')
    await userEvent.tab()

    const warning = screen
      .getByRole('region', { name: /^Warnings/ })
      .getByRole('listitem')
      .filter({ hasText: 'Sessions closer than the protocol allows' })
    await expect.element(warning).toBeVisible()
    await expect
      .element(
        warning.getByText(
          'Day 2 – definition on 4 May 2026 (day 2) comes 0 days after Day 1 – base on 4 May 2026; for this kind of session the Temporary (tricho-pigmentation) protocol asks for at least 1 day',
          { exact: false },
        ),
      )
      .toBeVisible()
    // The session's card links to the warning.
    await expect
      .element(card(screen, 2).getByRole('link', { name: /Sessions closer than the protocol allows/ }))
      .toBeVisible()

    await screen.getByRole('button', { name: 'Undo Session 2 date' }).click()
    await expect.element(warning).not.toBeInTheDocument()
    // The date and time show as the app writes them: 2026-05-05T09:00.
    await expect.element(card(screen, 2).getByLabelText('Starts')).toHaveValue('5 May 2026')
    await expect.element(card(screen, 2).getByRole('textbox', { name: 'Time' })).toHaveValue('09:00')

    // Redo from the keyboard, with focus outside any text field.
    ;(document.activeElement as HTMLElement | null)?.blur()
    await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}')
    await expect
      .element(card(screen, 2).getByRole('link', { name: /Sessions closer than the protocol allows/ }))
      .toBeVisible()
  })

  it('shows a density the dots cannot hold next to its zone, and does not save it', async () => {
    const { screen, store, saves } = await renderPlan({ sessions: [session()] })
    const first = card(screen, 1)

    // A 1.2 mm three-needle grouping heals to 0.67 mm dots: 300 per cm² would leave them 0.58 mm apart.
    await first.getByLabelText('Diameter (mm)').fill('1.2')
    const amount = first.getByRole('spinbutton', { name: 'Amount for Frontal in Session 1' })
    await amount.fill('200')

    await expect.element(amount).toHaveAttribute('aria-invalid', 'true')
    await expect
      .element(first.getByText(/the dots would be .* apart on average.*they would run together/).first())
      .toBeVisible()
    await expect.element(screen.getByText(/Not saved: 1 problem to fix/)).toBeVisible()
    // Even written at once, a plan with a problem is not saved.
    await store.getState().flush()
    expect(saves).toHaveLength(0)
  })

  it('saves a valid change once, after the autosave delay, with the whole draft', async () => {
    const { screen, store, saves } = await renderPlan({ sessions: [session()] })
    await card(screen, 1).getByLabelText('Practitioner').click()
    await userEvent.keyboard('Dr Lee')
    expect(saves).toHaveLength(0)
    await expect.element(screen.getByText('Unsaved changes')).toBeVisible()

    await expect.poll(() => saves.length).toBe(1)
    await expect.element(screen.getByText('All changes saved')).toBeVisible()
    // Nothing is left to write: a flush now saves nothing more.
    await store.getState().flush()
    expect(saves).toHaveLength(1)
    expect(saves[0]).toEqual({ technique: 'permanent', sessions: [session({ practitioner: 'Dr Lee' })] })
    // Typing the name was one undo step.
    await expect.element(screen.getByRole('button', { name: 'Undo Session 1 practitioner' })).toBeVisible()
  })

  it('adds the next session where the protocol puts it, and a deleted session comes back with undo', async () => {
    const { screen } = await renderPlan({ sessions: [session({ practitioner: 'Dr Lee' })] })
    await screen.getByRole('button', { name: 'Add session' }).click()

    // The permanent protocol's second step: three weeks later, from 30% to 70% of the target.
    const second = card(screen, 2)
    await expect.element(second.getByRole('heading', { name: 'Session 2 · Build-up' })).toBeVisible()
    await expect.element(second.getByText('25 May 2026, 09:00')).toBeVisible()
    await expect.element(second.getByRole('spinbutton', { name: 'Amount for Crown in Session 2' })).toHaveValue(40)
    await expect.element(second.getByLabelText('Practitioner')).toHaveValue('Dr Lee')

    // Delete asks first; the same place then confirms.
    await second.getByRole('button', { name: 'Delete Session 2' }).click()
    await second.getByRole('button', { name: 'Delete Session 2' }).click()
    await expect.element(second).not.toBeInTheDocument()
    ;(document.activeElement as HTMLElement | null)?.blur()
    await userEvent.keyboard('{Control>}z{/Control}')
    await expect.element(card(screen, 2).getByText('25 May 2026, 09:00')).toBeVisible()
  })

  it('asks before deleting a session: the question takes the focus, Escape or Keep keeps it and gives the focus back', async () => {
    const { screen, store } = await renderPlan({ sessions: [session()] })
    const first = card(screen, 1)
    const deleteButton = first.getByRole('button', { name: 'Delete Session 1' })
    const keep = first.getByRole('button', { name: 'Keep' })
    const focused = () => document.activeElement?.textContent

    await deleteButton.click()
    await expect.element(keep).toBeVisible()
    expect(focused()).toBe('Delete Session 1')
    await userEvent.keyboard('{Escape}')
    await expect.element(keep).not.toBeInTheDocument()
    expect(focused()).toBe('Delete…')

    await deleteButton.click()
    await keep.click()
    await expect.element(keep).not.toBeInTheDocument()
    expect(focused()).toBe('Delete…')
    expect(store.getState().draft.sessions).toHaveLength(1)

    await deleteButton.click()
    await deleteButton.click()
    await expect.element(first).not.toBeInTheDocument()
    expect(store.getState().draft.sessions).toHaveLength(0)
    await screen.getByRole('button', { name: 'Undo Delete Session 1' }).click()
    await expect.element(card(screen, 1)).toBeVisible()
  })

  it('keeps a keloid patient’s session from being done until a clearance is recorded, with who, when and why', async () => {
    const { screen, saves } = await renderPlan({ sessions: [session({ startsAt: '2026-01-10T09:00' })], keloid: true })
    const first = card(screen, 1)
    const warning = screen
      .getByRole('region', { name: /^Warnings/ })
      .getByRole('listitem')
      .filter({ hasText: 'Keloid' })
    await expect.element(warning.getByText(/^Source: Seed 002/)).toBeVisible()
    await expect.element(first.getByText(/Not recorded\. Record who cleared Session 1/)).toBeVisible()

    await first.getByLabelText('Status').selectOptions('Done')
    await expect.element(first.getByText(/record who gave medical clearance for this session/)).toBeVisible()

    await first.getByRole('button', { name: 'Record clearance…' }).click()
    await first.getByRole('button', { name: 'Save clearance' }).click()
    await expect.element(first.getByText('Say who gave the clearance.')).toBeVisible()
    await first.getByLabelText(/^Cleared by/).fill('Dr Okafor')
    await first.getByLabelText(/^On/).fill('2026-01-08')
    await first.getByLabelText(/^Why/).fill('No keloid in ten years; test patch healed flat')
    await first.getByRole('button', { name: 'Save clearance' }).click()

    await expect
      .element(first.getByText(/Cleared by Dr Okafor on 8 Jan 2026: No keloid in ten years; test patch healed flat/))
      .toBeVisible()
    await expect.poll(() => saves.length).toBe(1)
    expect(saves[0]?.sessions[0]).toMatchObject({
      status: 'done',
      clearance: { by: 'Dr Okafor', on: '2026-01-08', reason: 'No keloid in ten years; test patch healed flat' },
    })
  })

  it('asks a clearance for an active scalp condition and chemotherapy too, naming both', async () => {
    const { screen, saves } = await renderPlan({
      sessions: [session({ startsAt: '2026-01-10T09:00' })],
      record: { medical: { ...EMPTY_MEDICAL_FLAGS, scalpCondition: true, chemotherapy: true } },
    })
    const first = card(screen, 1)
    const warnings = screen.getByRole('region', { name: /^Warnings/ })
    await expect.element(warnings.getByText(/Active scalp condition: contraindication/)).toBeVisible()
    await expect.element(warnings.getByText(/Chemotherapy: contraindication/)).toBeVisible()
    await expect
      .element(first.getByRole('heading', { name: 'Medical clearance (active scalp condition and chemotherapy)' }))
      .toBeVisible()

    await first.getByLabelText('Status').selectOptions('Done')
    await expect
      .element(first.getByText(/This patient has an active scalp condition and a history of chemotherapy: record who/))
      .toBeVisible()
    await first.getByRole('button', { name: 'Record clearance…' }).click()
    await first.getByLabelText(/^Cleared by/).fill('Dr Okafor')
    await first.getByLabelText(/^On/).fill('2026-01-08')
    await first.getByLabelText(/^Why/).fill('Scalp clear; last chemotherapy in 2023')
    await first.getByRole('button', { name: 'Save clearance' }).click()
    await expect.poll(() => saves.length).toBe(1)
    expect(saves[0]?.sessions[0]).toMatchObject({ status: 'done', clearance: { by: 'Dr Okafor' } })
  })

  it('asks no clearance, and shows none, for a patient without a contraindication', async () => {
    const { screen } = await renderPlan({ sessions: [session()] })
    await expect.element(card(screen, 1).getByText(/Medical clearance/)).not.toBeInTheDocument()
  })

  it('warns of a hairline drawn lower than a mature line for a Norwood 5 patient of 58', async () => {
    // The glabella at (600, 880); a level hairline 6.5 cm above it flat on the 10 px/mm photo,
    // which a tape over the forehead reads as about 7.6 cm: above the clinics' 7 cm, below 8.
    const front: Photo = { ...photo, view: 'front' }
    const lined: Design = {
      ...design,
      document: {
        ...design.document,
        objects: [
          ...design.document.objects,
          landmark({ id: 'glabella', role: 'glabella', name: 'Glabella', points: [p(600, 880)] }),
          hairline({ id: 'hl', mirror: false, points: [p(200, 230), p(600, 230), p(1000, 230)] }),
        ],
      },
    }
    const { screen } = await renderPlan({
      sessions: [session()],
      design: lined,
      photo: front,
      record: { dateOfBirth: '1968-02-01', hairLossPattern: 'norwood-5' },
    })
    const warning = screen
      .getByRole('region', { name: /^Warnings/ })
      .getByRole('listitem')
      .filter({ hasText: 'Hairline too low' })
    await expect
      .element(warning.getByText(/Hairline too low for age 58 and Norwood 5: Hairline on the Front photo$/))
      .toBeVisible()
    await expect.element(warning.getByText(/sits 7\.6 cm above the glabella, measured with a tape/)).toBeVisible()
    await expect.element(warning.getByText(/draw it at 8\.0 cm or more/)).toBeVisible()
    await expect.element(warning.getByText(/^Source: research\.md §5/)).toBeVisible()
    await page.screenshot({ path: '../../test-results/browser/plan-hairline-warning.png' })
  })

  it('says what 100% means on the chart and draws zones with the same course apart', async () => {
    const { screen } = await renderPlan({ sessions: [session()] })
    await expect.element(screen.getByText(/100% is the zone's target density once healed/)).toBeVisible()
    const lines = [...screen.container.querySelectorAll('.plan-chart__line')]
    expect(lines).toHaveLength(2)
    expect(lines[1]?.getAttribute('stroke-dasharray')).toBeTruthy()
    expect(lines[1]?.getAttribute('transform')).toContain('translate')
    await expect.element(screen.getByText(/Crown \(same course as another zone/)).toBeVisible()
  })

  it('is read-only for an archived patient', async () => {
    const { screen } = await renderPlan({ sessions: [session()], archived: true })
    await expect.element(screen.getByText('The plan is read-only. Restore the record to change it.')).toBeVisible()
    await expect.element(screen.getByRole('button', { name: 'Apply template…' })).toBeDisabled()
    await expect.element(card(screen, 1).getByLabelText('Practitioner')).toBeDisabled()
    await expect.element(screen.getByRole('button', { name: 'Delete Session 1' })).toBeDisabled()
  })
})
