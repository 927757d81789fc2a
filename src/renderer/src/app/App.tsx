import { useEffect, useRef, useState } from 'react'
import type { AppCommand } from '../../../shared/app-commands'
import type { AppInfo } from '../../../shared/bridge/contract'
import { useBridge } from '../bridge/bridge-context'
import { PatientPage } from '../features/patients/PatientPage'
import { PatientSidebar } from '../features/patients/PatientSidebar'
import { usePatientActions, usePatients } from '../features/patients/patients-context'
import { useTheme } from './theme'

export function App() {
  const [theme, setTheme] = useTheme()
  const searchRef = useRef<HTMLInputElement>(null)
  const notice = usePatients((s) => s.notice)
  const { refreshList, startCreate } = usePatientActions()
  const bridge = useBridge()
  const [info, setInfo] = useState<AppInfo | null>(null)

  useEffect(() => {
    bridge.call('app.info', {}).then(setInfo, () => setInfo(null))
  }, [bridge])

  useEffect(() => {
    void refreshList()
  }, [refreshList])

  useEffect(() => {
    const run = (command: AppCommand) => {
      if (command === 'patient.new') startCreate()
      else if (command === 'patient.search') searchRef.current?.focus()
      else setTheme(command === 'view.theme.light' ? 'light' : 'dark')
    }
    return window.stipple?.onAppCommand(run)
  }, [startCreate, setTheme])

  return (
    <div className="app-shell">
      <aside className="sidebar">
        <header className="sidebar__header">
          <span className="app-name">Stipple</span>
          <button
            type="button"
            className="button button--ghost"
            aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
            onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
          >
            {theme === 'dark' ? '☀' : '☾'}
          </button>
        </header>
        <PatientSidebar searchRef={searchRef} />
        {info && (
          <footer className="sidebar__footer" title={`Data folder: ${info.dataDir}`}>
            Stipple {info.version} · {info.shell === 'desktop' ? 'desktop' : 'web harness'}
          </footer>
        )}
      </aside>
      <main className="workspace">
        <PatientPage />
      </main>
      <p className="visually-hidden" role="status" aria-live="polite">
        {notice}
      </p>
    </div>
  )
}
