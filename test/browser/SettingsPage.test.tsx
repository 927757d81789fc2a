import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { createDispatch, type Handlers } from '../../src/main/bridge/dispatch'
import { ServiceError } from '../../src/main/services/service-error'
import { createBridgeClient } from '../../src/renderer/src/bridge/bridge-client'
import { BridgeProvider } from '../../src/renderer/src/bridge/bridge-context'
import { createClinicDetailsStore } from '../../src/renderer/src/features/settings/clinic-details-store'
import { createClinicalSettingsStore } from '../../src/renderer/src/features/settings/clinical-settings-store'
import { createPigmentCatalogueStore } from '../../src/renderer/src/features/settings/pigment-catalogue-store'
import { SettingsPage } from '../../src/renderer/src/features/settings/SettingsPage'
import '../../src/renderer/src/ui/tokens.css'
import '../../src/renderer/src/ui/base.css'
import '../../src/renderer/src/app/app.css'
import { DEFAULT_BACKUP_POLICY } from '../../src/shared/backups/backup-types'
import type { PigmentInput, SavedPigment, SavedSettings } from '../../src/shared/bridge/contract'
import { CLINIC_DEFAULTS, type ClinicDetails, type SavedClinic } from '../../src/shared/clinic/clinic-details'
import { CARBON_MEDIUM_GREY, DEFAULT_PIGMENTS, PERMANENT_FADE } from '../../src/shared/plan/default-pigments'
import { CLINICAL_DEFAULTS, type ClinicalSettings } from '../../src/shared/settings/clinical-defaults'

const defaults = (): ClinicalSettings => structuredClone(CLINICAL_DEFAULTS) as ClinicalSettings

/**
 * The Settings screen over the real bridge dispatch (main's validation and its messages), with
 * the settings record and the catalogue kept in memory since this layer runs without SQLite.
 * `usedPigments` are named by sessions, so main refuses to delete them.
 */
function renderSettings(options: { saved?: SavedSettings; usedPigments?: Record<string, number> } = {}) {
  let saved: SavedSettings = options.saved ?? { settings: defaults(), revision: 0 }
  let pigments: SavedPigment[] = DEFAULT_PIGMENTS.map((p) => ({ ...structuredClone(p), revision: 1 }))
  let clinic: SavedClinic = { details: structuredClone(CLINIC_DEFAULTS), revision: 0 }
  const settingsSaves: ClinicalSettings[] = []
  const pigmentSaves: PigmentInput[] = []
  const clinicSaves: ClinicDetails[] = []
  let resets = 0
  const dispatch = createDispatch({
    // The Your data tab also lists the backups and names the data folder.
    'app.info': () => ({ version: '0.1.0', shell: 'web', dataDir: '/data' }),
    'backups.list': () => [],
    'backups.policy.get': () => DEFAULT_BACKUP_POLICY,
    'settings.get': () => saved,
    'settings.save': ({ baseRevision, settings }) => {
      if (baseRevision !== saved.revision) throw new ServiceError('conflict', 'changed elsewhere')
      settingsSaves.push(settings)
      saved = { settings, revision: saved.revision + 1 }
      return saved
    },
    'settings.reset': () => {
      resets++
      saved = { settings: defaults(), revision: 0 }
      return saved
    },
    'clinic.get': () => clinic,
    'clinic.save': ({ baseRevision, details }) => {
      if (baseRevision !== clinic.revision) throw new ServiceError('conflict', 'changed elsewhere')
      // As main does: a logo whose bytes are not the image its type says is refused on the logo.
      const bytes = details.logo?.split(',')[1]
      if (details.logo !== clinic.details.logo && bytes && !atob(bytes).startsWith('\x89PNG')) {
        const message = 'The file is not a PNG image.'
        throw new ServiceError('invalid_input', message, { 'details.logo': message })
      }
      clinicSaves.push(details)
      clinic = { details, revision: clinic.revision + 1 }
      return clinic
    },
    'pigments.list': () => pigments,
    'pigments.save': ({ pigment, baseRevision }) => {
      pigmentSaves.push(pigment)
      const stored = {
        ...pigment,
        id: pigment.id ?? `pigment-${pigments.length + 1}`,
        revision: (baseRevision ?? 0) + 1,
      }
      pigments = [...pigments.filter((p) => p.id !== stored.id), stored]
      return stored
    },
    'pigments.retire': ({ id, retired }) => {
      pigments = pigments.map((p) => (p.id === id ? { ...p, retired, revision: p.revision + 1 } : p))
      return pigments.find((p) => p.id === id) as SavedPigment
    },
    'pigments.delete': ({ id }) => {
      const uses = options.usedPigments?.[id] ?? 0
      const name = pigments.find((p) => p.id === id)?.name
      if (uses > 0)
        throw new ServiceError(
          'conflict',
          `${name} is used by ${uses} sessions, so it stays on record; retire it to hide it from new sessions.`,
        )
      pigments = pigments.filter((p) => p.id !== id)
      return { id }
    },
  } as Partial<Handlers> as Handlers)
  const bridge = createBridgeClient((name, input) => dispatch(name, input))
  /** Settings as the app opens it after a restart: fresh stores over what main holds. */
  const open = () => {
    const stores = {
      clinical: createClinicalSettingsStore(bridge),
      pigments: createPigmentCatalogueStore(bridge),
      clinic: createClinicDetailsStore(bridge),
    }
    return render(
      <BridgeProvider client={bridge}>
        <SettingsPage stores={stores} onClose={() => {}} />
      </BridgeProvider>,
    )
  }
  let screen = open()
  const reopen = async () => {
    await (await screen).unmount()
    screen = open()
    await screen
  }
  return {
    screen,
    reopen,
    settingsSaves,
    pigmentSaves,
    clinicSaves,
    resets: () => resets,
    pigments: () => pigments,
    /** Another window saves the clinic's details. */
    clinicSavedElsewhere: (name: string) => {
      clinic = { details: { ...clinic.details, name }, revision: clinic.revision + 1 }
    },
  }
}

const permanentProtocol = () => page.getByRole('group', { name: 'Permanent SMP protocol' })
const permanentTouchUp = () => permanentProtocol().getByRole('spinbutton', { name: 'Touch-up line (% of target)' })
const locationForm = () => page.getByRole('form', { name: 'Photo locations' })
const saveButton = () => page.getByRole('button', { name: 'Save', exact: true })
const revertButton = () => page.getByRole('button', { name: 'Revert', exact: true })
const openCatalogue = () => userEvent.click(page.getByRole('tab', { name: 'Pigment catalogue' }))

describe('Settings: clinical defaults', () => {
  it('saves a changed touch-up line and nothing else', async () => {
    const { settingsSaves } = renderSettings()
    await expect.element(permanentTouchUp()).toHaveValue(60)
    await userEvent.fill(permanentTouchUp(), '45')
    await expect.element(page.getByText('Unsaved changes')).toBeVisible()
    await expect.element(permanentProtocol().getByText('Default 60 % of target')).toBeVisible()
    await userEvent.click(page.getByRole('button', { name: 'Save', exact: true }))

    await expect.poll(() => settingsSaves.length).toBe(1)
    const expected = defaults()
    expected.protocols.permanent.touchUpShare = 0.45
    expect(settingsSaves[0]).toEqual(expected)
    await expect.element(page.getByText('All changes saved')).toBeVisible()
  })

  it("shows main's message next to the field it refuses, focuses it, and saves nothing", async () => {
    const { settingsSaves } = renderSettings()
    const hairline = page.getByRole('spinbutton', { name: 'Hairline band (per cm²)' })
    await userEvent.fill(hairline, '185')
    await userEvent.fill(permanentTouchUp(), '200')
    await userEvent.click(page.getByRole('button', { name: 'Save', exact: true }))

    await expect.element(permanentTouchUp()).toHaveAttribute('aria-invalid', 'true')
    await expect.element(permanentTouchUp()).toHaveAccessibleDescription(/The touch-up line is between 0\.05 and 1/)
    await expect.element(permanentTouchUp()).toHaveFocus()
    await expect.element(page.getByRole('alert').filter({ hasText: 'Not saved' })).toBeVisible()
    // The refused save leaves every edit as it was typed, and the other fields unflagged.
    await expect.element(hairline).toHaveValue(185)
    await expect.element(hairline).toHaveAttribute('aria-invalid', 'false')
    expect(settingsSaves).toEqual([])

    // Fixing the value clears its message; the next save goes through.
    await userEvent.fill(permanentTouchUp(), '50')
    await expect.element(permanentTouchUp()).toHaveAttribute('aria-invalid', 'false')
    await userEvent.click(page.getByRole('button', { name: 'Save', exact: true }))
    await expect.poll(() => settingsSaves.length).toBe(1)
    expect(settingsSaves[0]?.zoneDensity['hairline-band']).toBe(185)
  })

  it('shows a refused protocol step beside its cell', async () => {
    const { settingsSaves } = renderSettings()
    await userEvent.fill(
      permanentProtocol().getByRole('spinbutton', { name: 'Step 3 share of target reached, %' }),
      '60',
    )
    await userEvent.click(page.getByRole('button', { name: 'Save', exact: true }))
    await expect
      .element(permanentProtocol().getByRole('spinbutton', { name: 'Step 3 share of target reached, %' }))
      .toHaveAccessibleDescription(/Step 3, share reached: Each step must reach at least as much of the target/)
    expect(settingsSaves).toEqual([])
  })

  it('asks before restoring the defaults, then asks main to reset', async () => {
    const custom = defaults()
    custom.protocols.permanent.touchUpShare = 0.5
    const { resets } = renderSettings({ saved: { settings: custom, revision: 3 } })
    await expect.element(permanentTouchUp()).toHaveValue(50)

    await userEvent.click(page.getByRole('button', { name: 'Restore defaults…' }))
    const confirm = page.getByRole('alertdialog', { name: 'Restore the clinical defaults?' })
    await expect.element(confirm).toBeVisible()
    await userEvent.click(confirm.getByRole('button', { name: 'Keep my settings' }))
    await expect.element(confirm).not.toBeInTheDocument()
    expect(resets()).toBe(0)
    // Escape keeps the settings too, and the focus goes back to the button that asked.
    await userEvent.click(page.getByRole('button', { name: 'Restore defaults…' }))
    await expect.element(confirm.getByRole('button', { name: 'Restore defaults' })).toHaveFocus()
    await userEvent.keyboard('{Escape}')
    await expect.element(confirm).not.toBeInTheDocument()
    await expect.element(page.getByRole('button', { name: 'Restore defaults…' })).toHaveFocus()
    expect(resets()).toBe(0)

    await userEvent.click(page.getByRole('button', { name: 'Restore defaults…' }))
    await userEvent.click(confirm.getByRole('button', { name: 'Restore defaults' }))
    await expect.poll(resets).toBe(1)
    await expect.element(page.getByRole('button', { name: 'Restore defaults…' })).toHaveFocus()
    await expect.element(permanentTouchUp()).toHaveValue(60)
    await expect.element(page.getByText('Using the shipped defaults')).toBeVisible()
  })

  it('adds and removes protocol steps', async () => {
    const { settingsSaves } = renderSettings()
    await userEvent.click(permanentProtocol().getByRole('button', { name: 'Add step' }))
    await expect.element(permanentProtocol().getByRole('textbox', { name: 'Step 4 name' })).toHaveValue('Session 4')
    await userEvent.selectOptions(
      permanentProtocol().getByRole('combobox', { name: 'Step 4 kind of session' }),
      'Touch-up',
    )
    await userEvent.click(permanentProtocol().getByRole('button', { name: 'Remove step 1' }))
    await userEvent.click(page.getByRole('button', { name: 'Save', exact: true }))
    await expect.poll(() => settingsSaves.length).toBe(1)
    expect(settingsSaves[0]?.protocols.permanent.steps.map((s) => [s.label, s.kind, s.cumulativeShare])).toEqual([
      ['Build-up', 'follow-up', 0.7],
      ['Refinement', 'finishing', 1],
      ['Session 4', 'touch-up', 1.1],
    ])
  })
})

describe('Settings: pigment catalogue', () => {
  it('adds a pigment with the values typed', async () => {
    const { pigmentSaves } = renderSettings()
    await openCatalogue()
    await userEvent.click(page.getByRole('button', { name: 'Add pigment' }))
    const form = page.getByRole('group', { name: 'New pigment' })
    await expect.element(form.getByRole('textbox', { name: 'Name' })).toHaveFocus()
    await userEvent.fill(form.getByRole('textbox', { name: 'Name' }), '  Trico warm brown ')
    await userEvent.selectOptions(form.getByRole('combobox', { name: 'Family' }), 'Temporary (tricho-pigmentation)')
    await userEvent.fill(form.getByLabelText('Shade'), '#6b4f3a')
    await userEvent.fill(form.getByRole('spinbutton', { name: 'Dilution (% water)' }), '30')
    await userEvent.fill(form.getByRole('spinbutton', { name: 'Fade time τ (years)' }), '0.5')
    await userEvent.fill(form.getByRole('spinbutton', { name: 'Fade shape' }), '0.8')
    await userEvent.fill(form.getByRole('spinbutton', { name: 'Never fades (%)' }), '0')
    await userEvent.click(form.getByRole('checkbox', { name: /Carbon black/ }))
    await expect.element(form.getByRole('spinbutton', { name: 'Drift at full fade (%)' })).toBeDisabled()
    await userEvent.click(page.getByRole('button', { name: 'Save', exact: true }))

    await expect.poll(() => pigmentSaves.length).toBe(1)
    expect(pigmentSaves[0]).toEqual({
      id: null,
      name: 'Trico warm brown',
      shade: '#6b4f3a',
      dilution: 0.3,
      family: 'temporary',
      carbonBlack: false,
      fade: { ...PERMANENT_FADE, tauYears: 0.5, shape: 0.8, floor: 0 },
      drift: 0.55,
      driftColour: '#2f5a63',
      retired: false,
    })
    await expect.element(form).not.toBeInTheDocument()
    await expect
      .element(page.getByRole('listitem', { name: 'Trico warm brown' }))
      .toMatchTextContent(/Temporary \(tricho-pigmentation\) · no carbon black · dilution 30%/)
  })

  it("redraws a pigment's fade chart as its fade time changes", async () => {
    renderSettings()
    await openCatalogue()
    await userEvent.click(page.getByRole('button', { name: 'Edit SMP carbon black, medium grey' }))
    const form = page.getByRole('group', { name: 'Edit SMP carbon black, medium grey' })
    const chart = form.getByRole('img', { name: /^Fade of SMP carbon black, medium grey/ })
    await expect.element(chart).toHaveAccessibleName(/94% after 1 year/)
    const curve = () => chart.element().querySelector('.fade-chart__curve')?.getAttribute('d')
    const before = curve()

    await userEvent.fill(form.getByRole('spinbutton', { name: 'Fade time τ (years)' }), '1')
    // τ 1, floor 0.3: 0.3 + 0.7·e⁻¹ is left after a year, whatever the shape.
    await expect.element(chart).toHaveAccessibleName(/56% after 1 year/)
    expect(curve()).not.toBe(before)

    await userEvent.fill(form.getByRole('spinbutton', { name: 'Fade time τ (years)' }), '')
    await expect.element(form.getByText(/to see the curve/)).toBeVisible()
  })

  it("shows main's refusal when a pigment in use is deleted, and keeps it", async () => {
    const { pigments } = renderSettings({ usedPigments: { 'smp-carbon-dark': 2 } })
    await openCatalogue()
    await userEvent.click(page.getByRole('button', { name: 'Delete SMP carbon black, dark' }))
    await userEvent.click(page.getByRole('button', { name: 'Delete SMP carbon black, dark' }))

    const item = page.getByRole('listitem', { name: 'SMP carbon black, dark' })
    await expect
      .element(item.getByRole('alert'))
      .toMatchTextContent(/SMP carbon black, dark is used by 2 sessions, so it stays on record/)
    expect(pigments().some((p) => p.id === 'smp-carbon-dark')).toBe(true)

    await userEvent.click(item.getByRole('button', { name: 'Retire SMP carbon black, dark' }))
    await expect.element(item.getByText('Retired')).toBeVisible()
    await expect.element(item.getByRole('button', { name: 'Unretire SMP carbon black, dark' })).toBeVisible()
    await userEvent.click(page.getByRole('button', { name: 'Save', exact: true }))
    await expect.poll(() => pigments().find((p) => p.id === 'smp-carbon-dark')?.retired).toBe(true)
  })

  it('deletes an unused pigment once confirmed', async () => {
    const { pigments } = renderSettings()
    await openCatalogue()
    await userEvent.click(page.getByRole('button', { name: 'Delete Trico soft grey (temporary)' }))
    await userEvent.click(page.getByRole('button', { name: 'Keep' }))
    expect(pigments()).toHaveLength(5)
    await userEvent.click(page.getByRole('button', { name: 'Delete Trico soft grey (temporary)' }))
    await userEvent.click(page.getByRole('button', { name: 'Delete Trico soft grey (temporary)' }))
    await expect.element(page.getByRole('listitem', { name: 'Trico soft grey (temporary)' })).not.toBeInTheDocument()
    expect(pigments()).toHaveLength(4)
  })
})

describe('Settings: your data', () => {
  it('saves the photo location choice with its own Save, leaving unsaved clinical edits unsaved', async () => {
    const { settingsSaves } = renderSettings()
    await expect.element(permanentTouchUp()).toHaveValue(60)
    await userEvent.fill(permanentTouchUp(), '45')

    await userEvent.click(page.getByRole('tab', { name: 'Your data' }))
    const choice = page.getByRole('checkbox', { name: 'Remove the location from photos as they are imported' })
    await expect.element(choice).toBeChecked()
    await userEvent.click(choice)
    await userEvent.click(locationForm().getByRole('button', { name: 'Save', exact: true }))

    await expect.poll(() => settingsSaves.length).toBe(1)
    expect(settingsSaves[0]).toEqual({ ...defaults(), removePhotoLocation: false })
    await expect.element(choice).not.toBeChecked()

    await userEvent.click(page.getByRole('tab', { name: 'Clinical defaults' }))
    await expect.element(permanentTouchUp()).toHaveValue(45)
    await expect.element(page.getByText('Unsaved changes')).toBeVisible()
  })
})

describe('Settings: every section saves the same way', () => {
  const bar = () => page.getByRole('status').filter({ hasText: /changes|defaults/ })

  it('clinical defaults: Save keeps an edit across a restart, Revert drops it, a refusal saves nothing', async () => {
    const { settingsSaves, reopen } = renderSettings()
    await userEvent.fill(permanentTouchUp(), '45')
    await expect.element(bar()).toHaveTextContent('Unsaved changes')
    await userEvent.click(revertButton())
    await expect.element(permanentTouchUp()).toHaveValue(60)
    await expect.element(bar()).toHaveTextContent('Using the shipped defaults')
    expect(settingsSaves).toEqual([])

    await userEvent.fill(permanentTouchUp(), '200')
    await userEvent.click(saveButton())
    await expect.element(permanentTouchUp()).toHaveAccessibleDescription(/The touch-up line is between 0\.05 and 1/)
    await expect.element(permanentTouchUp()).toHaveFocus()
    expect(settingsSaves).toEqual([])

    await userEvent.fill(permanentTouchUp(), '45')
    await userEvent.click(saveButton())
    await expect.element(bar()).toHaveTextContent('All changes saved')
    await reopen()
    await expect.element(permanentTouchUp()).toHaveValue(45)
  })

  it('pigment catalogue: edits wait for the one Save, Revert drops them, a refusal saves nothing', async () => {
    const { pigmentSaves, reopen, pigments } = renderSettings()
    await openCatalogue()
    const name = 'SMP carbon black, medium grey'
    const item = page.getByRole('listitem', { name })
    const tau = () => page.getByRole('group', { name: `Edit ${name}` }).getByRole('spinbutton', { name: /Fade time/ })

    await userEvent.click(page.getByRole('button', { name: `Edit ${name}` }))
    await userEvent.fill(tau(), '3')
    await userEvent.keyboard('{Escape}')
    // Closing the form keeps the edit in the draft, and the focus on the button that opened it.
    await expect.element(page.getByRole('button', { name: `Edit ${name}` })).toHaveFocus()
    await expect.element(item.getByText('Unsaved')).toBeVisible()
    await expect.element(bar()).toHaveTextContent('Unsaved changes')
    await userEvent.click(revertButton())
    await expect.element(item.getByText('Unsaved')).not.toBeInTheDocument()
    await userEvent.click(page.getByRole('button', { name: `Edit ${name}` }))
    await expect.element(tau()).toHaveValue(CARBON_MEDIUM_GREY.fade.tauYears)
    expect(pigmentSaves).toEqual([])

    await userEvent.fill(tau(), '3')
    await userEvent.click(page.getByRole('button', { name: 'Done' }))
    await userEvent.click(page.getByRole('button', { name: 'Add pigment' }))
    const added = page.getByRole('group', { name: 'New pigment' })
    await userEvent.click(saveButton())
    // Main refuses the nameless pigment: its form says why and has the focus; it is not stored.
    await expect.element(added.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(/Name the pigment/)
    await expect.element(added.getByRole('textbox', { name: 'Name' })).toHaveFocus()
    await expect.element(page.getByRole('alert').filter({ hasText: 'Not saved' })).toBeVisible()
    expect(pigments().map((p) => p.name)).not.toContain('')

    await userEvent.fill(added.getByRole('textbox', { name: 'Name' }), 'Carbon black, extra dark')
    await userEvent.click(saveButton())
    await expect.element(bar()).toHaveTextContent('All changes saved')
    expect(pigmentSaves.map((p) => p.name)).toEqual([name, 'Carbon black, extra dark'])

    await reopen()
    await openCatalogue()
    await expect.element(page.getByRole('listitem', { name: 'Carbon black, extra dark' })).toBeVisible()
    await userEvent.click(page.getByRole('button', { name: `Edit ${name}` }))
    await expect.element(tau()).toHaveValue(3)
  })

  it('clinic and sheets: the draft survives another section, Save keeps it, Revert drops it, a refusal saves nothing', async () => {
    const { clinicSaves, reopen } = renderSettings()
    await userEvent.click(page.getByRole('tab', { name: 'Clinic and sheets' }))
    const clinicName = () => page.getByRole('textbox', { name: 'Clinic name' })
    await userEvent.fill(clinicName(), 'Northside Scalp Clinic')
    await userEvent.click(revertButton())
    await expect.element(clinicName()).toHaveValue(CLINIC_DEFAULTS.name)

    await userEvent.fill(clinicName(), 'Northside Scalp Clinic')
    await userEvent.click(page.getByRole('tab', { name: 'Pigment catalogue' }))
    await userEvent.click(page.getByRole('tab', { name: 'Clinic and sheets' }))
    await expect.element(clinicName()).toHaveValue('Northside Scalp Clinic')
    await expect.element(bar()).toHaveTextContent('Unsaved changes')

    await userEvent.upload(
      page.getByTestId('clinic-logo-input'),
      new File(['not a picture'], 'logo.png', { type: 'image/png' }),
    )
    await userEvent.click(saveButton())
    await expect.element(page.getByText('The file is not a PNG image.').first()).toBeVisible()
    expect(clinicSaves).toEqual([])

    await userEvent.click(page.getByRole('button', { name: 'Remove logo' }))
    await userEvent.click(saveButton())
    await expect.element(bar()).toHaveTextContent('All changes saved')
    expect(clinicSaves).toHaveLength(1)
    await reopen()
    await userEvent.click(page.getByRole('tab', { name: 'Clinic and sheets' }))
    await expect.element(clinicName()).toHaveValue('Northside Scalp Clinic')
  })

  it('your data: the photo location choice waits for its Save, and Revert drops it', async () => {
    const { settingsSaves, reopen } = renderSettings()
    await userEvent.click(page.getByRole('tab', { name: 'Your data' }))
    const choice = () => page.getByRole('checkbox', { name: 'Remove the location from photos as they are imported' })
    await userEvent.click(choice())
    await expect.element(locationForm().getByText('Unsaved changes')).toBeVisible()
    await userEvent.click(locationForm().getByRole('button', { name: 'Revert' }))
    await expect.element(choice()).toBeChecked()
    expect(settingsSaves).toEqual([])

    await userEvent.click(choice())
    await userEvent.click(locationForm().getByRole('button', { name: 'Save', exact: true }))
    await expect.element(locationForm().getByText('All changes saved')).toBeVisible()
    await reopen()
    await userEvent.click(page.getByRole('tab', { name: 'Your data' }))
    await expect.element(choice()).not.toBeChecked()
  })

  it('a save refused because another window saved first offers the stored record instead', async () => {
    const { clinicSaves, clinicSavedElsewhere } = renderSettings()
    await userEvent.click(page.getByRole('tab', { name: 'Clinic and sheets' }))
    const clinicName = () => page.getByRole('textbox', { name: 'Clinic name' })
    await userEvent.fill(clinicName(), 'Northside Scalp Clinic')
    clinicSavedElsewhere('Harbour Clinic')
    await userEvent.click(saveButton())
    const refusal = page.getByRole('alert').filter({ hasText: 'Not saved' })
    await expect.element(refusal).toMatchTextContent(/changed elsewhere/)
    expect(clinicSaves).toEqual([])
    await userEvent.click(refusal.getByRole('button', { name: 'Drop my edits and load the saved settings' }))
    await expect.element(clinicName()).toHaveValue('Harbour Clinic')
    await expect.element(bar()).toHaveTextContent('All changes saved')
  })
})
