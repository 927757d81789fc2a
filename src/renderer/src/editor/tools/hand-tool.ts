import type { Tool } from './tool'

/** The hand: every press pans the photo. Space held or the middle button give it to any tool. */
export const handTool: Tool = {
  onPointerDown(editor, input) {
    editor.beginPan(input.screen)
    return true
  },
}
