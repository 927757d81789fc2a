import type { CanvasStore } from './canvas-store'
import type { ToolId } from './measure-tool'
import { useCanvas } from './use-canvas'

const TOOLS: { id: ToolId; label: string; key: string; hint: string }[] = [
  { id: 'hand', label: 'Hand', key: 'H', hint: 'Drag to pan. Space+drag pans with any tool.' },
  { id: 'calibrate', label: 'Calibrate', key: 'C', hint: 'Click both ends of a ruler or sticker of known size.' },
  { id: 'distance', label: 'Distance', key: 'M', hint: 'Click two points to measure between them.' },
  {
    id: 'area',
    label: 'Area',
    key: 'A',
    hint: 'Click the corners; click the first one, double-click or press Enter to close.',
  },
]

export function toolHint(tool: ToolId): string {
  return TOOLS.find((t) => t.id === tool)?.hint ?? ''
}

/** Tool buttons and zoom controls for the photo view; every one also has a key. */
export function CanvasToolbar({ store }: { store: CanvasStore }) {
  const { tool, scale } = useCanvas(store, (s) => ({ tool: s.tool, scale: s.viewport.scale }))
  const actions = store.getState()
  return (
    <div className="canvas-toolbar">
      <fieldset className="canvas-toolbar__group">
        <legend className="visually-hidden">Tool</legend>
        {TOOLS.map((t) => (
          <button
            key={t.id}
            type="button"
            aria-pressed={tool === t.id}
            className="tool-button"
            title={`${t.label} (${t.key}) — ${t.hint}`}
            onClick={() => actions.setTool(t.id)}
          >
            {t.label} <kbd>{t.key}</kbd>
          </button>
        ))}
      </fieldset>
      <fieldset className="canvas-toolbar__group">
        <legend className="visually-hidden">Zoom</legend>
        <button
          type="button"
          className="tool-button"
          title="Zoom out (-)"
          aria-label="Zoom out"
          onClick={() => actions.zoomStep(-1)}
        >
          −
        </button>
        <output className="canvas-toolbar__zoom" aria-label="Zoom level">
          {Math.round(scale * 100)} %
        </output>
        <button
          type="button"
          className="tool-button"
          title="Zoom in (+)"
          aria-label="Zoom in"
          onClick={() => actions.zoomStep(1)}
        >
          +
        </button>
        <button type="button" className="tool-button" title="Fit the photo (0)" onClick={actions.fit}>
          Fit <kbd>0</kbd>
        </button>
        <button type="button" className="tool-button" title="Actual pixels (1)" onClick={actions.actualSize}>
          100 % <kbd>1</kbd>
        </button>
      </fieldset>
    </div>
  )
}
