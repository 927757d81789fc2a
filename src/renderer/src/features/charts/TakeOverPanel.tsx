import { useState } from 'react'
import { labelOfChart } from '../../../../shared/charts/head-chart'
import type { Photo, PhotoDetail } from '../../../../shared/photos/photo'
import { errorMessage } from '../../bridge/bridge-client'
import { useBridge } from '../../bridge/bridge-context'
import { usePhotos } from '../photos/photos-context'

const NO_PHOTOS: readonly Photo[] = []

/**
 * On a photo, takes over a design drawn on one of the patient's head charts: the artist places
 * the same landmarks (glabella, temple points, vertex) on the photo, and the design is carried
 * across by them.
 */
export function TakeOverPanel(props: { photo: PhotoDetail; beforeTakeOver(): Promise<void>; onTaken(): void }) {
  const bridge = useBridge()
  const charts = usePhotos((s) => (s.photos.status === 'ready' ? s.photos.value : NO_PHOTOS)).filter(
    (p): p is Photo & { chart: NonNullable<Photo['chart']> } => p.chart !== null && p.id !== props.photo.id,
  )
  const designed = usePhotos((s) => s.designs)
  const withDesign = charts.filter((c) => (designed[c.id]?.objectCount ?? 0) > 0)
  const [from, setFrom] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ tone: 'error' | 'done'; text: string } | null>(null)
  const source =
    withDesign.find((c) => c.id === from) ?? withDesign.find((c) => c.view === props.photo.view) ?? withDesign[0]

  if (withDesign.length === 0) return null
  return (
    <details className="panel-section" open>
      <summary className="section-title">Design from a head chart</summary>
      <p className="panel-hint">
        Place the glabella, temple points and vertex on this photo with the Landmark tool (K), then take the chart’s
        design over: it follows those landmarks.
      </p>
      <label className="field">
        <span className="field__label">Chart</span>
        <select className="select" value={source?.id ?? ''} onChange={(e) => setFrom(e.target.value)}>
          {withDesign.map((c) => (
            <option key={c.id} value={c.id}>
              Head chart, {labelOfChart(c.chart).toLowerCase()}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button"
        disabled={busy || !source}
        onClick={async () => {
          if (!source) return
          setBusy(true)
          setMessage(null)
          try {
            await props.beforeTakeOver()
            const design = await bridge.call('designs.takeOver', { fromPhotoId: source.id, toPhotoId: props.photo.id })
            const carried = design.document.objects.filter((o) => o.kind !== 'landmark').length
            setMessage({ tone: 'done', text: `Took over ${carried} objects from the chart.` })
            props.onTaken()
          } catch (error) {
            setMessage({ tone: 'error', text: errorMessage(error) })
          } finally {
            setBusy(false)
          }
        }}
      >
        Take the design over
      </button>
      {message && (
        <p
          className={message.tone === 'error' ? 'field__error' : 'panel-hint'}
          role={message.tone === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </details>
  )
}
