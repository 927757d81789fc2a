import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './ui/tokens.css'
import './ui/base.css'
import './app/app.css'
import { App } from './app/App'
import { createBridgeClient } from './bridge/bridge-client'
import { BridgeProvider } from './bridge/bridge-context'
import { detectTransport } from './bridge/transports'
import { PatientsProvider } from './features/patients/patients-context'
import { createPatientsStore } from './features/patients/patients-store'

const root = createRoot(document.getElementById('root') as HTMLElement)
const transport = detectTransport()

if (transport) {
  const bridge = createBridgeClient(transport)
  root.render(
    <StrictMode>
      <BridgeProvider client={bridge}>
        <PatientsProvider store={createPatientsStore(bridge)}>
          <App />
        </PatientsProvider>
      </BridgeProvider>
    </StrictMode>,
  )
} else {
  root.render(
    <div className="empty-state" role="alert">
      <p className="empty-state__title">Stipple is not connected</p>
      <p>Open Stipple as the desktop app, or through the web harness (npm run web).</p>
    </div>,
  )
}
