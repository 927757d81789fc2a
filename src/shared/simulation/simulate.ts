import type { Point } from '../geometry/point'
import { floatsIn, noUnits, type SampledUnits, sampleProgressive } from './poisson-sampler'
import { hashString, Prng } from './prng'
import { zoneField, zoneSeedKey } from './zone-field'

/**
 * From a design to one layer of dots per session. Each zone is sampled on its own (its own
 * seed, its sessions as the sampler's stages), so the editor can regenerate just the zone that
 * changed: keep `ZoneSimulation`s by `zoneCacheKey` and rebuild the layers with `assembleLayers`.
 */

/** A zone's outline and edges: what its own density field is made from. */
export interface ZoneShape {
  id: string
  polygon: Point[]
  softnessPx: number
  hairline?: { curve: Point[]; featherPx: number; irregularity: number }
}

export interface SimZone extends ZoneShape {
  /** The zones drawn over this one that may reach it: where they lie, their density applies instead (`zone-field.ts`). */
  above?: ZoneShape[]
}

export interface SimSession {
  id: string
  /** The session's dot size: that of its own needle. */
  dotDiameterPx: number
  /**
   * Density this session adds in each zone it treats, and the dot size there when the zone is
   * treated with its own needle (a 1RL at the hairline, the session's 3RL elsewhere).
   */
  treatments: { zoneId: string; densityPerPx2: number; dotDiameterPx?: number }[]
}

export interface SimInput {
  seedKey: string
  zones: SimZone[]
  /** In date order. */
  sessions: SimSession[]
  /** Standard deviation of a dot's diameter as a share of the session's mean. */
  jitter: number
}

/** One session's dots over every zone, grouped by zone in `input.zones` order. */
export interface DotLayer {
  sessionId: string
  x: Float32Array
  y: Float32Array
  /** Radius, image px. */
  r: Float32Array
  /** Index into `input.zones`. */
  zone: Uint16Array
  /** Dots per zone index. */
  zoneCounts: Int32Array
  /** How many dots the zones treated by this session hold below their targets after it (0 when every target was reached). */
  shortfall: number
}

/** One zone's dots over all the sessions that treat it: the unit to cache. */
export interface ZoneSimulation {
  zoneId: string
  /** The session of each stage, in order; sessions adding nothing here have no stage. */
  sessionIds: string[]
  x: Float32Array
  y: Float32Array
  r: Float32Array
  stageEnds: Int32Array
  stageTargets: Int32Array
  /** The units the zone was sampled in (see `chunk-layout.ts`): what the next sampling of it can reuse. */
  units: SampledUnits
}

/** A dot's radius stays within these shares of its session's mean, whatever the jitter. */
const RADIUS_CLAMP = [0.4, 1.6] as const

interface Stage {
  sessionId: string
  cumulativeDensity: number
  meanRadius: number
}

function stagesOf(zone: SimZone, sessions: readonly SimSession[]): Stage[] {
  const stages: Stage[] = []
  let cumulative = 0
  for (const session of sessions) {
    let added = 0
    let diameter = session.dotDiameterPx
    for (const t of session.treatments)
      if (t.zoneId === zone.id && t.densityPerPx2 > 0) {
        added += t.densityPerPx2
        diameter = t.dotDiameterPx ?? diameter
      }
    if (added === 0) continue
    cumulative += added
    stages.push({ sessionId: session.id, cumulativeDensity: cumulative, meanRadius: diameter / 2 })
  }
  return stages
}

/** Everything a zone's dots depend on, as a string: equal keys give identical `simulateZone` results. */
export function zoneCacheKey(zone: SimZone, sessions: readonly SimSession[], seedKey: string, jitter: number): string {
  return JSON.stringify([seedKey, jitter, zone, stagesOf(zone, sessions)])
}

/**
 * One zone's dots over `sessions` (in date order): seeded by `seedKey` and the zone's id, each
 * session that adds density to the zone one stage of the sampler. Given the zone's previous
 * result (any earlier outline or plan), the parts of it that cannot have changed are copied
 * rather than sampled: the result is the same either way, only faster. Given `spare` (arrays
 * the caller gives up, such as a previous result it will not read again), the dots are written
 * into them where they have room.
 */
export function simulateZone(
  zone: SimZone,
  sessions: readonly SimSession[],
  seedKey: string,
  jitter: number,
  previous?: ZoneSimulation,
  spare?: Pick<ZoneSimulation, 'x' | 'y' | 'r'>,
): ZoneSimulation {
  const stages = stagesOf(zone, sessions)
  const sessionIds = stages.map((s) => s.sessionId)
  if (stages.length === 0) {
    const none = new Float32Array(0)
    return {
      zoneId: zone.id,
      sessionIds,
      x: none,
      y: none,
      r: none,
      stageEnds: new Int32Array(0),
      stageTargets: new Int32Array(0),
      units: noUnits(),
    }
  }
  const key = zoneSeedKey(seedKey, zone.id)
  const field = zoneField(zone, seedKey)
  const samples = sampleProgressive({
    field,
    stages: stages.map((s) => s.cumulativeDensity),
    seed: hashString(key),
    previous,
    spare,
  })
  // Radii from their own stream per unit, so changing the jitter or a dot size never moves a
  // dot, and a unit's radii do not depend on how many dots other units hold.
  const spread = Math.max(0, jitter)
  // Every dot's radius is written below.
  const r = floatsIn(spare?.r, samples.x.length)
  const { ids, starts, counts } = samples.units
  ids.forEach((id, u) => {
    const rng = new Prng(hashString(`${key}\u0000${id}`, 2))
    stages.forEach((stage, s) => {
      const mean = stage.meanRadius
      const from = starts[u * stages.length + s] as number
      for (let d = from, to = from + (counts[u * stages.length + s] as number); d < to; d++) {
        const radius = mean * (1 + spread * rng.gaussian())
        r[d] = Math.min(mean * RADIUS_CLAMP[1], Math.max(mean * RADIUS_CLAMP[0], radius))
      }
    })
  })
  return {
    zoneId: zone.id,
    sessionIds,
    x: samples.x,
    y: samples.y,
    r,
    stageEnds: samples.stageEnds,
    stageTargets: samples.stageTargets,
    units: samples.units,
  }
}

/** Where one session's dots lie in the zones' results: zone z's are `zoneCounts[z]` from `starts[z]`. */
export interface SessionSpans {
  starts: Int32Array
  zoneCounts: Int32Array
  total: number
  /** See `DotLayer.shortfall`. */
  shortfall: number
}

export function sessionSpans(sessionId: string, zoneResults: readonly ZoneSimulation[]): SessionSpans {
  const zoneCounts = new Int32Array(zoneResults.length)
  const starts = new Int32Array(zoneResults.length)
  let total = 0
  let shortfall = 0
  zoneResults.forEach((result, z) => {
    const stage = result.sessionIds.indexOf(sessionId)
    if (stage < 0) return
    const end = result.stageEnds[stage] as number
    starts[z] = stage === 0 ? 0 : (result.stageEnds[stage - 1] as number)
    zoneCounts[z] = end - (starts[z] as number)
    total += zoneCounts[z] as number
    shortfall += Math.max(0, (result.stageTargets[stage] as number) - end)
  })
  return { starts, zoneCounts, total, shortfall }
}

/** The per-session layers from per-zone results, `zoneResults[i]` being the simulation of zone i. */
export function assembleLayers(sessions: readonly SimSession[], zoneResults: readonly ZoneSimulation[]): DotLayer[] {
  return sessions.map((session) => {
    const { starts, zoneCounts, total, shortfall } = sessionSpans(session.id, zoneResults)
    const layer: DotLayer = {
      sessionId: session.id,
      x: new Float32Array(total),
      y: new Float32Array(total),
      r: new Float32Array(total),
      zone: new Uint16Array(total),
      zoneCounts,
      shortfall,
    }
    let at = 0
    zoneResults.forEach((result, z) => {
      const count = zoneCounts[z] as number
      if (count === 0) return
      const start = starts[z] as number
      layer.x.set(result.x.subarray(start, start + count), at)
      layer.y.set(result.y.subarray(start, start + count), at)
      layer.r.set(result.r.subarray(start, start + count), at)
      layer.zone.fill(z, at, at + count)
      at += count
    })
    return layer
  })
}

/** Every zone, then the layers: the same as `assembleLayers` over `simulateZone` of each zone. */
export function simulate(input: SimInput): DotLayer[] {
  const results = input.zones.map((zone) => simulateZone(zone, input.sessions, input.seedKey, input.jitter))
  return assembleLayers(input.sessions, results)
}
