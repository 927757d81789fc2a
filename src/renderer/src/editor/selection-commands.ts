import { pointRemovalProblem, shapeOf } from '../shapes/registry'
import { clampDelta, moveObjects, removeObjects, setPoints } from './commands'
import type { Editor } from './editor'

/** Commands on the selected objects and points: select, delete, nudge. */
export const selectionCommands = {
  select(editor: Editor, ids: readonly string[]): void {
    const { activePoint } = editor.getState()
    editor.store.setState({
      selection: [...ids],
      activePoint: activePoint && ids.includes(activePoint.id) ? activePoint : null,
    })
  },

  selectAll(editor: Editor): void {
    editor.select(
      editor
        .getState()
        .document.objects.filter((o) => !o.hidden && !o.locked)
        .map((o) => o.id),
    )
  },

  /**
   * The active point when one is picked, else the selected objects that are not locked; a zone
   * the plan treats (`treatedZones`: id → the sessions named) is refused with a notice.
   */
  deleteSelection(editor: Editor, treatedZones: ReadonlyMap<string, string>): void {
    editor.setNotice(null)
    const { activePoint, selection, document } = editor.getState()
    if (activePoint && selection.includes(activePoint.id)) {
      editor.deletePoint(activePoint.id, activePoint.index)
      return
    }
    const ids = document.objects.filter((o) => selection.includes(o.id) && !o.locked).map((o) => o.id)
    if (ids.length === 0) return
    const treated = document.objects.find((o) => ids.includes(o.id) && treatedZones.has(o.id))
    if (treated) {
      editor.setNotice(
        `${treated.name} is treated in ${treatedZones.get(treated.id)}; take it out of those sessions in the plan before deleting it.`,
      )
      return
    }
    editor.run(ids.length === 1 ? 'Delete object' : `Delete ${ids.length} objects`, (d) => removeObjects(d, ids))
  },

  /** Removes one control point (by its drawn index), as long as what is left is still a valid shape. */
  deletePoint(editor: Editor, id: string, drawnIndex: number): void {
    const { document } = editor.getState()
    const object = document.objects.find((o) => o.id === id)
    if (!object || object.locked) return
    editor.setActivePoint(null)
    const shape = shapeOf(object)
    if (shape.deletedWithPoint) {
      editor.run(`Delete ${object.name}`, (d) => removeObjects(d, [id]))
      return
    }
    const index = shape.handles(object, document)[drawnIndex]?.source.index ?? -1
    if (index < 0) return
    const points = object.points.filter((_, i) => i !== index)
    const problem = pointRemovalProblem(object, points)
    if (problem) {
      editor.setNotice(problem)
      return
    }
    editor.run('Delete point', (d) => setPoints(d, id, points))
  },

  /** Moves the selection by a distance in image pixels (the arrow keys), held inside the photo. */
  nudge(editor: Editor, dx: number, dy: number): void {
    const { selection, document } = editor.getState()
    if (selection.length === 0) return
    const clamped = clampDelta(document, selection, dx, dy, editor.image)
    editor.run(
      'Nudge',
      (d) => moveObjects(d, selection, clamped.dx, clamped.dy, editor.image),
      `nudge:${selection.join(',')}`,
    )
  },
}
