import type { DesignDocument, DesignObject } from '../../../shared/design/design-types'
import type { PointSource } from '../../../shared/design/hairline'
import type { HeightSettings } from '../../../shared/design/readouts'
import type { Point } from '../../../shared/geometry/point'
import type { Bounds } from '../../../shared/geometry/polygon'
import type { DesignZoneFigures } from '../../../shared/plan/zone-figures'

/** One line of an object's figures: a label and its value, as the inspector and the figures panel show them. */
export interface Figure {
  /** Null for a line that only qualifies the figure above it (a warning). */
  label: string | null
  value: string
  /** Shown after the value, muted: the same figure another way. */
  detail?: string
  /** `muted`: the value says why there is no figure yet; `warning`: a reason to look again. */
  tone?: 'muted' | 'warning'
  /** What the figure means, on hover. */
  explanation?: string
}

/** A control point as drawn, and the stored point dragging it moves. */
export interface Handle {
  point: Point
  source: PointSource
}

/** What a kind's figures are computed from besides the object. */
export interface FigureContext {
  document: DesignDocument
  /** The calibration's px per mm, or null on an uncalibrated photo. */
  pxPerMm: number | null
  settings: HeightSettings
  /** The zones as the plan counts them, counted off the UI thread; null or absent until counted. */
  zoneFigures?: DesignZoneFigures | null
}

/**
 * Everything the editor and the app know about one kind of design object, in one place (as
 * tldraw's ShapeUtil): its name, its point rules, how it is hit, its bounds, where its label sits
 * and the figures it shows. Plain TypeScript, so the editor can import it; the kind's drawing and
 * inspector components sit beside it (`shape-components.tsx`). Its stored form is in `src/shared/design`.
 */
export interface ShapeDefinition<O extends DesignObject = DesignObject> {
  readonly kind: O['kind']
  /** What one is called, and several, as the objects panel and the history name them. */
  readonly label: string
  readonly plural: string
  /** Picked before the areas it lies on: a point or a line over a zone. */
  readonly pickedFirst: boolean
  /** Deleting one of its points deletes it: the object is its point (a landmark, a pin). */
  readonly deletedWithPoint: boolean
  /** Whether its points are a closed outline, which must not cross itself. */
  isClosed(object: O): boolean
  /** The fewest points it keeps when one is deleted. */
  minimumPoints(object: O): number
  /** Why its points cannot stay as an edit left them, or null when they can. */
  pointsProblem(object: O): string | null
  /** Its handles in drawn order, each with the stored point it moves (a mirrored hairline shows both halves). */
  handles(object: O, document: DesignDocument): Handle[]
  /** The line or outline it is hit, bounded and measured by, in image pixels. */
  outline(object: O, document: DesignDocument): Point[]
  /** Whether `p` is on it; `tolerance` is a few screen pixels in image pixels. */
  hitTest(object: O, document: DesignDocument, p: Point, tolerance: number, pxPerMm: number | null): boolean
  bounds(object: O, document: DesignDocument): Bounds | null
  /** Where its name and figures are written over the photo, or null when they are not. */
  labelAnchor(object: O): Point | null
  figures(object: O, context: FigureContext): Figure[]
}
