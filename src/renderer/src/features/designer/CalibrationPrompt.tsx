import { type FormEvent, type KeyboardEvent, useId, useState } from 'react'
import { distance } from '../../../../shared/geometry/point'
import { PHOTO_LIMITS } from '../../../../shared/photos/photo-fields'
import { toScreen } from '../../canvas/viewport'
import type { Editor } from '../../editor/editor'
import { useViewport } from '../canvas/use-viewport'
import { useEditor } from './use-editor'

/** About the prompt's size, so it is kept inside the stage wherever the line ends. */
const PROMPT = { width: 260, height: 120 }

/** Parses a length typed with a point or a comma; null when it is no length in range. */
function lengthOf(text: string): number | null {
  const mm = Number(text.replace(',', '.'))
  return Number.isFinite(mm) && mm > 0 && mm <= PHOTO_LIMITS.maxCalibrationMm ? mm : null
}

/**
 * Asks for a ruler line's real length right beside the line's end, on the canvas: the person
 * who just drew the line types next, without looking away. Enter sets the calibration (one
 * undo step), Escape or Cancel drops the line.
 */
export function CalibrationPrompt({ editor }: { editor: Editor }) {
  const toolState = useEditor(editor, (s) => s.toolState)
  const { viewport, stage } = useViewport(editor.viewport, (s) => ({ viewport: s.viewport, stage: s.stage }))
  const [lengthMm, setLengthMm] = useState('10')
  const [error, setError] = useState('')
  const id = useId()
  if (toolState.name !== 'awaiting-length') return null
  const [a, b] = toolState.points
  const end = toScreen(viewport, b)
  const left = Math.min(Math.max(8, end.x + 12), Math.max(8, stage.width - PROMPT.width - 8))
  const top = Math.min(Math.max(8, end.y + 12), Math.max(8, stage.height - PROMPT.height - 8))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const mm = lengthOf(lengthMm)
    if (mm === null) {
      setError(`Enter the real length in mm, more than 0 and at most ${PHOTO_LIMITS.maxCalibrationMm}`)
      return
    }
    setError('')
    editor.confirmRuler(mm)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    event.stopPropagation()
    editor.escape()
  }

  return (
    <form
      className="calibration-prompt"
      style={{ left, top }}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-label="Set calibration"
    >
      <label className="calibration-prompt__label" htmlFor={`${id}-mm`}>
        Real length (mm)
      </label>
      <p className="calibration-prompt__hint">Ruler line: {Math.round(distance(a, b))} px</p>
      <div className="calibration-prompt__row">
        <input
          id={`${id}-mm`}
          className="input calibration-prompt__input"
          inputMode="decimal"
          value={lengthMm}
          // biome-ignore lint/a11y/noAutofocus: the person just drew the line and types its length next
          autoFocus
          onFocus={(event) => event.currentTarget.select()}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setLengthMm(event.target.value)}
        />
        <button type="submit" className="button button--primary button--small">
          Save calibration
        </button>
        <button type="button" className="button button--small" onClick={() => editor.escape()}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
