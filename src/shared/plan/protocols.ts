import type { ClinicalSettings, ProtocolStep, ProtocolTemplate, SpacingWindow } from '../settings/clinical-defaults'
import { addDays } from './plan-dates'
import { PLAN_LIMITS } from './plan-limits'
import type { Needle, Pigment, PigmentId, PlanDraft, Session, SessionKind, Technique } from './plan-types'
import type { PlanZone } from './plan-zones'
import { healedStrengthBefore } from './timeline'

type ProposeSettings = Pick<ClinicalSettings, 'scarFadeFactor' | 'sessionShareLimit'>

export interface ApplyTemplateOptions {
  /** First session's start, `YYYY-MM-DDTHH:MM`. */
  start: string
  zones: readonly PlanZone[]
  pigmentId: PigmentId
  needle: Needle
  practitioner: string
  pigments: readonly Pigment[]
  settings: ProposeSettings
  newId(): string
}

/** Shares are kept to 2 decimals: a template proposes round figures an artist reads at a glance. */
const roundShare = (x: number) => Math.round(x * 100) / 100

/**
 * The share of a zone's target a session adds so the zone stands at `target` once the session has
 * settled, counting what the earlier layers will still show then; never more than the settings'
 * line for one session (seed 000: not too aggressive too fast), never less than the smallest
 * share a plan takes.
 */
export function restoringShare(
  draft: PlanDraft,
  zone: PlanZone,
  target: number,
  at: string,
  pigment: Pigment | undefined,
  pigments: readonly Pigment[],
  settings: ProposeSettings,
): number {
  const settledOn = addDays(at, pigment?.fade.settleDays ?? 0)
  const before = healedStrengthBefore(draft, zone, pigments, settings, settledOn)
  const share = roundShare(target - before)
  return Math.min(settings.sessionShareLimit, Math.max(PLAN_LIMITS.share.min, share))
}

/**
 * The sessions a protocol proposes: each step `gapDays` after the one before, named and kinded as
 * the step says, every zone brought to the step's share of its target, faded layers counted.
 */
export function applyTemplate(template: ProtocolTemplate, options: ApplyTemplateOptions): Session[] {
  const sessions: Session[] = []
  const pigment = options.pigments.find((p) => p.id === options.pigmentId)
  let startsAt = options.start
  for (const [index, step] of template.steps.entries()) {
    if (index > 0) startsAt = addDays(startsAt, step.gapDays)
    const sofar: PlanDraft = { technique: template.technique, sessions }
    sessions.push({
      id: options.newId(),
      name: step.label,
      kind: step.kind,
      startsAt,
      durationMin: template.durationMin,
      practitioner: options.practitioner,
      pigmentId: options.pigmentId,
      needle: { ...options.needle },
      pigmentLot: '',
      pigmentExpires: null,
      treatments: options.zones.map((zone) => ({
        designId: zone.designId,
        zoneId: zone.zoneId,
        amount: {
          unit: 'share',
          value: restoringShare(
            sofar,
            zone,
            step.cumulativeShare,
            startsAt,
            pigment,
            options.pigments,
            options.settings,
          ),
        },
      })),
      notes: '',
      status: 'planned',
      clearance: null,
      layer: { visible: true, opacity: 1 },
    })
  }
  return sessions
}

/**
 * The protocol step that proposes the `index`-th session (0-based, skipped sessions not counted).
 * Past the template a temporary plan goes on with its yearly touch-up; a permanent one with an
 * extra session as far after as its last step, adding what that step added.
 */
export function protocolStepFor(
  technique: Technique,
  index: number,
  settings: Pick<ClinicalSettings, 'protocols'>,
): ProtocolStep {
  const steps = settings.protocols[technique].steps
  const step = steps[index]
  if (step) return step
  const last = steps.at(-1)
  if (!last) throw new Error(`The ${technique} protocol has no steps`)
  if (last.kind === 'touch-up') return last
  const added = last.cumulativeShare - (steps.at(-2)?.cumulativeShare ?? 0)
  return { label: 'Extra session', kind: 'extra', gapDays: last.gapDays, cumulativeShare: last.cumulativeShare + added }
}

/** The spacing window a session of a kind is judged by; null for the first session, which has none. */
export function spacingWindow(
  technique: Technique,
  kind: SessionKind,
  settings: Pick<ClinicalSettings, 'spacing'>,
): SpacingWindow | null {
  return kind === 'base' ? null : settings.spacing[technique][kind]
}
