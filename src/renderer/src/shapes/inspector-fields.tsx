import { DESIGN_LIMITS } from '../../../shared/design/design-limits'
import type { DesignObject } from '../../../shared/design/design-types'
import type { Editor } from '../editor/editor'
import { NumberInput } from '../ui/NumberInput'

/** What every kind's inspector section is given: the editor and the one selected object. */
export interface InspectorProps<O extends DesignObject> {
  editor: Editor
  object: O
}

/** The field ids the inspector's labels point at. */
export const fieldId = (field: string): string => `inspector-${field}`

/** Sets one property as an undo step; a run of edits to the same field is one step. */
export function setField(editor: Editor, object: DesignObject, field: string, value: unknown, label: string): void {
  editor.updateObject(object.id, { [field]: value }, label, `${field}:${object.id}`)
}

export function Row({ label, htmlFor, children }: { label: string; htmlFor: string; children: React.ReactNode }) {
  return (
    <div className="inspector__row">
      <label htmlFor={htmlFor}>{label}</label>
      {children}
    </div>
  )
}

/** A labelled number property of the object, in a unit, committed as one undo step named `undoLabel`. */
export function NumberRow(props: {
  editor: Editor
  object: DesignObject
  label: string
  id: string
  field: string
  value: number
  min: number
  max: number
  step: number
  unit: string
  undoLabel: string
}) {
  const { editor, object, field, undoLabel } = props
  return (
    <Row label={props.label} htmlFor={fieldId(props.id)}>
      <NumberInput
        id={fieldId(props.id)}
        value={props.value}
        min={props.min}
        max={props.max}
        step={props.step}
        unit={props.unit}
        onCommit={(v) => setField(editor, object, field, v, undoLabel)}
      />
    </Row>
  )
}

export function NoteField({
  editor,
  object,
  label,
}: {
  editor: Editor
  object: DesignObject & { note: string }
  label: string
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={fieldId('note')}>
        {label}
      </label>
      <textarea
        id={fieldId('note')}
        className="textarea"
        rows={3}
        maxLength={DESIGN_LIMITS.note}
        value={object.note}
        onChange={(e) => editor.updateObject(object.id, { note: e.target.value }, 'Edit note', `note:${object.id}`)}
      />
    </div>
  )
}
