import type { DesignDocument, LandmarkRole, ScarShape, ZoneRole } from '../../../shared/design/design-types'
import type { Point } from '../../../shared/geometry/point'
import type { History } from './history'
import type { PhotoMeasures } from './measures'
import type { ToolState } from './tools/tool'
import type { ToolId } from './tools/tool-ids'

/** Screen pixels around a point or line that count as on it, whatever the zoom. */
export const HIT_PX = 8

export interface ToolOptions {
  zoneRole: ZoneRole
  scarShape: ScarShape
  landmarkRole: LandmarkRole
  /** Draw new hairlines as one half mirrored about the midline. */
  mirror: boolean
}

export const DEFAULT_OPTIONS: ToolOptions = {
  zoneRole: 'frontal',
  scarShape: 'strip',
  landmarkRole: 'midline',
  mirror: true,
}

/** What one undo step takes back: the design and the photo's measures together. */
export interface Snapshot {
  document: DesignDocument
  measures: PhotoMeasures
}

export interface EditorState {
  document: DesignDocument
  measures: PhotoMeasures
  history: History<Snapshot>
  /** Selected object ids; selection never enters the undo history. */
  selection: string[]
  /** The control point last clicked, which Delete removes. */
  activePoint: { id: string; index: number } | null
  tool: ToolId
  toolState: ToolState
  /** Space held: the hand for as long as it is down, whatever the tool, as in every image editor. */
  spaceHeld: boolean
  /** Where the pointer is while the points being drawn follow it. */
  pointer: Point | null
  options: ToolOptions
  /** A short message about the last thing refused, shown until the next action. */
  notice: string | null
  /** The calibration's scale, kept beside it since most readouts need only this. */
  pxPerMm: number | null
}
