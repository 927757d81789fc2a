import type { DesignObject } from '../../../../shared/design/design-types'
import { reorderObject } from '../../editor/commands'
import type { Editor } from '../../editor/editor'
import { componentsOf } from '../../shapes/shape-components'
import { ObjectReadout } from './ReadoutsPanel'
import { useEditor } from './use-editor'

/** The properties the object's kind has of its own, keyed by object so a new selection starts afresh. */
function Properties({ editor, object }: { editor: Editor; object: DesignObject }) {
  const { Inspector: Section } = componentsOf(object)
  return Section ? <Section editor={editor} object={object} /> : null
}

/** The selected object's properties and figures; several selected objects just say how many. */
export function Inspector({ editor }: { editor: Editor }) {
  const { selected, count } = useEditor(editor, (s) => ({
    selected: s.selection.length === 1 ? s.document.objects.find((o) => o.id === s.selection[0]) : undefined,
    count: s.selection.length,
  }))
  if (count === 0) return <p className="panel-hint">Select an object to see and change its properties.</p>
  if (!selected)
    return (
      <p className="panel-hint">{count} objects selected. Drag or nudge to move them together; Delete removes them.</p>
    )
  return (
    <section className="inspector" aria-label={`Properties of ${selected.name}`}>
      <p className="inspector__title">
        <span className="inspector__swatch" style={{ background: selected.colour }} /> {selected.name}
        {selected.locked && <span className="badge badge--muted">locked</span>}
      </p>
      <Properties key={selected.id} editor={editor} object={selected} />
      <div className="button-row">
        <button
          type="button"
          className="button button--small"
          title="Draw it above every other object"
          onClick={() => editor.run('Bring to front', (d) => reorderObject(d, selected.id, 'front'))}
        >
          Bring to front
        </button>
        <button
          type="button"
          className="button button--small"
          title="Draw it below every other object"
          onClick={() => editor.run('Send to back', (d) => reorderObject(d, selected.id, 'back'))}
        >
          Send to back
        </button>
      </div>
      <ObjectReadout editor={editor} id={selected.id} />
    </section>
  )
}
