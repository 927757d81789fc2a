import { useMemo } from 'react'
import type { OfflineReview } from '../../../../shared/review-file/offline-review'
import { ActionsProvider } from '../../actions/ActionsProvider'
import { ThemeButton } from '../../app/ThemeButton'
import { useTheme } from '../../app/theme'
import { BridgeProvider } from '../../bridge/bridge-context'
import { offlineBridge } from '../../bridge/offline-bridge'
import type { EmbeddedReview } from '../../bridge/offline-review-data'
import { Banner } from '../../ui/Banner'
import { formatDayTime } from '../../ui/format'
import { ClinicalWarnings } from '../patients/ClinicalWarnings'
import { ReviewPage } from '../review/ReviewPage'
import './offline.css'

function OfflineHeader({ review }: { review: OfflineReview }) {
  const [theme, setTheme] = useTheme({ remember: false })
  return (
    <header className="offline-header">
      <div className="offline-header__who">
        <span className="offline-header__clinic">{review.clinicName}</span>
        <h1 className="offline-header__patient">{review.patient.fullName}</h1>
      </div>
      <div className="offline-header__about">
        <span className="badge badge--muted">Read-only review</span>
        <span className="offline-header__generated">Generated on {formatDayTime(review.generatedAt)}</span>
        <ThemeButton theme={theme} onChange={setTheme} />
      </div>
    </header>
  )
}

function OfflineReviewView({ review }: { review: OfflineReview }) {
  const bridge = useMemo(() => offlineBridge(review, document), [review])
  return (
    <BridgeProvider client={bridge}>
      <ActionsProvider>
        <div className="offline-app">
          <OfflineHeader review={review} />
          <main className="offline-app__main">
            <ClinicalWarnings medical={review.patient.medical} />
            <ReviewPage patient={review.patient} canComment={false} />
          </main>
          <footer className="offline-app__footer">
            Made with Stipple {review.appVersion}. This file holds patient data: keep it as you keep the patient's
            record.
          </footer>
        </div>
      </ActionsProvider>
    </BridgeProvider>
  )
}

/**
 * An offline review file opened in a browser: the clinic, the patient and when the file was
 * made above the read-only review, answered from the data the file embeds.
 */
export function OfflineApp({ embedded }: { embedded: Exclude<EmbeddedReview, { status: 'none' }> }) {
  if (embedded.status === 'ready') return <OfflineReviewView review={embedded.review} />
  return (
    <div className="page-pad">
      <Banner tone="error" title="This review file cannot be opened">
        <p>{embedded.message}</p>
      </Banner>
    </div>
  )
}
