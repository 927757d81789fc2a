import type { DesignDocument, ZoneObject } from '../../../../shared/design/design-types'
import { dotColour } from '../../../../shared/plan/fade'
import type { Needle, Pigment, PlanDraft, Session } from '../../../../shared/plan/plan-types'
import { zoneKey } from '../../../../shared/plan/plan-zones'
import { chronological, dotDiameterMm, freshDotDiameterMm } from '../../../../shared/plan/session-density'
import { layerStrengthAt } from '../../../../shared/plan/timeline'
import { treatmentNeedle, treatmentPigment } from '../../../../shared/plan/treatment-tools'
import { scarOverlapsZone } from '../../../../shared/plan/zone-overlap'
import type { ClinicalSettings } from '../../../../shared/settings/clinical-defaults'
import { type DotLook, freshLook, HEALED_LOOK } from '../../../../shared/simulation/dot-coverage'
import { planSimInput, sessionNeedle } from '../../../../shared/simulation/plan-scene'
import type { SimInput } from '../../../../shared/simulation/simulate'
import type { ZonedLayerStyle } from './layer-looks'

/** One session as a layer over this photo. */
export interface SceneLayer {
  session: Session
  /** 1-based place of the session in the whole plan, as the plan names it. */
  number: number
  pigment: Pigment | null
  /** Zone key → the pigment (and mix) used on that zone, where it differs from the session's. */
  zonePigments: ReadonlyMap<string, Pigment | null>
}

export interface SceneZone {
  zone: ZoneObject
  /** `designId:zoneId`, as sessions name the zone. */
  key: string
  overScar: boolean
}

export interface SimulationScene {
  /** null when there is nothing to draw; `reason` says why. */
  input: SimInput | null
  layers: SceneLayer[]
  zones: SceneZone[]
  reason: string | null
}

export interface SceneSource {
  /** The stored design of the photo; sessions name zones by it, so none treat an unsaved design. */
  designId: string | null
  document: DesignDocument
  pxPerMm: number | null
  draft: PlanDraft
  pigments: readonly Pigment[]
  settings: ClinicalSettings
}

/**
 * The dots' data for one photo: each session that treats a zone of this design, in date order,
 * becomes a layer, and each treated zone of the live document (so an edited outline shows at
 * once) a sampling region. Densities per cm² become dots per px² through the calibration.
 */
export function buildScene(source: SceneSource): SimulationScene {
  const { designId, document, pxPerMm, draft, pigments, settings } = source
  const ordered = chronological(draft.sessions)
  const numbers = new Map(ordered.map((s, i) => [s.id, i + 1]))
  const mine = ordered.filter((s) => s.treatments.some((t) => t.designId === designId))
  const layers = mine.map((session) => ({
    session,
    number: numbers.get(session.id) ?? 0,
    pigment: pigments.find((p) => p.id === session.pigmentId) ?? null,
    zonePigments: new Map(
      session.treatments
        .filter((t) => t.pigmentId !== undefined || t.dilution !== undefined)
        .map((t) => [zoneKey(t.designId, t.zoneId), treatmentPigment(session, t, pigments)] as const),
    ),
  }))
  // The same zones, in the same order, as the sampler's input: its dots name zones by index.
  const treated = new Set(
    mine
      .filter((s) => s.status !== 'skipped')
      .flatMap((s) => s.treatments.filter((t) => t.designId === designId).map((t) => t.zoneId)),
  )
  const scars = document.objects.filter((o) => o.kind === 'scar')
  const zones = document.objects
    .filter((o): o is ZoneObject => o.kind === 'zone' && treated.has(o.id))
    .map((zone) => ({
      zone,
      key: zoneKey(designId ?? '', zone.id),
      overScar: scars.some((scar) => scarOverlapsZone(scar, zone.points, pxPerMm)),
    }))

  if (!designId || mine.length === 0)
    return { input: null, layers, zones, reason: 'No session of the plan treats a zone of this design yet.' }
  if (!pxPerMm) return { input: null, layers, zones, reason: 'Calibrate the photo to simulate the impressions.' }

  const input = planSimInput({ designId, document, pxPerMm, sessions: layers.map((l) => l.session), settings })
  return { input, layers, zones, reason: null }
}

/** The pigment a layer uses on a zone: the zone's own, else the session's. */
const pigmentOn = (layer: SceneLayer, zone: SceneZone): Pigment | null =>
  layer.zonePigments.has(zone.key) ? (layer.zonePigments.get(zone.key) ?? null) : layer.pigment

/** How strong a layer shows in a zone at a time: nothing before its session, then its pigment's fade. */
export const layerStrength = (layer: SceneLayer, zone: SceneZone, at: string, settings: ClinicalSettings): number => {
  const pigment = pigmentOn(layer, zone)
  return pigment ? layerStrengthAt(layer.session, pigment, zone, at, settings) : 0
}

/** Dots on their session's day: as much larger as the needle's fresh impression is than its healed one. */
const freshLookOf = (needle: Needle, settings: ClinicalSettings): DotLook =>
  freshLook(freshDotDiameterMm(needle, settings) / dotDiameterMm(needle, settings))

/** The needle a layer's session uses on a zone: the zone's own, else the session's. */
function needleOn(layer: SceneLayer, zone: SceneZone): Needle {
  const treatment = layer.session.treatments.find((t) => zoneKey(t.designId, t.zoneId) === zone.key)
  return treatment ? treatmentNeedle(layer.session, treatment) : sessionNeedle(layer.session)
}

/**
 * Each layer's look on a day: per zone its faded strength and (for carbon black) drifted colour;
 * a hidden zone's dots are not drawn. Dots look healed, unless `fresh` asks for the look on the
 * day of their session (larger, darker, by the needle used on each zone), and only on that day.
 */
export function sceneStyles(
  scene: SimulationScene,
  day: string,
  settings: ClinicalSettings,
  options: { fresh?: boolean } = {},
): ZonedLayerStyle[] {
  // A session shows from the day it happens, whatever its hour.
  const at = `${day}T23:59`
  return scene.layers.map((layer) => {
    const zoneColours = new Float32Array(scene.zones.length * 4)
    scene.zones.forEach((zone, i) => {
      const strength = zone.zone.hidden ? 0 : layerStrength(layer, zone, at, settings)
      const pigment = pigmentOn(layer, zone)
      const [r, g, b] = pigment ? dotColour(pigment, strength) : [1, 1, 1]
      zoneColours.set([r, g, b, strength], i * 4)
    })
    const sessionDay = options.fresh && layer.session.startsAt.slice(0, 10) === day
    const style = { visible: layer.session.layer.visible, opacity: layer.session.layer.opacity, zoneColours }
    if (!sessionDay) return { ...style, look: HEALED_LOOK }
    return {
      ...style,
      look: freshLookOf(sessionNeedle(layer.session), settings),
      // Each zone's dots by the needle used on it: a 1RL hairline in a 3RL session has its own fresh size.
      zoneLooks: scene.zones.map((zone) => freshLookOf(needleOn(layer, zone), settings)),
    }
  })
}
