import { DESIGN_LIMITS } from '../../../../shared/design/design-limits'
import { type DesignObject, SCAR_SHAPES, ZONE_ROLES } from '../../../../shared/design/design-types'
import { reorderObject } from '../../editor/commands'
import type { Editor } from '../../editor/editor'
import { NumberInput } from '../../ui/NumberInput'
import { ObjectReadout } from './ReadoutsPanel'
import { useEditor } from './use-editor'

function Row({ label, htmlFor, children }: { label: string; htmlFor: string; children: React.ReactNode }) {
  return (
    <div className="inspector__row">
      <label htmlFor={htmlFor}>{label}</label>
      {children}
    </div>
  )
}

function Properties({ editor, object }: { editor: Editor; object: DesignObject }) {
  const id = (field: string) => `inspector-${field}`
  const set = (field: string, value: unknown, label: string) =>
    editor.updateObject(object.id, { [field]: value }, label, `${field}:${object.id}`)
  switch (object.kind) {
    case 'zone':
      return (
        <>
          <Row label="Role" htmlFor={id('role')}>
            <select
              id={id('role')}
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
          <Row label="Target density" htmlFor={id('density')}>
            <NumberInput
              id={id('density')}
              value={object.density}
              min={DESIGN_LIMITS.density.min}
              max={DESIGN_LIMITS.density.max}
              step={5}
              unit="per cm²"
              onCommit={(v) => set('density', v, 'Change target density')}
            />
          </Row>
          <Row label="Edge softness" htmlFor={id('softness')}>
            <NumberInput
              id={id('softness')}
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
    case 'hairline':
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
          <Row label="Feather width" htmlFor={id('feather')}>
            <NumberInput
              id={id('feather')}
              value={object.featherMm}
              min={0}
              max={DESIGN_LIMITS.featherMm}
              step={0.5}
              unit="mm"
              onCommit={(v) => set('featherMm', v, 'Change feather width')}
            />
          </Row>
          <Row label="Edge" htmlFor={id('irregularity')}>
            <span className="inspector__range">
              <span>Sharp</span>
              <input
                id={id('irregularity')}
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
    case 'scar':
      return (
        <>
          <p className="inspector__fact">{SCAR_SHAPES.find((shape) => shape.value === object.shape)?.label}</p>
          {object.shape === 'strip' && (
            <Row label="Strip width" htmlFor={id('width')}>
              <NumberInput
                id={id('width')}
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
            <Row label="Dot diameter" htmlFor={id('dot')}>
              <NumberInput
                id={id('dot')}
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
    case 'pin':
      return <NoteField editor={editor} object={object} label="Note" />
    case 'landmark':
      return null
  }
}

function NoteField({
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
      <label className="field__label" htmlFor="inspector-note">
        {label}
      </label>
      <textarea
        id="inspector-note"
        className="textarea"
        rows={3}
        maxLength={DESIGN_LIMITS.note}
        value={object.note}
        onChange={(e) => editor.updateObject(object.id, { note: e.target.value }, 'Edit note', `note:${object.id}`)}
      />
    </div>
  )
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
