import type { ClinicalSettings, ProtocolStep, ProtocolTemplate } from '../settings/clinical-defaults'
import { addDays } from './plan-dates'
import type { Needle, PigmentId, Session, Technique } from './plan-types'
import type { PlanZone } from './plan-zones'

export interface ApplyTemplateOptions {
  /** First session's start, `YYYY-MM-DDTHH:MM`. */
  start: string
  zones: readonly PlanZone[]
  pigmentId: PigmentId
  needle: Needle
  practitioner: string
  newId(): string
}

/** Shares are kept to 4 decimals so 0.7 − 0.3 reads 0.4 and not 0.39999999999999997. */
const roundShare = (x: number) => Math.round(x * 10_000) / 10_000

/**
 * The sessions a protocol proposes: each step `gapDays` after the one before, every zone brought
 * from the previous step's cumulative share of its target to this step's.
 */
export function applyTemplate(template: ProtocolTemplate, options: ApplyTemplateOptions): Session[] {
  let startsAt = options.start
  let reached = 0
  return template.steps.map((step, index) => {
    if (index > 0) startsAt = addDays(startsAt, step.gapDays)
    const share = roundShare(step.cumulativeShare - reached)
    reached = step.cumulativeShare
    return {
      id: options.newId(),
      startsAt,
      durationMin: template.durationMin,
      practitioner: options.practitioner,
      pigmentId: options.pigmentId,
      needle: { ...options.needle },
      treatments: options.zones.map((zone) => ({
        designId: zone.designId,
        zoneId: zone.zoneId,
        amount: { unit: 'share', value: share },
      })),
      notes: '',
      status: 'planned',
      layer: { visible: true, opacity: 1 },
    }
  })
}

/**
 * The protocol step whose gaps govern the `index`-th session (0-based, skipped sessions not
 * counted). Past the template the last step repeats: a temporary plan goes on with yearly touch-ups.
 */
export function protocolStepFor(
  technique: Technique,
  index: number,
  settings: Pick<ClinicalSettings, 'protocols'>,
): ProtocolStep {
  const steps = settings.protocols[technique].steps
  const step = steps[Math.min(index, steps.length - 1)]
  if (!step) throw new Error(`The ${technique} protocol has no steps`)
  return step
}
