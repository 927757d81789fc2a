import type { ToolId } from '../../editor/tools/tool-ids'

/** The status bar's line for each tool: what a click does, and the keys that go with it. */
export const TOOL_HINTS: Record<ToolId, string> = {
  select: 'Click to select, Shift-click to add, drag a box to select several. Drag to move; arrows nudge.',
  hand: 'Drag to pan. Space+drag pans with any tool.',
  hairline:
    'Click points along the hairline (or press . over the photo); Enter or double-click finishes. Drag a point to move it, click the curve to add one, Alt-click to delete.',
  zone: 'Click the corners; click the first one, double-click or press Enter to close. Backspace takes one back; . places a corner at the pointer.',
  scar: 'Strip: click along the scar, Enter finishes. Area: click the corners. FUE: click each dot, Esc starts a new cluster.',
  landmark: 'Click to place the chosen landmark; the midline takes two clicks.',
  pin: 'Click to drop a note pin, then type its note in the panel.',
  calibrate:
    'Click both ends of a ruler or sticker of known size, or drag from one end to the other; then type its length.',
  distance: 'Click two points to measure between them.',
  area: 'Click the corners; click the first one, double-click or press Enter to close.',
}
