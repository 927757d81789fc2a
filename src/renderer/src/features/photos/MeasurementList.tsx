import { useState } from 'react'
import { formatQuantity, measure } from '../../../../shared/photos/calibration'
import { PHOTO_LIMITS } from '../../../../shared/photos/photo-fields'
import type { Editor } from '../../editor/editor'
import type { PhotoMeasurement } from '../../editor/measures'
import { useEditor } from '../designer/use-editor'

function MeasurementRow({ editor, m, scale }: { editor: Editor; m: PhotoMeasurement; scale: number | null }) {
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
        onBlur={() => label.trim() !== m.label && editor.renameMeasurement(m.id, label.trim())}
      />
      <output className="measurement-row__value">{value}</output>
      <button
        type="button"
        className="button button--ghost"
        aria-label={`Delete ${kind.toLowerCase()} ${value}`}
        onClick={() => editor.deleteMeasurement(m.id)}
      >
        ✕
      </button>
    </li>
  )
}

/** The photo's measurements, each in real units when the photo is calibrated; changes are undone like the design's. */
export function MeasurementList({ editor }: { editor: Editor }) {
  const { measurements, scale } = useEditor(editor, (s) => ({
    measurements: s.measures.measurements,
    scale: s.pxPerMm,
  }))
  if (measurements.length === 0) {
    return <p className="panel-hint">No measurements yet. Press M for a distance or A for an area.</p>
  }
  return (
    <ul className="measurement-list" aria-label="Measurements">
      {measurements.map((m) => (
        <MeasurementRow key={`${m.id}:${m.label}`} editor={editor} m={m} scale={scale} />
      ))}
    </ul>
  )
}
