import { DESIGN_LIMITS } from '../../../../shared/design/design-limits'
import { ZONE_ROLES, type ZoneObject } from '../../../../shared/design/design-types'
import { fieldId, type InspectorProps, NumberRow, Row, setField } from '../inspector-fields'

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
      <NumberRow
        {...{ editor, object }}
        label="Target density"
        id="density"
        field="density"
        value={object.density}
        min={DESIGN_LIMITS.density.min}
        max={DESIGN_LIMITS.density.max}
        step={5}
        unit="per cm²"
        undoLabel="Change target density"
      />
      <NumberRow
        {...{ editor, object }}
        label="Edge softness"
        id="softness"
        field="softnessMm"
        value={object.softnessMm}
        min={0}
        max={DESIGN_LIMITS.softnessMm}
        step={0.5}
        unit="mm"
        undoLabel="Change edge softness"
      />
    </>
  )
}
