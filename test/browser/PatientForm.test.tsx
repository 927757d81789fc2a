import { describe, expect, it, vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { createDispatch, type Handlers } from '../../src/main/bridge/dispatch'
import { createBridgeClient } from '../../src/renderer/src/bridge/bridge-client'
import { PatientForm } from '../../src/renderer/src/features/patients/PatientForm'
import '../../src/renderer/src/ui/tokens.css'
import '../../src/renderer/src/ui/base.css'
import '../../src/renderer/src/app/app.css'
import { EMPTY_PATIENT_FIELDS, type PatientFields } from '../../src/shared/patients/patient'
import { validFields } from '../fixtures/patients'

/**
 * The form submits through the real bridge dispatch (main's validation and messages); only
 * the store behind it is replaced by a recorder, since this layer runs without SQLite.
 */
function renderForm(initial: PatientFields = EMPTY_PATIENT_FIELDS) {
  const saved: PatientFields[] = []
  const dispatch = createDispatch({
    'patients.create': ({ fields }) => {
      saved.push(fields)
      return { ...fields, id: 'x', createdAt: '', updatedAt: '', archivedAt: null, revision: 1 }
    },
  } as Partial<Handlers> as Handlers)
  const bridge = createBridgeClient((name, input) => dispatch(name, input))
  const onCancel = vi.fn()
  const screen = render(
    <PatientForm
      title="New patient"
      submitLabel="Create patient"
      initial={initial}
      onSubmit={(fields) => bridge.call('patients.create', { fields })}
      onCancel={onCancel}
    />,
  )
  return { screen, saved, onCancel }
}

describe('PatientForm', () => {
  it('sends every field the practitioner fills in, typed as main expects', async () => {
    const { saved } = renderForm()
    await userEvent.fill(page.getByRole('textbox', { name: 'Full name' }), '  Marco Bianchi ')
    await userEvent.fill(page.getByRole('textbox', { name: 'Date of birth' }), '1979-11-02')
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Sex' }), 'Male')
    await userEvent.fill(page.getByRole('textbox', { name: 'Phone' }), '+39 06 1234 5678')
    await userEvent.fill(page.getByRole('textbox', { name: 'Email' }), 'marco@example.com')
    await userEvent.selectOptions(
      page.getByRole('combobox', { name: 'Fitzpatrick skin type' }),
      'IV: burns minimally, always tans',
    )
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Natural hair colour' }), 'Black')
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Hair-loss pattern' }), 'Norwood 5A')
    await userEvent.click(page.getByRole('checkbox', { name: 'Shaved look' }))
    await userEvent.click(page.getByRole('checkbox', { name: 'Scar camouflage' }))
    await userEvent.click(page.getByRole('checkbox', { name: 'Chemotherapy' }))
    await userEvent.fill(page.getByRole('textbox', { name: 'Other medical notes' }), 'Finished chemo 2023')
    await userEvent.fill(page.getByRole('textbox', { name: 'Notes', exact: true }), 'FUT scar, 14 cm')
    await userEvent.click(page.getByRole('button', { name: 'Create patient' }))

    await expect.poll(() => saved.length).toBe(1)
    expect(saved[0]).toEqual({
      fullName: 'Marco Bianchi',
      dateOfBirth: '1979-11-02',
      sex: 'male',
      phone: '+39 06 1234 5678',
      email: 'marco@example.com',
      fitzpatrick: 4,
      hairColour: 'black',
      hairLossPattern: 'norwood-5a',
      goals: ['shaved-look', 'scar-camouflage'],
      medical: {
        keloid: false,
        alopeciaAreata: false,
        chemotherapy: true,
        hormonal: false,
        scalpCondition: false,
        pregnancy: false,
        bloodThinners: false,
        other: 'Finished chemo 2023',
      },
      transplantDate: null,
      notes: 'FUT scar, 14 cm',
    })
  })

  it("shows main's messages next to the fields, focuses the first, and saves nothing", async () => {
    const { saved } = renderForm()
    await userEvent.fill(page.getByRole('textbox', { name: 'Date of birth' }), '2999-01-01')
    await userEvent.fill(page.getByRole('textbox', { name: 'Email' }), 'not-an-email')
    await userEvent.click(page.getByRole('button', { name: 'Create patient' }))

    const name = page.getByRole('textbox', { name: 'Full name' })
    await expect.element(name).toHaveAccessibleDescription("Enter the patient's full name")
    await expect.element(name).toHaveAttribute('aria-invalid', 'true')
    await expect.element(name).toHaveFocus()
    await expect
      .element(page.getByRole('textbox', { name: 'Date of birth' }))
      .toHaveAccessibleDescription('Date of birth cannot be in the future')
    await expect
      .element(page.getByRole('textbox', { name: 'Email' }))
      .toHaveAccessibleDescription('Enter an email address like name@example.com')
    await expect.element(page.getByRole('alert').filter({ hasText: 'Not saved' })).toBeVisible()
    await expect.element(page.getByRole('textbox', { name: 'Phone' })).toHaveAttribute('aria-invalid', 'false')
    expect(saved).toEqual([])
  })

  it('warns loudly as soon as keloid tendency is ticked', async () => {
    renderForm(validFields())
    await expect.element(page.getByText('Keloid tendency: contraindication')).not.toBeInTheDocument()
    await userEvent.click(page.getByRole('checkbox', { name: 'Keloid tendency' }))
    await expect.element(page.getByRole('alert').filter({ hasText: 'Keloid tendency: contraindication' })).toBeVisible()
  })

  it('starts from the record being edited and cancels without saving', async () => {
    const { saved, onCancel } = renderForm(validFields({ fullName: 'Chen Wei', hairLossPattern: 'norwood-3v' }))
    await expect.element(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Chen Wei')
    await expect
      .element(page.getByRole('combobox', { name: 'Hair-loss pattern' }))
      .toHaveDisplayValue('Norwood 3 Vertex')
    await userEvent.click(page.getByRole('button', { name: 'Cancel' }))
    expect(onCancel).toHaveBeenCalledOnce()
    expect(saved).toEqual([])
  })
})
