import { describe, expect, it } from 'vitest'
import { indexSessions, type LayerIndex } from '../../../../shared/simulation/layer-index'
import { rasterize } from '../../../../shared/simulation/rasterize'
import { assembleLayers, type SimInput, simulateZone } from '../../../../shared/simulation/simulate'
import { indexFields, twoZoneScene } from '../../../../shared/simulation/simulation-test-fixtures'
import { packIndexes, type SceneIndexes, unpackIndexes } from './stored-indexes'

const INPUT: SimInput = twoZoneScene('stored-indexes')
const results = INPUT.zones.map((zone) => simulateZone(zone, INPUT.sessions, INPUT.seedKey, INPUT.jitter))

function built(): SceneIndexes {
  const { layers, indexes } = indexSessions(INPUT.sessions, results)
  return { layers, indexes, bytes: 12345 }
}

describe('a scene’s drawing indexes as the dot cache stores them', () => {
  it('reads back the indexes it was given, field for field, and draws the same pixels', async () => {
    const scene = built()
    // An odd count in some index, so a zone array's padding is read past.
    expect(scene.indexes.some((index) => index.x.length % 2 === 1)).toBe(true)
    const read = await unpackIndexes(packIndexes(scene))
    expect(read).not.toBeNull()
    expect(read?.bytes).toBe(12345)
    expect(read?.layers).toEqual(scene.layers)
    scene.indexes.forEach((want, l) => {
      const got = read?.indexes[l] as LayerIndex
      expect(indexFields(got)).toEqual(indexFields(want))
    })
    const draw = (indexes: readonly LayerIndex[]) => {
      const target = { originX: 0, originY: 0, scale: 0.75, width: 640, height: 560, data: new Uint8ClampedArray(0) }
      target.data = new Uint8ClampedArray(target.width * target.height * 4)
      const styles = INPUT.sessions.map(() => ({
        visible: true,
        opacity: 0.8,
        zoneColours: Float32Array.from([0.2, 0.1, 0.1, 1, 0.1, 0.1, 0.3, 0.7]),
      }))
      rasterize(target, assembleLayers(INPUT.sessions, results), styles, indexes)
      return target.data
    }
    const fresh = draw(scene.indexes)
    expect(fresh.some((v) => v < 255)).toBe(true)
    expect(draw(read?.indexes ?? [])).toEqual(fresh)
  })

  it('copies the indexes as it packs them: writing over their buffers after changes nothing stored', async () => {
    const scene = built()
    const packed = packIndexes(scene)
    const x = Array.from(scene.indexes[1]?.x ?? [])
    scene.indexes[1]?.x.fill(0)
    expect(Array.from((await unpackIndexes(packed))?.indexes[1]?.x ?? [])).toEqual(x)
  })

  it('treats anything not whole as a miss', async () => {
    const packed = packIndexes(built())
    const grids = packed.grids
    const spoiled: unknown[] = [
      null,
      'indexes',
      { ...packed, arrays: packed.arrays.slice(0, packed.arrays.size - 4) },
      { ...packed, grids: grids.slice(1) },
      { ...packed, grids: grids.map((g, l) => (l === 1 ? { ...g, count: g.count + 2 } : g)) },
      { ...packed, grids: grids.map((g, l) => (l === 1 ? { ...g, rows: g.rows + 1 } : g)) },
      { ...packed, layers: packed.layers.map((layer) => ({ ...layer, zoneCounts: [1, 2] })) },
      { ...packed, arrays: new Blob([new Uint8Array(packed.arrays.size)]) },
      { ...packed, bytes: -1 },
    ]
    for (const [k, stored] of spoiled.entries()) expect([k, await unpackIndexes(stored)]).toEqual([k, null])
  })
})
