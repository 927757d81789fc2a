import { type FormEvent, useEffect, useRef, useState } from 'react'
import { addDays, formatDay, isWallClockMinute } from '../../../../shared/plan/plan-dates'
import { PLAN_LIMITS } from '../../../../shared/plan/plan-limits'
import { NEEDLE_CONFIGS, type NeedleConfig, type PlanDraft, TECHNIQUES } from '../../../../shared/plan/plan-types'
import { applyTemplate } from '../../../../shared/plan/protocols'
import { chronological } from '../../../../shared/plan/session-density'
import { Banner } from '../../ui/Banner'
import { DateTimeInput } from '../../ui/DateTimeInput'
import { Field, TextField } from '../../ui/Field'
import { NumberInput } from '../../ui/NumberInput'
import { OptionSelect } from '../../ui/OptionSelect'
import { PigmentSelect } from './PigmentSelect'
import { usePlanActions } from './plan-context'
import { percent } from './plan-format'
import type { PlanWorld } from './plan-world'
import { defaultPigmentId, defaultStart, newSessionId } from './session-edits'
import { ZoneChecklist } from './ZoneChecklist'

interface TemplateDialogProps {
  open: boolean
  world: PlanWorld
  draft: PlanDraft
  onClose(): void
}

/** A modal form that replaces the plan's sessions with those its technique's protocol proposes. */
export function TemplateDialog({ open, world, draft, onClose }: TemplateDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])
  return (
    <dialog ref={ref} className="dialog plan-dialog" aria-labelledby="plan-template-title" onClose={onClose}>
      {open && <TemplateForm world={world} draft={draft} onClose={onClose} />}
    </dialog>
  )
}

function TemplateForm({ world, draft, onClose }: Omit<TemplateDialogProps, 'open'>) {
  const { change } = usePlanActions()
  const template = world.settings.protocols[draft.technique]
  const techniqueLabel = TECHNIQUES.find((t) => t.value === draft.technique)?.label ?? draft.technique
  const first = chronological(draft.sessions)[0]
  const [start, setStart] = useState(first?.startsAt ?? defaultStart())
  const [practitioner, setPractitioner] = useState(first?.practitioner ?? '')
  const [pigmentId, setPigmentId] = useState(() => defaultPigmentId(world.pigments, draft.technique))
  const [config, setConfig] = useState<NeedleConfig>(world.settings.needle.config)
  const [diameterMm, setDiameterMm] = useState(world.settings.needle.diameterMm)
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(world.zones.map((z) => z.key)))
  const replacing = draft.sessions.length

  if (world.zones.length === 0)
    return (
      <div className="dialog__body">
        <h2 id="plan-template-title" className="dialog__title">
          Apply the {techniqueLabel} template
        </h2>
        <Banner tone="info" title="No zones drawn yet">
          <p>
            The template treats the density zones drawn over the patient's photos. Open a photo in the Photos tab, draw
            its zones with the Zone tool (Z), then come back to apply the template.
          </p>
        </Banner>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    )

  const blocker = !isWallClockMinute(start)
    ? 'Enter the first session’s date and time.'
    : chosen.size === 0
      ? 'Choose at least one zone.'
      : !world.pigments.some((p) => p.id === pigmentId)
        ? 'Choose a pigment.'
        : null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (blocker) return
    const sessions = applyTemplate(template, {
      start,
      zones: world.zones.filter((z) => chosen.has(z.key)),
      pigmentId,
      needle: { config, diameterMm },
      practitioner: practitioner.trim(),
      pigments: world.pigments,
      settings: world.settings,
      newId: newSessionId,
    })
    change('Apply template', (d) => ({ ...d, sessions }))
    onClose()
  }

  let day = start
  const schedule = template.steps.map((step, index) => {
    if (index > 0) day = addDays(day, step.gapDays)
    return { step, day }
  })

  return (
    <form className="dialog__body" onSubmit={submit} noValidate>
      <h2 id="plan-template-title" className="dialog__title">
        Apply the {techniqueLabel} template
      </h2>
      <ol className="plan-dialog__steps" aria-label="Proposed sessions">
        {schedule.map(({ step, day: at }) => (
          <li key={step.label}>
            <span>{step.label}</span>
            <span>{isWallClockMinute(start) ? formatDay(at) : '—'}</span>
            <span>{percent(step.cumulativeShare)} of target</span>
          </li>
        ))}
      </ol>
      <div className="form-grid">
        <Field id="plan-template-start" label="First session starts" required>
          {(control) => <DateTimeInput {...control} value={start} onChange={setStart} />}
        </Field>
        <TextField
          id="plan-template-practitioner"
          label="Practitioner"
          maxLength={PLAN_LIMITS.practitioner}
          value={practitioner}
          onChange={setPractitioner}
        />
        <Field id="plan-template-pigment" label="Pigment">
          {(control) => (
            <PigmentSelect
              {...control}
              pigments={world.pigments}
              technique={draft.technique}
              value={pigmentId}
              onChange={setPigmentId}
            />
          )}
        </Field>
        <div className="plan-dialog__needle">
          <Field id="plan-template-needle" label="Needle">
            {(control) => <OptionSelect {...control} options={NEEDLE_CONFIGS} value={config} onChange={setConfig} />}
          </Field>
          <Field id="plan-template-diameter" label="Diameter (mm)">
            {(control) => (
              <NumberInput
                {...control}
                value={diameterMm}
                min={PLAN_LIMITS.needleMm.min}
                max={PLAN_LIMITS.needleMm.max}
                step={0.01}
                onCommit={setDiameterMm}
              />
            )}
          </Field>
        </div>
      </div>
      <fieldset className="plan-dialog__zones">
        <legend className="field__label">Zones to treat</legend>
        <ZoneChecklist world={world} chosen={chosen} onChange={setChosen} />
      </fieldset>
      {replacing > 0 && (
        <Banner tone="caution" title={`This replaces the plan’s ${replacing} session${replacing === 1 ? '' : 's'}`}>
          <p>Their dates, amounts and notes give way to the template’s. Undo brings them back.</p>
        </Banner>
      )}
      <div className="dialog__actions">
        {blocker && <p className="field__hint">{blocker}</p>}
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={blocker !== null}>
          {replacing > 0 ? `Replace ${replacing} session${replacing === 1 ? '' : 's'}` : 'Apply template'}
        </button>
      </div>
    </form>
  )
}
