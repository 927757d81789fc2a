import { addDays, formatDay } from '../../../../shared/plan/plan-dates'
import type { LayerDisplay, SessionId } from '../../../../shared/plan/plan-types'
import type { ClinicalSettings } from '../../../../shared/settings/clinical-defaults'
import type { LayerStyle } from '../../../../shared/simulation/rasterize'
import { defaultDay, timelineRange } from '../simulation/FadeTimeline'
import { type SimulationScene, sceneStyles } from '../simulation/simulation-scene'

/**
 * What one canvas of the review shows: the layers as of a day, or as they stood once a given
 * session was done (that session's day, later sessions hidden even when on the same day).
 */
export type ReviewMoment = { kind: 'day'; day: string } | { kind: 'session'; number: number }

/** The reviewer's own visibility and opacity per session; the saved plan is never changed. */
export type LayerDisplays = Readonly<Record<SessionId, LayerDisplay>>

/** Years after the last session offered as stops, as the fade timeline offers them. */
const YEARS_AFTER = [1, 2, 5] as const

export interface MomentOption {
  key: string
  label: string
  moment: ReviewMoment
}

/** The day a moment shows the layers at; null when the plan has no session to date it by. */
export function momentDay(scene: SimulationScene, moment: ReviewMoment): string | null {
  if (moment.kind === 'day') return moment.day
  const layer = scene.layers.find((l) => l.number === moment.number)
  return layer ? layer.session.startsAt.slice(0, 10) : null
}

export function momentKey(moment: ReviewMoment): string {
  return moment.kind === 'day' ? `day:${moment.day}` : `session:${moment.number}`
}

/** How a moment is named beside its canvas: "After session 2 · 5 Dec 2026", "As of 1 Jan 2028". */
export function momentLabel(scene: SimulationScene, moment: ReviewMoment): string {
  const day = momentDay(scene, moment)
  if (moment.kind === 'session') return `After session ${moment.number}${day ? ` · ${formatDay(day)}` : ''}`
  const range = timelineRange(scene.layers)
  if (range && moment.day === range.start) return `Before treatment · ${formatDay(moment.day)}`
  return `As of ${formatDay(moment.day)}`
}

/** The moments a compare side offers: before treatment, after each session, and years on. */
export function momentOptions(scene: SimulationScene): MomentOption[] {
  const range = timelineRange(scene.layers)
  const last = defaultDay(scene.layers)
  if (!range || !last) return []
  const option = (moment: ReviewMoment, label = momentLabel(scene, moment)) => ({
    key: momentKey(moment),
    label,
    moment,
  })
  return [
    option({ kind: 'day', day: range.start }),
    ...scene.layers
      .filter((l) => l.session.status !== 'skipped')
      .map((l) => option({ kind: 'session', number: l.number })),
    ...YEARS_AFTER.map((years) => {
      const day = addDays(last, Math.round(years * 365.25))
      return option({ kind: 'day', day }, `${years} y after the last session · ${formatDay(day)}`)
    }),
  ]
}

/** Two moments worth comparing first: after the first session and as the plan ends. */
export function defaultPair(scene: SimulationScene): [ReviewMoment, ReviewMoment] | null {
  const done = scene.layers.filter((l) => l.session.status !== 'skipped')
  const first = done[0]
  const last = done.at(-1)
  if (!first || !last) return null
  return [
    { kind: 'session', number: first.number },
    { kind: 'session', number: last.number },
  ]
}

/**
 * Each layer's look at a moment, with the reviewer's display in place of the plan's saved one:
 * the same styles the workspace draws, so the review shows exactly what the artist sees.
 */
export function reviewStyles(
  scene: SimulationScene,
  displays: LayerDisplays,
  moment: ReviewMoment,
  settings: ClinicalSettings,
): LayerStyle[] | null {
  const day = momentDay(scene, moment)
  if (!day) return null
  const shown: SimulationScene = {
    ...scene,
    layers: scene.layers.map((layer) => {
      const display = displays[layer.session.id] ?? layer.session.layer
      const later = moment.kind === 'session' && layer.number > moment.number
      return { ...layer, session: { ...layer.session, layer: { ...display, visible: display.visible && !later } } }
    }),
  }
  return sceneStyles(shown, day, settings)
}
