import { expect, it } from 'vitest'
import { drag, makeEditor, press, tapAll } from '../src/renderer/src/editor/testing'
import { SamplerPool } from '../src/renderer/src/features/simulation/sampler-pool'
import type { Point } from '../src/shared/geometry/point'
import { indexSessions, type LayerIndex } from '../src/shared/simulation/layer-index'
import type { ZoneSimulation } from '../src/shared/simulation/simulate'
import { BIG_EDIT_ZONE, benchScene, PHOTO, PX_PER_MM, SMALL_EDIT_ZONE } from './layers/scene'
import { referenceLoop } from './layers/trace'

/**
 * The sampling side of the layers benchmark's regeneration and zone edits, in Chromium as the
 * app runs it: the scene's five zones (500,000 dots) sampled by the dot worker's pool of two
 * sampling workers, then indexed per session as the dot worker does (here on the page), each
 * edit giving the zone's previous result so untouched units are copied. Also times the
 * editor's pointer path while a zone's vertex is dragged, to tell whether an edit's time is
 * spent there. Prints median / max and the reference loop; asserts only that the work was done.
 */

const REGEN_RUNS = 5
const EDIT_RUNS = 7

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
const figures = (xs: readonly number[]) => `median ${median(xs).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`

it('samples the layers scene and its zone edits with the sampling pool', async () => {
  const lines = [`reference loop ${referenceLoop().toFixed(1)} ms at the start (about 45 ms on a quiet machine)`]
  const pool = new SamplerPool()
  const results: ZoneSimulation[] = []
  let indexes: LayerIndex[] = []
  const sample = async (input: ReturnType<typeof benchScene>['input'], zoneIds: readonly string[]) => {
    const started = performance.now()
    const jobs = input.zones.flatMap((zone, i) =>
      zoneIds.includes(zone.id) ? [{ i, job: { zone, ...(results[i] && { previous: results[i] }) } }] : [],
    )
    const sampled = await pool.sample(
      input,
      jobs.map((j) => j.job),
    )
    jobs.forEach(({ i }, k) => {
      results[i] = sampled[k] as ZoneSimulation
    })
    const pooled = performance.now()
    indexes = indexSessions(input.sessions, results, indexes).indexes
    return { pool: pooled - started, index: performance.now() - pooled }
  }
  const all = benchScene().input.zones.map((zone) => zone.id)
  // The first sampling starts the workers and warms their code: not counted.
  await sample(benchScene('warm-up').input, all)
  const regen: { pool: number; index: number }[] = []
  for (let run = 1; run <= REGEN_RUNS; run++) regen.push(await sample(benchScene(`regenerate-${run}`).input, all))
  const dots = indexes.reduce((sum, index) => sum + index.x.length, 0)
  expect(dots).toBeGreaterThan(0.95 * 500_000)
  lines.push(
    `full regeneration (${dots.toLocaleString('en')} dots): sampling ${figures(regen.map((t) => t.pool))}; indexing ${figures(regen.map((t) => t.index))}; both ${figures(regen.map((t) => t.pool + t.index))}`,
  )
  const seed = `regenerate-${REGEN_RUNS}`
  for (const zoneId of [BIG_EDIT_ZONE, SMALL_EDIT_ZONE]) {
    const edits: { pool: number; index: number }[] = []
    for (let k = 0; k < EDIT_RUNS; k++)
      edits.push(await sample(benchScene(seed, { zoneId, px: k % 2 ? -40 : 40 }).input, [zoneId]))
    lines.push(
      `edit ${zoneId}: sampling ${figures(edits.map((t) => t.pool))}; indexing ${figures(edits.map((t) => t.index))}; both ${figures(edits.map((t) => t.pool + t.index))}`,
    )
  }
  pool.dispose()
  lines.push(`reference loop ${referenceLoop().toFixed(1)} ms at the end`)
  console.log(lines.join('\n'))
})

it("times the editor's pointer path while a zone's vertex is dragged", () => {
  // The scene's five zones of 72 points, drawn with the zone tool on its 6000 × 4000 photo.
  const editor = makeEditor({ tool: 'zone', image: PHOTO, pxPerMm: PX_PER_MM })
  const zones = benchScene().input.zones
  for (const zone of zones) {
    tapAll(
      editor,
      zone.polygon.map((point) => [point.x, point.y]),
    )
    press(editor, 'Enter')
  }
  expect(editor.getState().document.objects.filter((o) => o.kind === 'zone')).toHaveLength(5)
  editor.setTool('select')
  const vertex = { ...(zones[0]?.polygon[0] as Point) }
  const moves = 60
  const times: number[] = []
  for (let run = 0; run < 9; run++) {
    const dx = run % 2 ? -40 : 40
    const started = performance.now()
    drag(editor, [vertex.x, vertex.y], [vertex.x + dx, vertex.y], { steps: moves })
    times.push(performance.now() - started)
    vertex.x += dx
  }
  console.log(
    `pointer path: a ${moves}-move drag of a vertex of one of five 72-point zones (press, moves, release): ${figures(times)}; per move ${(median(times) / moves).toFixed(3)} ms`,
  )
})
