import { DESIGN_LIMITS } from '../../../../shared/design/design-limits'
import { ZONE_ROLES, type ZoneObject } from '../../../../shared/design/design-types'
import { NumberInput } from '../../ui/NumberInput'
import { fieldId, type InspectorProps, Row, setField } from '../inspector-fields'

/** A zone's role, target density and edge softness. */
export function ZoneInspector({ editor, object }: InspectorProps<ZoneObject>) {
  const set = (field: string, value: unknown, label: string) => setField(editor, object, field, value, label)
  return (
    <>
      <Row label="Role" htmlFor={fieldId('role')}>
        <select
          id={fieldId('role')}
          className="select"
          value={object.role}
          onChange={(e) => set('role', e.target.value, 'Change zone role')}
        >
          {ZONE_ROLES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </Row>
      <Row label="Target density" htmlFor={fieldId('density')}>
        <NumberInput
          id={fieldId('density')}
          value={object.density}
          min={DESIGN_LIMITS.density.min}
          max={DESIGN_LIMITS.density.max}
          step={5}
          unit="per cm²"
          onCommit={(v) => set('density', v, 'Change target density')}
        />
      </Row>
      <Row label="Edge softness" htmlFor={fieldId('softness')}>
        <NumberInput
          id={fieldId('softness')}
          value={object.softnessMm}
          min={0}
          max={DESIGN_LIMITS.softnessMm}
          step={0.5}
          unit="mm"
          onCommit={(v) => set('softnessMm', v, 'Change edge softness')}
        />
      </Row>
    </>
  )
}
