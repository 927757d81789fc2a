import { DESIGN_LIMITS } from '../../../../shared/design/design-limits'
import type { HairlineObject } from '../../../../shared/design/design-types'
import { NumberInput } from '../../ui/NumberInput'
import { fieldId, type InspectorProps, Row, setField } from '../inspector-fields'

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
      <Row label="Feather width" htmlFor={fieldId('feather')}>
        <NumberInput
          id={fieldId('feather')}
          value={object.featherMm}
          min={0}
          max={DESIGN_LIMITS.featherMm}
          step={0.5}
          unit="mm"
          onCommit={(v) => set('featherMm', v, 'Change feather width')}
        />
      </Row>
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
