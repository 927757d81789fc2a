import { LANDMARK_ROLES, type LandmarkRole } from '../../../../shared/design/design-types'
import { landmarkOf } from '../../../../shared/design/landmarks'
import type { Point } from '../../../../shared/geometry/point'
import { newLandmark } from '../../shapes/landmark/landmark-shape'
import { addObject, setPoints } from '../commands'
import type { Editor } from '../editor'
import { addDrawingPoint, drawingPoints, takeBackPoint } from './drawing'
import type { Tool } from './tool'

/**
 * Landmarks: the midline is two clicks, every other landmark one. Placing a landmark that
 * exists moves it (each is unique); the tool then moves on to the next one not yet placed.
 */
export const landmarkTool: Tool = {
  onClick(editor, input) {
    const role = editor.getState().options.landmarkRole
    if (role !== 'midline') {
      place(editor, role, [editor.clampToImage(input.point)])
      return
    }
    if (addDrawingPoint(editor, input, false) !== 'added') return
    const points = drawingPoints(editor)
    if (points.length === 2) {
      editor.setToolState({ name: 'idle' })
      place(editor, 'midline', points)
    }
  },
  onBackspace: takeBackPoint,
}

function place(editor: Editor, role: LandmarkRole, points: Point[]): void {
  const { document } = editor.getState()
  const existing = landmarkOf(document, role)
  const label = LANDMARK_ROLES.find((r) => r.value === role)?.label ?? role
  if (existing) editor.run(`Move ${label.toLowerCase()}`, (d) => setPoints(d, existing.id, points))
  else {
    const landmark = newLandmark(document, points, role)
    editor.run(`Place ${label.toLowerCase()}`, (d) => addObject(d, landmark))
  }
  const placed = editor.getState().document
  const next = LANDMARK_ROLES.find((r) => !landmarkOf(placed, r.value))
  if (next) editor.setOption('landmarkRole', next.value)
}
