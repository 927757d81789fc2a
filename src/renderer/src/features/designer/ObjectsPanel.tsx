import { useState } from 'react'
import type { DesignObject } from '../../../../shared/design/design-types'
import type { Editor } from '../../editor/editor'
import { SHAPES, shapeOf } from '../../shapes/registry'
import { Icon } from '../../ui/icons'
import { useEditor } from './use-editor'

function NameCell({ editor, object }: { editor: Editor; object: DesignObject }) {
  const [editing, setEditing] = useState(false)
  if (editing)
    return (
      <input
        className="input objects-row__rename"
        aria-label={`Rename ${object.name}`}
        defaultValue={object.name}
        maxLength={80}
        // biome-ignore lint/a11y/noAutofocus: the field appears because the user asked to rename
        autoFocus
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur()
          if (event.key === 'Escape') setEditing(false)
        }}
        onBlur={(event) => {
          const name = event.currentTarget.value.trim()
          if (name && name !== object.name) editor.updateObject(object.id, { name }, `Rename ${object.name}`)
          setEditing(false)
        }}
      />
    )
  return (
    <button
      type="button"
      className="objects-row__name"
      title="Click to select, double-click to rename"
      onClick={(event) => {
        const { selection } = editor.getState()
        if (event.shiftKey)
          editor.select(
            selection.includes(object.id) ? selection.filter((id) => id !== object.id) : [...selection, object.id],
          )
        else editor.select([object.id])
      }}
      onDoubleClick={() => setEditing(true)}
    >
      {object.name || shapeOf(object).label}
    </button>
  )
}

/** Every object, grouped by kind, with show/hide, lock, colour and rename. */
export function ObjectsPanel({ editor }: { editor: Editor }) {
  const { objects, selection } = useEditor(editor, (s) => ({ objects: s.document.objects, selection: s.selection }))
  if (objects.length === 0)
    return (
      <p className="panel-hint">
        Nothing drawn yet. Pick a tool above: L for the hairline, Z for a zone, S for a scar.
      </p>
    )
  return (
    <div className="objects-panel">
      {Object.values(SHAPES).map(({ kind, plural }) => {
        const group = objects.filter((o) => o.kind === kind)
        if (group.length === 0) return null
        return (
          <section key={kind} aria-label={plural} className="objects-group">
            <h2 className="objects-group__title">
              {plural} <span className="objects-group__count">{group.length}</span>
            </h2>
            <ul className="objects-list">
              {group.map((object) => (
                <li key={object.id} className="objects-row" data-selected={selection.includes(object.id)}>
                  <button
                    type="button"
                    className="icon-toggle"
                    aria-pressed={!object.hidden}
                    aria-label={`${object.hidden ? 'Show' : 'Hide'} ${object.name}`}
                    title={object.hidden ? 'Hidden: click to show' : 'Visible: click to hide'}
                    onClick={() =>
                      editor.updateObject(
                        object.id,
                        { hidden: !object.hidden },
                        `${object.hidden ? 'Show' : 'Hide'} ${object.name}`,
                      )
                    }
                  >
                    <Icon name={object.hidden ? 'eyeOff' : 'eye'} />
                  </button>
                  <button
                    type="button"
                    className="icon-toggle"
                    aria-pressed={object.locked}
                    aria-label={`${object.locked ? 'Unlock' : 'Lock'} ${object.name}`}
                    title={object.locked ? 'Locked: click to unlock' : 'Unlocked: click to lock'}
                    onClick={() =>
                      editor.updateObject(
                        object.id,
                        { locked: !object.locked },
                        `${object.locked ? 'Unlock' : 'Lock'} ${object.name}`,
                      )
                    }
                  >
                    <Icon name={object.locked ? 'lock' : 'unlock'} />
                  </button>
                  <input
                    type="color"
                    className="objects-row__colour"
                    aria-label={`Colour of ${object.name}`}
                    value={object.colour}
                    onChange={(event) =>
                      editor.updateObject(
                        object.id,
                        { colour: event.target.value },
                        `Colour ${object.name}`,
                        `colour:${object.id}`,
                      )
                    }
                  />
                  <NameCell editor={editor} object={object} />
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </div>
  )
}
