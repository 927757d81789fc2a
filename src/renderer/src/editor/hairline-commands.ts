import { setHairlineMirror } from '../../../shared/design/hairline'
import type { HairlinePreset } from '../../../shared/design/hairline-presets'
import { midlineOf } from '../../../shared/design/landmarks'
import type { Point } from '../../../shared/geometry/point'
import { newHairline, presetHairline } from '../shapes/hairline/hairline-shape'
import { addObject, updateObject } from './commands'
import type { Editor } from './editor'

/** Commands on hairlines as a whole: the presets and the mirror. */
export const hairlineCommands = {
  setMirror(editor: Editor, id: string, mirror: boolean): void {
    const { document } = editor.getState()
    const hairline = document.objects.find((o) => o.id === id)
    if (hairline?.kind !== 'hairline') return
    const points = setHairlineMirror(hairline, midlineOf(document), mirror)
    editor.run(mirror ? 'Mirror hairline' : 'Unmirror hairline', (d) => updateObject(d, id, { mirror, points }))
  },

  /**
   * Places a preset hairline, mirrored, sized by the calibration and the user's settings and
   * placed from the glabella. With a hairline selected the preset replaces its points (trying
   * presets in turn leaves one hairline); otherwise it adds one. Without a midline it places one
   * down the middle of the photo first, in the same undo step.
   */
  applyPreset(editor: Editor, preset: HairlinePreset): void {
    const { document, selection, pxPerMm } = editor.getState()
    const selected = document.objects.find((o) => selection.length === 1 && o.id === selection[0])
    const replacing = selected?.kind === 'hairline' ? selected : null
    if (replacing?.locked) {
      editor.setNotice(`${replacing.name} is locked; unlock it to replace it with a preset.`)
      return
    }
    const { defaults } = editor
    const placement = { image: editor.image, pxPerMm, defaults, clamp: (p: Point) => editor.clampToImage(p) }
    editor.run(replacing ? 'Replace hairline with preset' : 'Add hairline preset', (before) => {
      const placed = presetHairline(before, preset, placement)
      const next = placed.midline ? addObject(before, placed.midline) : before
      const hairline = replacing ?? newHairline(next, placed.points, true, defaults)
      editor.store.setState({
        selection: [hairline.id],
        notice: placed.cut
          ? 'Part of the preset lies beyond the photo and is held at its edge; drag the points to adjust.'
          : null,
      })
      return replacing
        ? updateObject(next, replacing.id, { points: placed.points, mirror: true })
        : addObject(next, hairline)
    })
  },
}
