import { useState } from 'react'
import { formatQuantity, measure, pxPerMm } from '../../../../shared/photos/calibration'
import type { Measurement, Photo } from '../../../../shared/photos/photo'
import { PHOTO_LIMITS } from '../../../../shared/photos/photo-fields'
import { usePhotoActions } from './photos-context'

function MeasurementRow({ m, scale }: { m: Measurement; scale: number | null }) {
  const { renameMeasurement, deleteMeasurement } = usePhotoActions()
  const [label, setLabel] = useState(m.label)
  const value = formatQuantity(measure(m, scale))
  const kind = m.kind === 'distance' ? 'Distance' : 'Area'
  return (
    <li className="measurement-row" data-kind={m.kind}>
      <span className="measurement-row__swatch" aria-hidden="true" />
      <input
        className="input measurement-row__label"
        aria-label={`Label of ${kind.toLowerCase()} ${value}`}
        placeholder={kind}
        value={label}
        maxLength={PHOTO_LIMITS.measurementLabel}
        onChange={(e) => setLabel(e.target.value)}
        onBlur={() => label.trim() !== m.label && void renameMeasurement(m.id, label).catch(() => setLabel(m.label))}
      />
      <output className="measurement-row__value">{value}</output>
      <button
        type="button"
        className="button button--ghost"
        aria-label={`Delete ${kind.toLowerCase()} ${value}`}
        onClick={() => void deleteMeasurement(m.id).catch(() => {})}
      >
        ✕
      </button>
    </li>
  )
}

/** The photo's measurements, each in real units when the photo is calibrated. */
export function MeasurementList({ photo, measurements }: { photo: Photo; measurements: readonly Measurement[] }) {
  const scale = pxPerMm(photo.calibration)
  if (measurements.length === 0) {
    return <p className="panel-hint">No measurements yet. Press M for a distance or A for an area.</p>
  }
  return (
    <ul className="measurement-list" aria-label="Measurements">
      {measurements.map((m) => (
        <MeasurementRow key={`${m.id}:${m.label}`} m={m} scale={scale} />
      ))}
    </ul>
  )
}
