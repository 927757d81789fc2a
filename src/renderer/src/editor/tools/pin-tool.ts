import { newPin } from '../../shapes/pin/pin-shape'
import { addObject } from '../commands'
import type { Tool } from './tool'

/** Pins: a click drops a note pin and selects it, so its note can be typed at once. */
export const pinTool: Tool = {
  onClick(editor, input) {
    const pin = newPin(editor.getState().document, editor.clampToImage(input.point))
    editor.run('Add pin', (d) => addObject(d, pin))
    editor.select([pin.id])
  },
}
