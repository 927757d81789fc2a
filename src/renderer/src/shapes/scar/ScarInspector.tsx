import { DESIGN_LIMITS } from '../../../../shared/design/design-limits'
import type { ScarObject } from '../../../../shared/design/design-types'
import { type InspectorProps, NoteField, NumberRow } from '../inspector-fields'
import { scarShapeLabel } from './scar-shape'

/** A scar's shape, a strip's width or a dot's diameter, and the camouflage note. */
export function ScarInspector({ editor, object }: InspectorProps<ScarObject>) {
  return (
    <>
      <p className="inspector__fact">{scarShapeLabel(object)}</p>
      {object.shape === 'strip' && (
        <NumberRow
          {...{ editor, object }}
          label="Strip width"
          id="width"
          field="widthMm"
          value={object.widthMm}
          min={0.1}
          max={DESIGN_LIMITS.widthMm}
          step={0.5}
          unit="mm"
          undoLabel="Change strip width"
        />
      )}
      {object.shape === 'dots' && (
        <NumberRow
          {...{ editor, object }}
          label="Dot diameter"
          id="dot"
          field="dotMm"
          value={object.dotMm}
          min={DESIGN_LIMITS.dotMm.min}
          max={DESIGN_LIMITS.dotMm.max}
          step={0.05}
          unit="mm"
          undoLabel="Change dot diameter"
        />
      )}
      <NoteField editor={editor} object={object} label="Camouflage note" />
    </>
  )
}
