import { DESIGN_LIMITS } from '../../../../shared/design/design-limits'
import type { ScarObject } from '../../../../shared/design/design-types'
import { NumberInput } from '../../ui/NumberInput'
import { fieldId, type InspectorProps, NoteField, Row, setField } from '../inspector-fields'
import { scarShapeLabel } from './scar-shape'

/** A scar's shape, a strip's width or a dot's diameter, and the camouflage note. */
export function ScarInspector({ editor, object }: InspectorProps<ScarObject>) {
  const set = (field: string, value: unknown, label: string) => setField(editor, object, field, value, label)
  return (
    <>
      <p className="inspector__fact">{scarShapeLabel(object)}</p>
      {object.shape === 'strip' && (
        <Row label="Strip width" htmlFor={fieldId('width')}>
          <NumberInput
            id={fieldId('width')}
            value={object.widthMm}
            min={0.1}
            max={DESIGN_LIMITS.widthMm}
            step={0.5}
            unit="mm"
            onCommit={(v) => set('widthMm', v, 'Change strip width')}
          />
        </Row>
      )}
      {object.shape === 'dots' && (
        <Row label="Dot diameter" htmlFor={fieldId('dot')}>
          <NumberInput
            id={fieldId('dot')}
            value={object.dotMm}
            min={DESIGN_LIMITS.dotMm.min}
            max={DESIGN_LIMITS.dotMm.max}
            step={0.05}
            unit="mm"
            onCommit={(v) => set('dotMm', v, 'Change dot diameter')}
          />
        </Row>
      )}
      <NoteField editor={editor} object={object} label="Camouflage note" />
    </>
  )
}
