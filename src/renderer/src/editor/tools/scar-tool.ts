import type { ScarObject } from '../../../../shared/design/design-types'
import { isClosedOutline } from '../../../../shared/design/point-rules'
import { distance } from '../../../../shared/geometry/point'
import { newScar } from '../../shapes/scar/scar-shape'
import { addObject, setPoints } from '../commands'
import type { Editor } from '../editor'
import { type OutlineSpec, outlineDrawing } from './outline-drawing'
import type { PointerInput, Tool } from './tool'

const outline = (editor: Editor): OutlineSpec => {
  const shape = editor.getState().options.scarShape
  return {
    closed: isClosedOutline({ kind: 'scar', shape }),
    label: shape === 'polygon' ? 'Draw scar area' : 'Draw strip scar',
    create: (document, points) => newScar(document, points, shape, editor.defaults),
  }
}

/** The selected FUE cluster, which further clicks add dots to. */
function selectedCluster(editor: Editor): ScarObject | undefined {
  const { document, selection } = editor.getState()
  if (selection.length !== 1) return undefined
  const object = document.objects.find((o) => o.id === selection[0])
  return object?.kind === 'scar' && object.shape === 'dots' && !object.locked ? object : undefined
}

/**
 * FUE dot scars: each click is a dot and its own undo step. The first click starts a cluster
 * and selects it; later clicks add to the selected cluster, Alt-click removes a dot, and
 * Escape (deselect) lets the next click start a new cluster.
 */
function clickDot(editor: Editor, input: PointerInput): void {
  const cluster = selectedCluster(editor)
  const at = editor.clampToImage(input.point)
  // Alt-click only ever removes a dot.
  if (input.alt && !cluster) return
  if (!cluster) {
    const scar = newScar(editor.getState().document, [at], 'dots', editor.defaults)
    editor.run('Add FUE scar', (d) => addObject(d, scar))
    editor.select([scar.id])
    return
  }
  const near = cluster.points.findIndex((p) => distance(p, input.point) <= input.tolerance)
  if (input.alt) {
    if (near >= 0) editor.deletePoint(cluster.id, near)
    return
  }
  if (near >= 0) return
  editor.run('Add FUE scar', (d) => setPoints(d, cluster.id, [...cluster.points, at]))
}

/** Scars: a FUT strip (a line with a width), an outline, or a cluster of FUE dots, by the tool option. */
export const scarTool: Tool = {
  onClick(editor, input) {
    if (editor.getState().options.scarShape === 'dots') clickDot(editor, input)
    else outlineDrawing.click(editor, input, outline(editor))
  },
  onDoubleClick(editor) {
    if (editor.getState().options.scarShape !== 'dots') outlineDrawing.finish(editor, outline(editor))
  },
  onEnter(editor) {
    if (editor.getState().options.scarShape === 'dots') editor.select([])
    else outlineDrawing.finish(editor, outline(editor))
  },
  onBackspace: (editor) => outlineDrawing.backspace(editor),
}
