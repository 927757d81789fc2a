import { LANDMARK_ROLES, SCAR_SHAPES, ZONE_ROLES } from '../../../../shared/design/design-types'
import { HAIRLINE_PRESETS } from '../../../../shared/design/hairline-presets'
import type { Editor } from '../../editor/editor'
import type { ToolOptions as ToolOptionsType } from '../../editor/editor-state'
import { ofKind } from '../../shapes/registry'
import { useEditor } from './use-editor'

/** The one choice each drawing tool offers: what the next zone, scar or landmark will be. */
const CHOICES = {
  zone: { region: 'Zone options', label: 'New zone role', option: 'zoneRole', values: ZONE_ROLES },
  scar: { region: 'Scar options', label: 'Scar shape', option: 'scarShape', values: SCAR_SHAPES },
  landmark: { region: 'Landmark options', label: 'Place', option: 'landmarkRole', values: LANDMARK_ROLES },
} as const satisfies Record<string, { option: 'zoneRole' | 'scarShape' | 'landmarkRole' } & Record<string, unknown>>

/** The active tool's options, in a strip under the toolbar, as in Photoshop's options bar. */
export function ToolOptions({ editor }: { editor: Editor }) {
  const tool = useEditor(editor, (s) => s.tool)
  const { options, hasMidline, selectedHairline } = useEditor(editor, (s) => ({
    options: s.options,
    hasMidline: s.document.objects.some((o) => o.kind === 'landmark' && o.role === 'midline'),
    // A preset replaces the one hairline selected, so trying presets in turn leaves one hairline.
    selectedHairline:
      s.selection.length === 1
        ? ofKind(s.document.objects, 'hairline').find((o) => o.id === s.selection[0])?.name
        : undefined,
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
        <span className="tool-options__label">
          {selectedHairline ? `Replace ${selectedHairline} with a preset:` : 'Start from a preset:'}
        </span>
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
  const choice = CHOICES[tool as keyof typeof CHOICES]
  if (choice)
    return (
      <section className="tool-options" aria-label={choice.region}>
        <label className="tool-options__label">
          {choice.label}{' '}
          <select
            value={options[choice.option]}
            onChange={(e) => editor.setOption(choice.option, e.target.value as ToolOptionsType[typeof choice.option])}
          >
            {choice.values.map((r) => (
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
