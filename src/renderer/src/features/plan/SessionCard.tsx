import { PLAN_LIMITS } from '../../../../shared/plan/plan-limits'
import { sessionField } from '../../../../shared/plan/plan-problems'
import {
  NEEDLE_CONFIGS,
  SESSION_KINDS,
  SESSION_STATUSES,
  type Session,
  type Technique,
  type TreatmentAmount,
} from '../../../../shared/plan/plan-types'
import type { SessionZoneDensity } from '../../../../shared/plan/session-density'
import { DateInput } from '../../ui/DateInput'
import { DateTimeInput } from '../../ui/DateTimeInput'
import { DeleteInPlace, useAskInPlace } from '../../ui/DeleteInPlace'
import { Field, TextField } from '../../ui/Field'
import { formatDayTime } from '../../ui/format'
import { NumberInput } from '../../ui/NumberInput'
import { OptionSelect } from '../../ui/OptionSelect'
import { PigmentSelect } from './PigmentSelect'
import { usePlanActions } from './plan-context'
import type { PlanWorld } from './plan-world'
import { SessionClearance } from './SessionClearance'
import type { ZoneOutcome } from './SessionList'
import { SessionPhotos } from './SessionPhotos'
import { SessionZones } from './SessionZones'
import { patchSession, sortedByStart } from './session-edits'
import { useFieldRun } from './use-field-run'

/** A warning raised on this session, to link to from its card. */
export interface SessionWarningLink {
  id: string
  title: string
  level: 'caution' | 'contraindication'
}

export interface SessionCardProps {
  world: PlanWorld
  session: Session
  technique: Technique
  number: number
  labels: Map<string, string>
  densities: readonly SessionZoneDensity[]
  /** Zone key → what this session comes to there. */
  outcomes: ReadonlyMap<string, ZoneOutcome>
  problems: Record<string, string>
  warnings: readonly SessionWarningLink[]
  defaultAmount: TreatmentAmount
  onDuplicate(): void
  onDelete(): void
}

/** Moves focus to a warning in the list, scrolling it into view. */
function focusWarning(id: string) {
  const target = document.getElementById(id)
  target?.scrollIntoView({ block: 'center' })
  target?.focus()
}

/** One session: when, who, with what, and the zones it treats. */
export function SessionCard(props: SessionCardProps) {
  const { world, session, number, problems, warnings } = props
  const { change } = usePlanActions()
  const title = `Session ${number}`
  const id = (field: string) => `session-${session.id}-${field}`
  const error = (field: string) => problems[sessionField(session.id, field)]
  const edit = (what: string, patch: Partial<Omit<Session, 'id'>>, coalesceKey?: string) =>
    change(`${title} ${what}`, (d) => patchSession(d, session.id, patch), coalesceKey)
  const date = useFieldRun(id('startsAt'))
  const duration = useFieldRun(id('durationMin'))
  const practitioner = useFieldRun(id('practitioner'))
  const diameter = useFieldRun(id('needle'))
  const notes = useFieldRun(id('notes'))
  const name = useFieldRun(id('name'))
  const lot = useFieldRun(id('pigmentLot'))
  const deleting = useAskInPlace()

  return (
    <article
      className={`card plan-session plan-session--${session.status}`}
      id={id('card')}
      aria-labelledby={id('title')}
    >
      <header className="plan-session__header">
        <div className="plan-session__heading">
          <h3 className="plan-session__title" id={id('title')} tabIndex={-1}>
            {title}
            {session.name.trim() && <span className="plan-session__step"> · {session.name.trim()}</span>}
          </h3>
          <p className="plan-session__when">{formatDayTime(session.startsAt)}</p>
        </div>
        {warnings.length > 0 && (
          <ul className="stack-list plan-session__warnings" aria-label={`Warnings for ${title}`}>
            {warnings.map((w) => (
              <li key={w.id}>
                <a
                  className={`plan-marker plan-marker--${w.level}`}
                  href={`#${w.id}`}
                  onClick={(event) => {
                    event.preventDefault()
                    focusWarning(w.id)
                  }}
                >
                  <span aria-hidden="true">⚠</span> {w.title}
                </a>
              </li>
            ))}
          </ul>
        )}
        <div className="plan-session__actions">
          <button
            type="button"
            className="button button--small"
            aria-label={`Duplicate ${title}`}
            title="Copy this session to a new one after the last"
            onClick={props.onDuplicate}
          >
            Duplicate
          </button>
          {deleting.asking ? (
            <DeleteInPlace
              className="plan-session__confirm"
              label={`Delete ${title}`}
              busy={false}
              small
              onConfirm={props.onDelete}
              onCancel={deleting.keep}
            />
          ) : (
            <button
              ref={deleting.askRef}
              type="button"
              className="button button--small button--danger"
              aria-label={`Delete ${title}`}
              title="Asks first; Undo brings a deleted session back"
              onClick={deleting.ask}
            >
              Delete…
            </button>
          )}
        </div>
      </header>

      <div className="plan-session__fields">
        <TextField
          id={id('name')}
          label="Name"
          error={error('name')}
          maxLength={PLAN_LIMITS.sessionName}
          value={session.name}
          onFocus={name.onFocus}
          onChange={(value) => edit('name', { name: value }, name.key())}
        />
        <Field
          id={id('kind')}
          label="Kind"
          hint="Its spacing from the session before is judged by its kind."
          error={error('kind')}
        >
          {(control) => (
            <OptionSelect
              {...control}
              options={SESSION_KINDS}
              value={session.kind}
              onChange={(kind) => edit('kind', { kind })}
            />
          )}
        </Field>
        <Field id={id('startsAt')} label="Starts" error={error('startsAt')}>
          {(control) => (
            <DateTimeInput
              {...control}
              value={session.startsAt}
              onFocus={date.onFocus}
              onChange={(startsAt) => {
                if (startsAt) edit('date', { startsAt }, date.key())
              }}
              onBlur={() => change(`${title} date`, sortedByStart, date.key())}
            />
          )}
        </Field>
        <Field id={id('durationMin')} label="Duration (min)" error={error('durationMin')}>
          {(control) => (
            <NumberInput
              {...control}
              value={session.durationMin}
              min={PLAN_LIMITS.durationMin.min}
              max={PLAN_LIMITS.durationMin.max}
              step={15}
              integer
              onFocus={duration.onFocus}
              onCommit={(durationMin) => edit('duration', { durationMin }, duration.key())}
            />
          )}
        </Field>
        <TextField
          id={id('practitioner')}
          label="Practitioner"
          error={error('practitioner')}
          maxLength={PLAN_LIMITS.practitioner}
          value={session.practitioner}
          onFocus={practitioner.onFocus}
          onChange={(value) => edit('practitioner', { practitioner: value }, practitioner.key())}
        />
        <Field id={id('status')} label="Status" error={error('status')}>
          {(control) => (
            <OptionSelect
              {...control}
              options={SESSION_STATUSES}
              value={session.status}
              onChange={(status) => edit('status', { status })}
            />
          )}
        </Field>
        <div className="plan-session__wide">
          <Field id={id('pigmentId')} label="Pigment" error={error('pigmentId')}>
            {(control) => (
              <PigmentSelect
                {...control}
                pigments={world.pigments}
                technique={props.technique}
                value={session.pigmentId}
                onChange={(pigmentId) => edit('pigment', { pigmentId })}
              />
            )}
          </Field>
        </div>
        <TextField
          id={id('pigmentLot')}
          label="Pigment lot / batch"
          error={error('pigmentLot')}
          maxLength={PLAN_LIMITS.pigmentLot}
          value={session.pigmentLot}
          onFocus={lot.onFocus}
          onChange={(value) => edit('pigment lot', { pigmentLot: value }, lot.key())}
        />
        <Field id={id('pigmentExpires')} label="Lot expires" error={error('pigmentExpires')}>
          {(control) => (
            <DateInput
              {...control}
              value={session.pigmentExpires ?? ''}
              onChange={(day) => edit('lot expiry', { pigmentExpires: day || null })}
            />
          )}
        </Field>
        <div className="plan-session__needle">
          <Field id={id('needle.config')} label="Needle" error={error('needle.config')}>
            {(control) => (
              <OptionSelect
                {...control}
                options={NEEDLE_CONFIGS}
                value={session.needle.config}
                onChange={(config) => edit('needle', { needle: { ...session.needle, config } })}
              />
            )}
          </Field>
          <Field id={id('needle.diameterMm')} label="Diameter (mm)" error={error('needle.diameterMm')}>
            {(control) => (
              <NumberInput
                {...control}
                value={session.needle.diameterMm}
                min={PLAN_LIMITS.needleMm.min}
                max={PLAN_LIMITS.needleMm.max}
                step={0.01}
                onFocus={diameter.onFocus}
                onCommit={(diameterMm) => {
                  if (diameterMm !== session.needle.diameterMm)
                    edit('needle diameter', { needle: { ...session.needle, diameterMm } }, diameter.key())
                }}
              />
            )}
          </Field>
        </div>
      </div>

      <SessionZones
        world={world}
        session={session}
        title={title}
        labels={props.labels}
        densities={props.densities}
        outcomes={props.outcomes}
        technique={props.technique}
        problems={problems}
        defaultAmount={props.defaultAmount}
      />

      <SessionClearance
        session={session}
        title={title}
        medical={world.patient.medical}
        onChange={(clearance) => edit('clearance', { clearance })}
      />

      <SessionPhotos photos={world.photos} sessionId={session.id} title={title} />

      <Field id={id('notes')} label="Notes" error={error('notes')}>
        {(control) => (
          <textarea
            {...control}
            className="textarea plan-session__notes"
            rows={2}
            maxLength={PLAN_LIMITS.notes}
            value={session.notes}
            onFocus={notes.onFocus}
            onChange={(event) => edit('notes', { notes: event.target.value }, notes.key())}
          />
        )}
      </Field>
    </article>
  )
}
