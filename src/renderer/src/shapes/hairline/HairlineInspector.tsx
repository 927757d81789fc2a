import { DESIGN_LIMITS } from '../../../../shared/design/design-limits'
import type { HairlineObject } from '../../../../shared/design/design-types'
import { fieldId, type InspectorProps, NumberRow, Row, setField } from '../inspector-fields'

/** A hairline's mirroring, feather width and how broken its edge is. */
export function HairlineInspector({ editor, object }: InspectorProps<HairlineObject>) {
  const set = (field: string, value: unknown, label: string) => setField(editor, object, field, value, label)
  return (
    <>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={object.mirror}
          onChange={(e) => editor.setHairlineMirror(object.id, e.target.checked)}
        />
        Mirror about the midline
      </label>
      <NumberRow
        {...{ editor, object }}
        label="Feather width"
        id="feather"
        field="featherMm"
        value={object.featherMm}
        min={0}
        max={DESIGN_LIMITS.featherMm}
        step={0.5}
        unit="mm"
        undoLabel="Change feather width"
      />
      <Row label="Edge" htmlFor={fieldId('irregularity')}>
        <span className="inspector__range">
          <span>Sharp</span>
          <input
            id={fieldId('irregularity')}
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={object.irregularity}
            aria-valuetext={`${Math.round(object.irregularity * 100)}% broken`}
            onChange={(e) => set('irregularity', Number(e.target.value), 'Change edge irregularity')}
          />
          <span>Broken</span>
        </span>
      </Row>
    </>
  )
}
