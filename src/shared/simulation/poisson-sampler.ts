import { chunkLayout, type Unit, unitFieldHash } from './chunk-layout'
import type { DensityField } from './density-field'
import { hashString } from './prng'
import { releaseUnits, sampleUnit, stageRadius, type UnitDots, unitRoom } from './unit-sampler'

export { PACKING, stageRadius } from './unit-sampler'

/**
 * Progressive blue noise: each stage adds dots between the ones already placed, with a smaller
 * minimum spacing, until the stage's cumulative density is reached.
 *
 * Darts are thrown in uniformly random order over the field's support (not grown from a front
 * as in Bridson's method, which stopped early leaves a blob instead of an even sparse layer).
 * A dart at (x, y) is kept with probability w(x, y) and only if no dot so far lies within the
 * stage's radius r = sqrt(k / density), or more where w < 1. Random sequential adsorption jams
 * at ρr² ≈ 0.70 (disc coverage 0.547); k = 0.47 leaves room to reach every target while keeping
 * the spacing visibly even. A stage's dots depend only on the stages before it and the seed: a
 * later session's change never moves an earlier session's dots.
 *
 * The zone is sampled in units (`chunk-layout.ts`, where the scheme is explained), each with its
 * own seed and target, `sampleUnit` doing the darts. Given the previous sampling of the zone,
 * units whose key is unchanged are copied from it instead of sampled again. Dots come out stage
 * by stage, each stage's units in layout order.
 */

export interface ProgressiveOptions {
  field: DensityField
  /** Cumulative densities, dots per px², one per stage, increasing. */
  stages: readonly number[]
  seed: number
  /** The previous result for this zone: its unchanged units are reused rather than sampled. */
  previous?: ProgressiveSamples
  /** Arrays the caller gives up (a previous result's): x and y are written into them where they have room. */
  spare?: { x: Float32Array; y: Float32Array }
}

export interface ProgressiveSamples {
  x: Float32Array
  y: Float32Array
  /** Dots of stage i are indices stageEnds[i − 1] (0 for the first) to stageEnds[i]. */
  stageEnds: Int32Array
  /** The dot count each stage aimed for: the sum of its units' round(density × ∫ w). A stage ending below its target fell short. */
  stageTargets: Int32Array
  units: SampledUnits
}

/** Where each unit's dots are, and what they were drawn from. */
export interface SampledUnits {
  /** Seed, stages, layout and field shape: units of two results compare only when these agree. */
  params: string
  /** Per unit: its place and kind (stable across edits), and a key over everything its dots depend on. */
  ids: string[]
  keys: string[]
  /** Per unit, its rectangle (x, y, width, height, image px). */
  rects: Float64Array
  /** Unit u's dots of stage s are `counts[u·stages + s]` from `starts[u·stages + s]` in x and y. */
  starts: Int32Array
  counts: Int32Array
  /** Unit u's target for stage s, cumulative. */
  targets: Int32Array
}

export function sampleProgressive({ field, stages, seed, previous, spare }: ProgressiveOptions): ProgressiveSamples {
  if (!stages.some((d) => d > 0) || field.support.length === 0) return emptySamples(stages.length)
  const layout = chunkLayout(
    field,
    stages.map((d) => (d > 0 ? stageRadius(d) : Number.POSITIVE_INFINITY)),
  )
  const params = JSON.stringify([
    seed,
    stages,
    field.cell,
    field.shapeKey,
    layout.chunkCells,
    Array.from(layout.guardCells),
  ])
  const reusable = previous && previous.units.params === params ? previous : undefined
  const previousIndex = new Map(reusable?.units.keys.map((key, u) => [key, u]))

  const count = layout.units.length
  // This zone's units are kept in memory reused from the last zone's, which were assembled.
  releaseUnits()
  const ids: string[] = []
  const keys: string[] = []
  const results: UnitDots[] = []
  for (const unit of layout.units) {
    const id = `${unit.kind}:${unit.ci}:${unit.cj}`
    const key = hashKey(`${id}|${unitFieldHash(field, unit)}|${unit.neighbours.map((n) => keys[n]).join()}`)
    const old = previousIndex.get(key)
    const result =
      reusable && old !== undefined
        ? unitFrom(reusable, old, stages.length)
        : sampleUnit({
            field,
            regions: unit.regions,
            areas: unit.areas,
            stages,
            seed: hashString(`${seed}\u0000${id}`),
            neighbours: unit.neighbours.map((n) => results[n] as UnitDots),
          })
    ids.push(id)
    keys.push(key)
    results.push(result)
  }
  return assemble(field, layout.units, stages.length, params, ids, keys, results, count, spare)
}

/** Two independent 53-bit hashes: a collision would show wrong dots, so make it beyond reach. */
function hashKey(text: string): string {
  return `${hashString(text, 1).toString(36)}.${hashString(text, 2).toString(36)}`
}

function unitFrom(samples: ProgressiveSamples, u: number, stageCount: number): UnitDots {
  const { starts, counts, targets } = samples.units
  const total = counts.subarray(u * stageCount, (u + 1) * stageCount).reduce((a, b) => a + b, 0)
  const { x, y } = unitRoom(total)
  const stageEnds = new Int32Array(stageCount)
  let at = 0
  for (let s = 0; s < stageCount; s++) {
    const start = starts[u * stageCount + s] as number
    const n = counts[u * stageCount + s] as number
    x.set(samples.x.subarray(start, start + n), at)
    y.set(samples.y.subarray(start, start + n), at)
    at += n
    stageEnds[s] = at
  }
  return { x, y, stageEnds, stageTargets: targets.slice(u * stageCount, (u + 1) * stageCount) }
}

/** The zone's dots stage by stage, each stage's units in layout order. */
function assemble(
  field: DensityField,
  units: readonly Unit[],
  stageCount: number,
  params: string,
  ids: string[],
  keys: string[],
  results: readonly UnitDots[],
  count: number,
  spare: ProgressiveOptions['spare'],
): ProgressiveSamples {
  const total = results.reduce((sum, r) => sum + r.x.length, 0)
  // Every value is written below, and the previous result was read (into the units) above.
  const x = floatsIn(spare?.x, total)
  const y = floatsIn(spare?.y, total)
  const stageEnds = new Int32Array(stageCount)
  const stageTargets = new Int32Array(stageCount)
  const starts = new Int32Array(count * stageCount)
  const counts = new Int32Array(count * stageCount)
  const targets = new Int32Array(count * stageCount)
  let at = 0
  for (let s = 0; s < stageCount; s++) {
    for (let u = 0; u < count; u++) {
      const r = results[u] as UnitDots
      const from = s === 0 ? 0 : (r.stageEnds[s - 1] as number)
      const to = r.stageEnds[s] as number
      x.set(r.x.subarray(from, to), at)
      y.set(r.y.subarray(from, to), at)
      starts[u * stageCount + s] = at
      counts[u * stageCount + s] = to - from
      targets[u * stageCount + s] = r.stageTargets[s] as number
      stageTargets[s] = (stageTargets[s] as number) + (r.stageTargets[s] as number)
      at += to - from
    }
    stageEnds[s] = at
  }
  const rects = new Float64Array(4 * count)
  units.forEach((unit, u) => {
    rects[4 * u] = field.minX + unit.i0 * field.cell
    rects[4 * u + 1] = field.minY + unit.j0 * field.cell
    rects[4 * u + 2] = (unit.i1 - unit.i0) * field.cell
    rects[4 * u + 3] = (unit.j1 - unit.j0) * field.cell
  })
  return { x, y, stageEnds, stageTargets, units: { params, ids, keys, rects, starts, counts, targets } }
}

/**
 * `count` floats on `spare`'s memory when it has room (a new array costs more than the sampling
 * that fills it), else on new memory with a little room to spare for the next sampling.
 */
export function floatsIn(spare: Float32Array | undefined, count: number): Float32Array {
  const buffer = spare?.buffer
  if (buffer instanceof ArrayBuffer && spare?.byteOffset === 0 && buffer.byteLength >= 4 * count)
    return new Float32Array(buffer, 0, count)
  return new Float32Array(new ArrayBuffer(4 * Math.ceil(count * 1.02 + 256)), 0, count)
}

function emptySamples(stageCount: number): ProgressiveSamples {
  const none = new Float32Array(0)
  return {
    x: none,
    y: none,
    stageEnds: new Int32Array(stageCount),
    stageTargets: new Int32Array(stageCount),
    units: noUnits(),
  }
}

/** The units of a zone with no dots. */
export function noUnits(): SampledUnits {
  return {
    params: '',
    ids: [],
    keys: [],
    rects: new Float64Array(0),
    starts: new Int32Array(0),
    counts: new Int32Array(0),
    targets: new Int32Array(0),
  }
}
