/** The design tools: they draw and edit the design's objects. */
export type DesignToolId = 'select' | 'hairline' | 'zone' | 'scar' | 'landmark' | 'pin'
/** The photo's own tools: the hand, and the ruler line and measurements drawn on the photo. */
export type PhotoToolId = 'hand' | 'distance' | 'area' | 'calibrate'
/** Every tool the editor holds. */
export type ToolId = DesignToolId | PhotoToolId

export const TOOL_IDS: readonly ToolId[] = [
  'select',
  'hand',
  'hairline',
  'zone',
  'scar',
  'landmark',
  'pin',
  'distance',
  'area',
  'calibrate',
]

export const isToolId = (value: unknown): value is ToolId => TOOL_IDS.includes(value as ToolId)

const DESIGN_TOOLS: readonly ToolId[] = ['select', 'hairline', 'zone', 'scar', 'landmark', 'pin']

/** Whether the tool draws the design, rather than on the photo itself. */
export const isDesignTool = (tool: ToolId): tool is DesignToolId => DESIGN_TOOLS.includes(tool)
