import { useRef } from 'react'
import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { createBridgeClient, type Transport } from '../../src/renderer/src/bridge/bridge-client'
import { PatientSidebar } from '../../src/renderer/src/features/patients/PatientSidebar'
import { PatientsProvider } from '../../src/renderer/src/features/patients/patients-context'
import { createPatientsStore } from '../../src/renderer/src/features/patients/patients-store'
import '../../src/renderer/src/ui/tokens.css'
import '../../src/renderer/src/ui/base.css'
import '../../src/renderer/src/app/app.css'
import type { BridgeResult } from '../../src/shared/bridge/errors'
import type { PatientSummary } from '../../src/shared/patients/patient'

const summary = (fullName: string, extra: Partial<PatientSummary> = {}): PatientSummary => ({
  id: crypto.randomUUID(),
  fullName,
  dateOfBirth: '1980-06-01',
  hairLossPattern: 'norwood-4',
  keloid: false,
  archivedAt: null,
  updatedAt: '2026-01-01T00:00:00Z',
  ...extra,
})

const PEOPLE = [
  summary('Ana Ruiz', { keloid: true }),
  summary('Bruno Costa'),
  summary('Anabel Soto', { hairLossPattern: null }),
]

/**
 * Answers list calls by filtering a fixed set, each after a delay the test chooses, so
 * answers can arrive out of order as they may when typing fast.
 */
function scriptedTransport(delayFor: (query: string) => number = () => 0) {
  const queries: string[] = []
  const transport: Transport = async (name, input) => {
    if (name !== 'patients.list') throw new Error(`unexpected call ${name}`)
    const { query } = input as { query: string }
    queries.push(query)
    await new Promise((r) => setTimeout(r, delayFor(query)))
    const patients = PEOPLE.filter((p) => p.fullName.toLowerCase().includes(query.toLowerCase()))
    return { ok: true, value: { patients, total: patients.length } } satisfies BridgeResult<unknown>
  }
  return { transport, queries }
}

function Sidebar() {
  const ref = useRef<HTMLInputElement>(null)
  return <PatientSidebar searchRef={ref} />
}

function renderSidebar(transport: Transport) {
  const store = createPatientsStore(createBridgeClient(transport))
  void store.getState().refreshList()
  render(
    <PatientsProvider store={store}>
      <Sidebar />
    </PatientsProvider>,
  )
  return store
}

describe('PatientSidebar', () => {
  it('lists patients with a count and flags keloid tendency', async () => {
    renderSidebar(scriptedTransport().transport)
    await expect.element(page.getByText('3 patients')).toBeVisible()
    const list = page.getByRole('list', { name: 'Patients' })
    await expect.element(list.getByRole('button', { name: /Ana Ruiz/ }).getByText('Keloid')).toBeVisible()
    await expect.element(list.getByRole('button', { name: /Bruno Costa/ }).getByText('Keloid')).not.toBeInTheDocument()
    expect(list.getByRole('listitem').elements()).toHaveLength(3)
  })

  it('searches as the user types and shows only the newest answer', async () => {
    // "a" answers last, after "an" and "ana": a slow stale answer must not replace the newer list.
    const { transport, queries } = scriptedTransport((q) => (q === 'a' ? 300 : 0))
    renderSidebar(transport)
    await expect.element(page.getByText('3 patients')).toBeVisible()

    await userEvent.type(page.getByRole('searchbox', { name: 'Search patients' }), 'ana')
    await expect.element(page.getByText('2 patients found')).toBeVisible()
    expect(queries).toEqual(['', 'a', 'an', 'ana'])
    await new Promise((r) => setTimeout(r, 400))
    await expect.element(page.getByText('2 patients found')).toBeVisible()
    const names = page
      .getByRole('list', { name: 'Patients' })
      .getByRole('button')
      .elements()
      .map((e) => e.textContent)
    expect(names.join('|')).toMatch(/Ana Ruiz.*\|Anabel Soto/)
  })

  it('says so when nothing matches, and when there are no patients yet', async () => {
    renderSidebar(scriptedTransport().transport)
    await userEvent.type(page.getByRole('searchbox', { name: 'Search patients' }), 'zz')
    await expect.element(page.getByText('No patient matches “zz”.')).toBeVisible()
    await expect.element(page.getByText('0 patients found')).toBeVisible()
  })

  it('shows a failed load in place with a retry', async () => {
    let fail = true
    const transport: Transport = async () =>
      fail
        ? { ok: false, error: { code: 'unavailable', message: 'Stipple could not reach its data service.' } }
        : { ok: true, value: { patients: [], total: 0 } }
    renderSidebar(transport)
    await expect.element(page.getByRole('alert').getByText('Stipple could not reach its data service.')).toBeVisible()
    fail = false
    await userEvent.click(page.getByRole('button', { name: 'Retry' }))
    await expect.element(page.getByText('No patients yet. Create the first record.')).toBeVisible()
  })
})
