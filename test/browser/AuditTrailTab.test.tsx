import { describe, expect, it } from 'vitest'
import { render } from 'vitest-browser-react'
import { createDispatch, type Handlers } from '../../src/main/bridge/dispatch'
import { createBridgeClient } from '../../src/renderer/src/bridge/bridge-client'
import { BridgeProvider } from '../../src/renderer/src/bridge/bridge-context'
import { AuditTrailTab } from '../../src/renderer/src/features/audit/AuditTrailTab'
import '../../src/renderer/src/ui/tokens.css'
import '../../src/renderer/src/ui/base.css'
import '../../src/renderer/src/app/app.css'
import type { AuditEntity, AuditEntry, AuditEvent, ChainReport } from '../../src/shared/audit/audit-types'
import { describeChainProblem } from '../../src/shared/audit/chain-words'

const PATIENT_ID = '0b7e2f4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b'
const PHOTO = { name: 'front.jpg', view: 'front' as const, takenAt: '2026-03-02T09:41:00' }

/** Entries numbered in the order given, all this patient's; noon UTC keeps each on its day in any time zone. */
function trail(events: { at: string; event: AuditEvent }[]): AuditEntry[] {
  return events.map(({ at, event }, i) => ({ ...event, seq: i + 1, at, patientId: PATIENT_ID, entityId: PATIENT_ID }))
}

const TRAIL = trail([
  {
    at: '2026-03-02T11:00:00.000Z',
    event: {
      entity: 'patient',
      action: 'created',
      detail: { changes: [{ field: 'fullName', before: '', after: 'Marco Bianchi' }] },
    },
  },
  { at: '2026-03-02T11:05:00.000Z', event: { entity: 'photo', action: 'imported', detail: { photo: PHOTO } } },
  {
    at: '2026-03-03T12:00:00.000Z',
    event: {
      entity: 'patient',
      action: 'updated',
      detail: {
        changes: [
          { field: 'phone', before: '', after: '+39 06 1234 5678' },
          { field: 'dateOfBirth', before: null, after: '1979-11-02' },
          { field: 'medical.keloid', before: false, after: true },
        ],
      },
    },
  },
  {
    at: '2026-03-03T12:10:00.000Z',
    event: {
      entity: 'design',
      action: 'changed',
      detail: {
        photo: PHOTO,
        added: [{ id: 's1', kind: 'scar', name: 'FUT strip' }],
        removed: [],
        changed: [
          {
            id: 'z1',
            kind: 'zone',
            name: 'Crown fill',
            changes: [
              { field: 'density', before: 140, after: 120 },
              { field: 'points', before: 4, after: 4 },
            ],
          },
        ],
        reordered: false,
      },
    },
  },
  {
    at: '2026-03-03T12:20:00.000Z',
    event: {
      entity: 'plan',
      action: 'saved',
      detail: {
        technique: null,
        added: [],
        removed: [],
        changed: [
          {
            id: 'second',
            startsAt: '2026-04-15T13:30',
            changes: [{ field: 'status', before: 'planned', after: 'done' }],
            treatments: [
              { zone: 'Frontal', before: { unit: 'share', value: 0.4 }, after: { unit: 'share', value: 0.5 } },
            ],
          },
        ],
      },
    },
  },
])

/** The real tab over the real bridge dispatch (main's validation of every call), the trail in memory. */
async function renderAuditTrail(options: { entries?: AuditEntry[]; report?: ChainReport } = {}) {
  const entries = options.entries ?? TRAIL
  const queries: { entity: AuditEntity | null; before: number | null }[] = []
  const dispatch = createDispatch({
    'audit.forPatient': ({ entity, before, limit }) => {
      queries.push({ entity, before })
      const matching = entries.filter((e) => entity === null || e.entity === entity).sort((a, b) => b.seq - a.seq)
      const older = matching.filter((e) => before === null || e.seq < before)
      const page = older.slice(0, limit)
      return {
        entries: page,
        total: matching.length,
        nextBefore: older.length > limit ? (page.at(-1)?.seq ?? null) : null,
      }
    },
    'audit.verify': () => options.report ?? { intact: true, checked: entries.length + 2 },
  } as Partial<Handlers> as Handlers)
  const bridge = createBridgeClient((name, input) => dispatch(name, input))
  const screen = await render(
    <BridgeProvider client={bridge}>
      <AuditTrailTab patientId={PATIENT_ID} />
    </BridgeProvider>,
  )
  return { screen, queries }
}

describe('AuditTrailTab', () => {
  it('shows the chain intact and every change by day, newest first, with values before → after', async () => {
    const { screen } = await renderAuditTrail()
    await expect.element(screen.getByTestId('audit-status')).toMatchTextContent(/^✓ History intact, 7 entries checked/)
    const days = [...screen.container.querySelectorAll('.audit-day')].map((day) => day.getAttribute('aria-label'))
    expect(days).toEqual(['3 Mar 2026', '2 Mar 2026'])

    const edited = screen.getByRole('listitem', { name: 'Record edited' })
    await expect
      .element(edited.getByRole('listitem').nth(0))
      .toMatchTextContent(/^Phone: Not recorded →\s*changed to\s*\+39 06 1234 5678$/)
    await expect.element(edited.getByRole('deletion').nth(1)).toHaveTextContent('Not recorded')
    await expect.element(edited.getByRole('insertion').nth(1)).toHaveTextContent('2 Nov 1979')
    await expect.element(edited.getByText('Keloid tendency:')).toBeVisible()
    await expect.element(edited.getByRole('insertion').nth(2)).toHaveTextContent('Yes')

    const design = screen.getByRole('listitem', { name: 'Design changed' })
    await expect.element(design.getByText(/^On front\.jpg \(Front, taken 2 Mar 2026, 09:41\)$/)).toBeVisible()
    await expect.element(design.getByText('Scar “FUT strip”')).toBeVisible()
    await expect.element(design.getByText('Density zone “Crown fill”')).toBeVisible()
    await expect.element(design.getByRole('deletion')).toHaveTextContent('140/cm²')
    await expect.element(design.getByRole('insertion')).toHaveTextContent('120/cm²')
    await expect.element(design.getByText('Moved or reshaped')).toBeVisible()

    const plan = screen.getByRole('listitem', { name: 'Treatment plan changed' })
    await expect.element(plan.getByText('Session changed: 15 Apr 2026, 13:30')).toBeVisible()
    await expect.element(plan.getByRole('insertion').nth(0)).toHaveTextContent('Done')
    await expect.element(plan.getByRole('deletion').nth(1)).toHaveTextContent('40% of target')
    await expect.element(plan.getByRole('insertion').nth(1)).toHaveTextContent('50% of target')

    const titles = screen
      .getByRole('listitem')
      .elements()
      .filter((li) => li.classList.contains('audit-entry'))
      .map((li) => li.getAttribute('aria-label'))
    expect(titles).toEqual([
      'Treatment plan changed',
      'Design changed',
      'Record edited',
      'Photo imported',
      'Record created',
    ])
  })

  it('shows one kind of change when asked', async () => {
    const { screen, queries } = await renderAuditTrail()
    await expect.element(screen.getByRole('listitem', { name: 'Record created' })).toBeVisible()
    await screen.getByRole('combobox', { name: 'Show' }).selectOptions('Record')
    await expect.element(screen.getByRole('listitem', { name: 'Photo imported' })).not.toBeInTheDocument()
    await expect.element(screen.getByRole('listitem', { name: 'Record edited' })).toBeVisible()
    await expect.element(screen.getByRole('listitem', { name: 'Record created' })).toBeVisible()
    expect(queries.at(-1)).toEqual({ entity: 'patient', before: null })

    await screen.getByRole('combobox', { name: 'Show' }).selectOptions('Review comments')
    await expect.element(screen.getByText('No changes of this kind recorded.')).toBeVisible()
  })

  it('loads older changes a page at a time', async () => {
    const many = trail(
      Array.from({ length: 60 }, (_, i) => ({
        at: new Date(Date.UTC(2026, 2, 3, 12, i)).toISOString(),
        event: {
          entity: 'patient',
          action: 'updated',
          detail: { changes: [{ field: 'notes', before: `note ${i}`, after: `note ${i + 1}` }] },
        },
      })),
    )
    const { screen } = await renderAuditTrail({ entries: many })
    const more = screen.getByRole('button', { name: 'Show older changes (10 more)' })
    await expect.element(more).toBeVisible()
    expect(screen.getByRole('listitem', { name: 'Record edited' }).elements()).toHaveLength(50)
    await more.click()
    await expect.element(screen.getByText('note 0', { exact: true })).toBeVisible()
    expect(screen.getByRole('listitem', { name: 'Record edited' }).elements()).toHaveLength(60)
    await expect.element(screen.getByRole('button', { name: /Show older changes/ })).not.toBeInTheDocument()
  })

  it('warns loudly when the chain is broken, naming the entry and marking it in the list', async () => {
    const facts = {
      kind: 'altered' as const,
      seq: 3,
      at: '2026-03-03T12:00:00.000Z',
      patientId: PATIENT_ID,
      missing: 0,
    }
    const { screen } = await renderAuditTrail({
      report: { intact: false, checked: 2, problem: { ...facts, message: describeChainProblem(facts) } },
    })
    const alert = screen.getByRole('alert')
    await expect.element(alert).toMatchTextContent(/^The history has been tampered with/)
    await expect
      .element(alert)
      .toMatchTextContent(
        /Entry 3 \(3 Mar 2026, \d\d:00\) has been changed since Stipple wrote it.*this patient’s history/,
      )
    await expect
      .element(screen.getByRole('listitem', { name: 'Record edited' }).getByText('Not as Stipple wrote it'))
      .toBeVisible()
    await expect.element(screen.getByText(/History intact/)).not.toBeInTheDocument()
  })
})
