import { useEffect, useMemo, useRef, useState } from 'react'
import type { AppInfo } from '../../../shared/bridge/contract'
import { useRegisterActions } from '../actions/ActionsProvider'
import { commandAction } from '../actions/command-action'
import { useBridge } from '../bridge/bridge-context'
import { ArchiveImportZone } from '../features/archive/ArchiveImport'
import { guideStore } from '../features/onboarding/guide-store'
import { HelpButton, HelpDialog } from '../features/onboarding/HelpDialog'
import { Tour, tourSeen } from '../features/onboarding/Tour'
import { useRestorePatient } from '../features/onboarding/use-where-you-were'
import { PatientPage } from '../features/patients/PatientPage'
import { PatientSidebar } from '../features/patients/PatientSidebar'
import { usePatientActions, usePatients } from '../features/patients/patients-context'
import { SettingsButton, SettingsPage } from '../features/settings/SettingsPage'
import { useSettingsStores } from '../features/settings/settings-context'
import { Icon } from '../ui/icons'
import { useNarrowWindow } from '../ui/use-narrow-window'
import { ThemeButton } from './ThemeButton'
import { useTheme } from './theme'

export function App() {
  const [theme, setTheme] = useTheme()
  const searchRef = useRef<HTMLInputElement>(null)
  const notice = usePatients((s) => s.notice)
  const { refreshList, startCreate } = usePatientActions()
  const bridge = useBridge()
  const [info, setInfo] = useState<AppInfo | null>(null)
  const settingsStores = useSettingsStores()
  const [settingsOpen, setSettingsOpen] = useState(false)
  const narrow = useNarrowWindow()
  const [sidebarOpen, setSidebarOpen] = useState(!narrow)
  const [wasNarrow, setWasNarrow] = useState(narrow)
  if (narrow !== wasNarrow) {
    setWasNarrow(narrow)
    setSidebarOpen(!narrow)
  }
  const sidebarToggle = useRef<HTMLButtonElement>(null)
  // Choosing or starting a patient while Settings is open goes to that patient; Settings keeps its edits.
  // On a narrow window the list, lying over the page, is put away once a patient is chosen.
  const view = usePatients((s) => s.view)
  const [shownView, setShownView] = useState(view)
  if (view !== shownView) {
    setShownView(view)
    setSettingsOpen(false)
    if (narrow) setSidebarOpen(false)
  }

  useEffect(() => {
    bridge.call('app.info', {}).then(setInfo, () => setInfo(null))
  }, [bridge])

  useEffect(() => {
    void refreshList()
  }, [refreshList])
  useRestorePatient()
  // A new install (no record, tour never seen) is offered the tour on its first screen.
  const firstRun = usePatients((s) => s.list.status === 'ready' && s.list.value.total === 0 && s.query === '')
  useEffect(() => {
    if (firstRun && !tourSeen() && guideStore.getState().tourStep === null) guideStore.getState().setTourStep(0)
  }, [firstRun])

  // The app's own commands, wherever the person is: the desktop menu sends them, and in a browser
  // (no native menu) the page takes their keys, so Ctrl+, (Cmd+, on a Mac) opens Settings there too.
  useRegisterActions(
    useMemo(
      () => ({
        actions: [
          commandAction('patient.new', 'app', startCreate),
          commandAction('patient.search', 'app', () => {
            setSidebarOpen(true)
            requestAnimationFrame(() => searchRef.current?.focus())
          }),
          commandAction('app.settings', 'app', () => setSettingsOpen(true)),
          commandAction('view.theme.dark', 'app', () => setTheme('dark')),
          commandAction('view.theme.light', 'app', () => setTheme('light')),
        ],
      }),
      [startCreate, setTheme],
    ),
  )

  const closeSidebar = () => {
    setSidebarOpen(false)
    requestAnimationFrame(() => sidebarToggle.current?.focus())
  }
  const toggle = (
    <button
      ref={sidebarToggle}
      type="button"
      className="button button--ghost button--icon"
      aria-expanded={sidebarOpen}
      aria-controls="sidebar-content"
      aria-label={sidebarOpen ? 'Hide the patient list' : 'Show the patient list'}
      title={sidebarOpen ? 'Hide the patient list' : 'Show the patient list and Settings'}
      onClick={() => (sidebarOpen ? closeSidebar() : setSidebarOpen(true))}
    >
      <Icon name="panel" />
    </button>
  )

  return (
    <div className="app-shell" data-sidebar={!sidebarOpen ? 'closed' : narrow ? 'over' : 'open'}>
      <aside
        className="sidebar"
        aria-label="Patients"
        onKeyDown={(event) => {
          if (event.key === 'Escape' && narrow && sidebarOpen) closeSidebar()
        }}
      >
        {sidebarOpen ? (
          <>
            <header className="sidebar__header">
              {toggle}
              <span className="app-name">Stipple</span>
              <SettingsButton stores={settingsStores} open={settingsOpen} onOpen={() => setSettingsOpen(true)} />
              <ThemeButton theme={theme} onChange={setTheme} />
              <HelpButton />
            </header>
            <div id="sidebar-content" className="sidebar__content">
              <ArchiveImportZone>
                <PatientSidebar searchRef={searchRef} />
              </ArchiveImportZone>
              {info && (
                <footer className="sidebar__footer" title={`Data folder: ${info.dataDir}`}>
                  Stipple {info.version} · {info.shell === 'desktop' ? 'desktop' : 'web harness'}
                </footer>
              )}
            </div>
          </>
        ) : (
          toggle
        )}
      </aside>
      <main className="workspace">
        {settingsOpen ? (
          <SettingsPage stores={settingsStores} onClose={() => setSettingsOpen(false)} />
        ) : (
          <PatientPage />
        )}
      </main>
      <HelpDialog />
      <Tour />
      <p className="visually-hidden" role="status" aria-live="polite">
        {notice}
      </p>
    </div>
  )
}
