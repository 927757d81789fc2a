import { isClosedOutline } from '../../../../shared/design/point-rules'
import { newZone } from '../../shapes/zone/zone-shape'
import type { Editor } from '../editor'
import { type OutlineSpec, outlineDrawing } from './outline-drawing'
import type { Tool } from './tool'

const zone = (editor: Editor): OutlineSpec => ({
  closed: isClosedOutline({ kind: 'zone' }),
  label: 'Draw zone',
  create: (document, points) => newZone(document, points, editor.getState().options.zoneRole, editor.defaults),
})

/** Density zones: an outline with the role picked in the tool options. */
export const zoneTool: Tool = {
  onClick: (editor, input) => outlineDrawing.click(editor, input, zone(editor)),
  onDoubleClick: (editor) => outlineDrawing.finish(editor, zone(editor)),
  onEnter: (editor) => outlineDrawing.finish(editor, zone(editor)),
  onBackspace: (editor) => outlineDrawing.backspace(editor),
}
