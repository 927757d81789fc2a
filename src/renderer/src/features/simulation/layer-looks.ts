import { type DotLook, HEALED_LOOK } from '../../../../shared/simulation/dot-coverage'
import type { LayerIndex } from '../../../../shared/simulation/layer-index'
import type { LayerStyle } from '../../../../shared/simulation/rasterize'

/**
 * A layer's style with a look per zone: on a session's day each zone's dots are as much larger
 * than healed as the fresh impression of the needle used on that zone (its own or the
 * session's) is. The rasteriser takes one look per layer, so a layer whose zones differ is drawn
 * in passes, one per look, each with the other zones' ink at zero (a dot without ink is skipped).
 */
export interface ZonedLayerStyle extends LayerStyle {
  /** Per zone index, its dots' look; `look` then only names the session's own. */
  zoneLooks?: readonly DotLook[]
}

const lookKey = (look: DotLook) => `${look.scale},${look.edge},${look.darken}`

/** The rasteriser's styles and indexes for `styles`: each layer as it is, or split into one pass per distinct zone look. */
export function drawPasses(
  styles: readonly ZonedLayerStyle[],
  indexes: readonly LayerIndex[],
): { styles: LayerStyle[]; indexes: LayerIndex[] } {
  const passStyles: LayerStyle[] = []
  const passIndexes: LayerIndex[] = []
  indexes.forEach((index, l) => {
    const style = styles[l]
    // A layer without a style draws nothing.
    if (!style) return
    const zoneLooks = style.zoneLooks
    if (!zoneLooks) {
      passStyles.push(style)
      passIndexes.push(index)
      return
    }
    const zones = style.zoneColours.length / 4
    const groups = new Map<string, { look: DotLook; zones: number[] }>()
    for (let z = 0; z < zones; z++) {
      const look = zoneLooks[z] ?? style.look ?? HEALED_LOOK
      const key = lookKey(look)
      const group = groups.get(key) ?? { look, zones: [] }
      group.zones.push(z)
      groups.set(key, group)
    }
    if (groups.size === 1) {
      const [only] = groups.values()
      passStyles.push({ ...style, look: only?.look ?? HEALED_LOOK })
      passIndexes.push(index)
      return
    }
    for (const group of groups.values()) {
      const zoneColours = new Float32Array(style.zoneColours.length)
      for (const z of group.zones) zoneColours.set(style.zoneColours.subarray(4 * z, 4 * z + 4), 4 * z)
      passStyles.push({ visible: style.visible, opacity: style.opacity, zoneColours, look: group.look })
      passIndexes.push(index)
    }
  })
  return { styles: passStyles, indexes: passIndexes }
}
