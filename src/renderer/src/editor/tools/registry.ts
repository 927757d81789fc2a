import { hairlineTool } from './hairline-tool'
import { landmarkTool } from './landmark-tool'
import { pinTool } from './pin-tool'
import { scarTool } from './scar-tool'
import { selectTool } from './select-tool'
import type { DesignToolId, Tool } from './tool'
import { zoneTool } from './zone-tool'

export const TOOLS: Record<DesignToolId, Tool> = {
  select: selectTool,
  hairline: hairlineTool,
  zone: zoneTool,
  scar: scarTool,
  landmark: landmarkTool,
  pin: pinTool,
}
