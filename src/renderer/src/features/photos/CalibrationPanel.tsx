import { type FormEvent, useId, useState } from 'react'
import { distance, type Point } from '../../../../shared/geometry/point'
import { pxPerMm } from '../../../../shared/photos/calibration'
import type { Photo } from '../../../../shared/photos/photo'
import { PHOTO_LIMITS } from '../../../../shared/photos/photo-fields'
import { errorMessage } from '../../bridge/bridge-client'
import { usePhotoActions } from './photos-context'

interface CalibrationPanelProps {
  photo: Photo
  /** The ruler line just drawn, waiting for its real length. */
  pending: readonly Point[] | null
  onStart(): void
  onFinish(): void
}

/** The photo's scale: how it was set, or the form that sets it from a drawn ruler line. */
export function CalibrationPanel({ photo, pending, onStart, onFinish }: CalibrationPanelProps) {
  const { calibrate } = usePhotoActions()
  const [lengthMm, setLengthMm] = useState('10')
  const [error, setError] = useState('')
  const id = useId()
  const scale = pxPerMm(photo.calibration)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!pending) return
    const mm = Number(lengthMm.replace(',', '.'))
    if (!Number.isFinite(mm) || mm <= 0) return setError('Enter the real length in mm, more than 0')
    try {
      await calibrate({ a: pending[0] as Point, b: pending[1] as Point, lengthMm: mm })
      setError('')
      onFinish()
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  if (pending) {
    return (
      <form className="panel-section" onSubmit={submit} aria-label="Set calibration">
        <p>
          Ruler line: <strong>{Math.round(distance(pending[0] as Point, pending[1] as Point))} px</strong>. How long is
          it really?
        </p>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-mm`}>
            Real length (mm)
          </label>
          <input
            id={`${id}-mm`}
            className="input"
            inputMode="decimal"
            value={lengthMm}
            // biome-ignore lint/a11y/noAutofocus: the person just drew the line and types its length next
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setLengthMm(e.target.value)}
            max={PHOTO_LIMITS.maxCalibrationMm}
          />
          {error && (
            <p className="field__error" id={`${id}-error`}>
              {error}
            </p>
          )}
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary">
            Save calibration
          </button>
          <button type="button" className="button" onClick={onFinish}>
            Cancel
          </button>
        </div>
      </form>
    )
  }

  return (
    <div className="panel-section">
      {scale && photo.calibration ? (
        <p data-testid="calibration-status">
          Calibrated: <strong>{scale.toFixed(2)} px/mm</strong> from a {photo.calibration.lengthMm} mm ruler line.
        </p>
      ) : (
        <p className="calibration-missing" data-testid="calibration-status">
          Not calibrated: lengths and areas are in pixels until you draw a ruler line.
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button" onClick={onStart}>
          {photo.calibration ? 'Recalibrate' : 'Calibrate'} <kbd>C</kbd>
        </button>
        {photo.calibration && (
          <button type="button" className="button button--ghost" onClick={() => void calibrate(null).catch(() => {})}>
            Remove
          </button>
        )}
      </div>
    </div>
  )
}
