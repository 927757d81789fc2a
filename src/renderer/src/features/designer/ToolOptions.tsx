import { LANDMARK_ROLES, SCAR_SHAPES, ZONE_ROLES } from '../../../../shared/design/design-types'
import { HAIRLINE_PRESETS } from '../../../../shared/design/hairline-presets'
import type { Editor } from '../../editor/editor'
import { useCanvas } from '../canvas/use-canvas'
import { useEditor } from './use-editor'

/** The active tool's options, in a strip under the toolbar, as in Photoshop's options bar. */
export function ToolOptions({ editor }: { editor: Editor }) {
  const tool = useCanvas(editor.canvas, (s) => ({ tool: s.tool })).tool
  const { options, hasMidline } = useEditor(editor, (s) => ({
    options: s.options,
    hasMidline: s.document.objects.some((o) => o.kind === 'landmark' && o.role === 'midline'),
  }))
  if (tool === 'hairline')
    return (
      <section className="tool-options" aria-label="Hairline options">
        <label className="tool-options__check">
          <input
            type="checkbox"
            checked={options.mirror}
            onChange={(e) => editor.setOption('mirror', e.target.checked)}
          />
          Mirror about the midline
        </label>
        {!hasMidline && <span className="tool-options__hint">Place the midline (landmark tool, K) to mirror.</span>}
        <span className="tool-options__label">Start from a preset:</span>
        {HAIRLINE_PRESETS.map((preset) => (
          <button
            key={preset.value}
            type="button"
            className="button button--small"
            onClick={() => editor.applyPreset(preset.value)}
          >
            {preset.label}
          </button>
        ))}
      </section>
    )
  if (tool === 'zone')
    return (
      <section className="tool-options" aria-label="Zone options">
        <label className="tool-options__label">
          New zone role{' '}
          <select
            value={options.zoneRole}
            onChange={(e) => editor.setOption('zoneRole', e.target.value as typeof options.zoneRole)}
          >
            {ZONE_ROLES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
      </section>
    )
  if (tool === 'scar')
    return (
      <section className="tool-options" aria-label="Scar options">
        <label className="tool-options__label">
          Scar shape{' '}
          <select
            value={options.scarShape}
            onChange={(e) => editor.setOption('scarShape', e.target.value as typeof options.scarShape)}
          >
            {SCAR_SHAPES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
      </section>
    )
  if (tool === 'landmark')
    return (
      <section className="tool-options" aria-label="Landmark options">
        <label className="tool-options__label">
          Place{' '}
          <select
            value={options.landmarkRole}
            onChange={(e) => editor.setOption('landmarkRole', e.target.value as typeof options.landmarkRole)}
          >
            {LANDMARK_ROLES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
      </section>
    )
  // An empty strip for tools without options, so switching tools never resizes the stage and
  // moves the photo under the pointer.
  return <div className="tool-options" aria-hidden="true" />
}
