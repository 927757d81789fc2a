import type { Technique } from '../../../../shared/plan/plan-types'
import type { ClinicalSettings, ProtocolStep } from '../../../../shared/settings/clinical-defaults'

export type StepField = keyof ProtocolStep

/** The settings with one protocol's steps replaced. */
export function withSteps(settings: ClinicalSettings, technique: Technique, steps: ProtocolStep[]): ClinicalSettings {
  return {
    ...settings,
    protocols: { ...settings.protocols, [technique]: { ...settings.protocols[technique], steps } },
  }
}

export function withStepField<F extends StepField>(
  settings: ClinicalSettings,
  technique: Technique,
  index: number,
  field: F,
  value: ProtocolStep[F],
): ClinicalSettings {
  const steps = settings.protocols[technique].steps.map((step, i) => (i === index ? { ...step, [field]: value } : step))
  return withSteps(settings, technique, steps)
}

/** The step "Add step" appends: an extra session as far after as the last, reaching a tenth more of the target. */
export function nextStep(steps: readonly ProtocolStep[]): ProtocolStep {
  const last = steps.at(-1)
  if (!last) return { label: 'Session 1', kind: 'base', gapDays: 0, cumulativeShare: 1 }
  return {
    label: `Session ${steps.length + 1}`,
    kind: 'extra',
    gapDays: last.gapDays,
    cumulativeShare: Math.round((last.cumulativeShare + 0.1) * 100) / 100,
  }
}

/** The settings path of one step field, as main keys its errors. */
export const stepPath = (technique: Technique, index: number, field?: StepField) =>
  `protocols.${technique}.steps.${index}${field ? `.${field}` : ''}`
