import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { onTabListKey } from '../../ui/tab-keys'
import { DataPanel } from '../backups/DataPanel'
import { ClinicalDefaultsForm } from './ClinicalDefaultsForm'
import { ClinicDetailsForm } from './ClinicDetailsForm'
import { isClinicDirty } from './clinic-details-store'
import { isDirty } from './clinical-settings-store'
import { PhotoLocationSetting } from './PhotoLocationSetting'
import { PigmentCatalogue } from './PigmentCatalogue'
import { isCatalogueDirty } from './pigment-catalogue-store'
import {
  ClinicalSettingsProvider,
  ClinicDetailsProvider,
  PigmentCatalogueProvider,
  type SettingsStores,
  useCatalogue,
  useClinic,
  useClinical,
} from './settings-context'
import './settings.css'

type Tab = 'clinical' | 'pigments' | 'clinic' | 'data'

const TABS: { id: Tab; label: string }[] = [
  { id: 'clinical', label: 'Clinical defaults' },
  { id: 'pigments', label: 'Pigment catalogue' },
  { id: 'clinic', label: 'Clinic and sheets' },
  { id: 'data', label: 'Your data' },
]

/**
 * The Settings screen, in place of the patient area while it is open: the clinical defaults
 * every plan starts from, and the pigment catalogue.
 */
export function SettingsPage({ stores, onClose }: { stores: SettingsStores; onClose(): void }) {
  const [tab, setTab] = useState<Tab>('clinical')

  // Read afresh each time the screen opens; a section with unsaved edits keeps them (its store skips the read).
  useEffect(() => {
    void stores.clinical.getState().load()
    void stores.pigments.getState().load()
    void stores.clinic.getState().load()
  }, [stores])

  return (
    <ClinicalSettingsProvider store={stores.clinical}>
      <PigmentCatalogueProvider store={stores.pigments}>
        <ClinicDetailsProvider store={stores.clinic}>
          <div className="settings-page">
            <header className="page-header settings-page__header">
              <div>
                <h1 className="page-title">Settings</h1>
                <p className="page-subtitle">
                  Starting values for new designs and plans, the pigments you use, and your data and its backups.
                </p>
              </div>
              <div className="page-actions">
                <button type="button" className="button" onClick={onClose}>
                  Back to patients
                </button>
              </div>
            </header>
            <div
              className="patient-tabs settings-tabs"
              role="tablist"
              aria-label="Settings sections"
              onKeyDown={(event) =>
                onTabListKey(
                  event,
                  TABS.map((t) => t.id),
                  tab,
                  setTab,
                  (id) => `settings-tab-${id}`,
                )
              }
            >
              {TABS.map(({ id, label }) => (
                <button
                  key={id}
                  type="button"
                  role="tab"
                  id={`settings-tab-${id}`}
                  aria-selected={tab === id}
                  aria-controls={`settings-panel-${id}`}
                  tabIndex={tab === id ? 0 : -1}
                  className="patient-tabs__tab"
                  onClick={() => setTab(id)}
                >
                  {label}
                </button>
              ))}
            </div>
            <div
              role="tabpanel"
              id={`settings-panel-${tab}`}
              aria-labelledby={`settings-tab-${tab}`}
              className="settings-page__panel"
            >
              {tab === 'clinical' && <ClinicalDefaultsForm />}
              {tab === 'pigments' && <PigmentCatalogue />}
              {tab === 'clinic' && <ClinicDetailsForm />}
              {tab === 'data' && (
                <DataPanel>
                  <PhotoLocationSetting />
                </DataPanel>
              )}
            </div>
            <SettingsNotice />
          </div>
        </ClinicDetailsProvider>
      </PigmentCatalogueProvider>
    </ClinicalSettingsProvider>
  )
}

/** The outcome of the last action in any section, for screen readers. */
function SettingsNotice() {
  const clinical = useClinical((s) => s.notice)
  const pigments = useCatalogue((s) => s.notice)
  const clinic = useClinic((s) => s.notice)
  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {clinical} {pigments} {clinic}
    </p>
  )
}

/** The sidebar's way into Settings; it says so when any section has edits waiting to be saved. */
export function SettingsButton({ stores, open, onOpen }: { stores: SettingsStores; open: boolean; onOpen(): void }) {
  const unsaved = [
    useStore(stores.clinical, (s) => isDirty(s) || s.locationChoice !== null),
    useStore(stores.pigments, isCatalogueDirty),
    useStore(stores.clinic, isClinicDirty),
  ].includes(true)
  return (
    <button
      type="button"
      className="button button--ghost settings-button"
      aria-current={open ? 'page' : undefined}
      title={`Settings (${navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl+'},)`}
      onClick={onOpen}
    >
      Settings
      {unsaved && (
        <span className="settings-button__dot" role="img" aria-label="unsaved changes">
          •
        </span>
      )}
    </button>
  )
}
