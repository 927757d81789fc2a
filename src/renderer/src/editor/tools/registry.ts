import { calibrateTool } from './calibrate-tool'
import { hairlineTool } from './hairline-tool'
import { handTool } from './hand-tool'
import { landmarkTool } from './landmark-tool'
import { areaTool, distanceTool } from './measure-tools'
import { pinTool } from './pin-tool'
import { scarTool } from './scar-tool'
import { selectTool } from './select-tool'
import type { Tool } from './tool'
import type { ToolId } from './tool-ids'
import { zoneTool } from './zone-tool'

/** The tools an editor is handed unless it is given others. */
export const DEFAULT_TOOLS: Readonly<Record<ToolId, Tool>> = {
  select: selectTool,
  hand: handTool,
  hairline: hairlineTool,
  zone: zoneTool,
  scar: scarTool,
  landmark: landmarkTool,
  pin: pinTool,
  distance: distanceTool,
  area: areaTool,
  calibrate: calibrateTool,
}
