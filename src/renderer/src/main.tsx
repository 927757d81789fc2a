import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './ui/tokens.css'
import './ui/base.css'
import './app/app.css'
import { ActionsProvider } from './actions/ActionsProvider'
import { App } from './app/App'
import { createBridgeClient } from './bridge/bridge-client'
import { BridgeProvider } from './bridge/bridge-context'
import { readEmbeddedReview } from './bridge/offline-review-data'
import { detectConnection } from './bridge/transports'
import { RecoveryGate } from './features/backups/RecoveryGate'
import { OfflineApp } from './features/offline/OfflineApp'
import { PatientsProvider } from './features/patients/patients-context'
import { createPatientsStore } from './features/patients/patients-store'
import { PhotosProvider } from './features/photos/photos-context'
import { createPhotosStore } from './features/photos/photos-store'
import { prepareDotWorker } from './features/simulation/dot-renderer'

// A file dropped outside a drop zone must not make the window navigate to it.
for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (e) => e.preventDefault())

const root = createRoot(document.getElementById('root') as HTMLElement)
// An offline review file carries its own data and must never look for a desktop or harness bridge.
const embedded = readEmbeddedReview(document)
const connection = embedded.status === 'none' ? detectConnection() : null

if (embedded.status !== 'none') {
  root.render(
    <StrictMode>
      <OfflineApp embedded={embedded} />
    </StrictMode>,
  )
} else if (connection) {
  const bridge = createBridgeClient(connection.transport, connection.photoOrigin)
  // The dot worker starts with the app, while the first photo is still being chosen.
  prepareDotWorker()
  root.render(
    <StrictMode>
      <BridgeProvider client={bridge}>
        <PatientsProvider store={createPatientsStore(bridge)}>
          <PhotosProvider store={createPhotosStore(bridge)}>
            <ActionsProvider>
              <RecoveryGate>
                <App />
              </RecoveryGate>
            </ActionsProvider>
          </PhotosProvider>
        </PatientsProvider>
      </BridgeProvider>
    </StrictMode>,
  )
} else {
  root.render(
    <div className="empty-state" role="alert">
      <p className="empty-state__title">Stipple is not connected</p>
      <p>Open Stipple as the desktop app, or open the Ready address the web harness printed (npm run web).</p>
    </div>,
  )
}
