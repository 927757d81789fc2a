import type { PinObject } from '../../../../shared/design/design-types'
import { type InspectorProps, NoteField } from '../inspector-fields'

/** A pin is its note. */
export function PinInspector({ editor, object }: InspectorProps<PinObject>) {
  return <NoteField editor={editor} object={object} label="Note" />
}
