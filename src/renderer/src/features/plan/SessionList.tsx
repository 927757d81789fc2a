import { useMemo } from 'react'
import { daysBetween } from '../../../../shared/plan/plan-dates'
import type { PlanDraft, SessionId, TreatmentAmount } from '../../../../shared/plan/plan-types'
import { protocolStepFor } from '../../../../shared/plan/protocols'
import { chronological, sessionDensities } from '../../../../shared/plan/session-density'
import type { ClinicalSettings } from '../../../../shared/settings/clinical-defaults'
import { warningId } from './PlanWarnings'
import { usePlan, usePlanActions } from './plan-context'
import { zoneLabels } from './plan-format'
import type { PlanWorld } from './plan-store'
import { SessionCard, type SessionWarningLink } from './SessionCard'
import {
  addSession,
  duplicateSession,
  newSessionId,
  proposeSession,
  removeSession,
  sessionNumbers,
  stepShare,
} from './session-edits'

interface SessionPlace {
  stepLabel: string | null
  defaultAmount: TreatmentAmount
}

/**
 * Where each session stands in the protocol: the step it is, when its gap from the session before
 * fits that step (skipped sessions stand for none), and the share a zone ticked in it gets.
 */
function sessionPlaces(draft: PlanDraft, settings: ClinicalSettings): Map<SessionId, SessionPlace> {
  const template = settings.protocols[draft.technique]
  const places = new Map<SessionId, SessionPlace>()
  let active = 0
  let previous: string | null = null
  for (const session of chronological(draft.sessions)) {
    const first = session.treatments[0]
    const defaultAmount = first ? { ...first.amount } : { unit: 'share' as const, value: stepShare(template, active) }
    if (session.status === 'skipped') {
      places.set(session.id, { stepLabel: null, defaultAmount })
      continue
    }
    const step = protocolStepFor(draft.technique, active, settings)
    const gap = previous === null ? null : daysBetween(previous, session.startsAt)
    const fits = gap === null || (gap >= step.minGapDays && (step.maxGapDays === null || gap <= step.maxGapDays))
    places.set(session.id, { stepLabel: fits ? stepName(step.label) : null, defaultAmount })
    previous = session.startsAt
    active += 1
  }
  return places
}

/** "Session 2 – build-up" under a card titled Session 2 reads "Build-up"; other step names stay whole. */
function stepName(label: string): string {
  const rest = /^Session \d+ – (.+)$/.exec(label)?.[1]
  return rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : label
}

const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus())

/** The plan's sessions as cards in date order, with adding, duplicating and deleting. */
export function SessionList(props: { world: PlanWorld; draft: PlanDraft; onApplyTemplate(): void }) {
  const { world, draft, onApplyTemplate } = props
  const problems = usePlan((s) => s.problems)
  const warnings = usePlan((s) => s.warnings)
  const { change } = usePlanActions()
  const labels = useMemo(() => zoneLabels(world), [world])
  const densities = useMemo(() => sessionDensities(draft, world.zones, world.settings), [draft, world])
  const places = useMemo(() => sessionPlaces(draft, world.settings), [draft, world.settings])
  const numbers = useMemo(() => sessionNumbers(draft), [draft])
  const links = useMemo(() => {
    const bySession = new Map<SessionId, SessionWarningLink[]>()
    warnings.forEach((w, index) => {
      if (!w.sessionId) return
      const list = bySession.get(w.sessionId) ?? []
      list.push({ id: warningId(index), title: w.title, level: w.level })
      bySession.set(w.sessionId, list)
    })
    return bySession
  }, [warnings])

  const add = () => {
    const id = newSessionId()
    change('Add session', (d) => addSession(d, proposeSession(d, world, id)))
    focusLater(`session-${id}-title`)
  }

  return (
    <section className="plan-sessions" aria-labelledby="plan-sessions-title">
      <h2 className="section-title" id="plan-sessions-title" tabIndex={-1}>
        Sessions
      </h2>
      {draft.sessions.length === 0 && (
        <div className="plan-empty">
          <p>
            No sessions yet. Apply the protocol template to propose every session at once, or add them one at a time.
          </p>
          <button type="button" className="button button--primary" onClick={onApplyTemplate}>
            Apply template…
          </button>
        </div>
      )}
      {draft.sessions.map((session) => {
        const number = numbers.get(session.id) ?? 0
        const place = places.get(session.id)
        return (
          <SessionCard
            key={session.id}
            world={world}
            session={session}
            technique={draft.technique}
            number={number}
            stepLabel={place?.stepLabel ?? null}
            labels={labels}
            densities={densities.filter((d) => d.sessionId === session.id)}
            problems={problems}
            warnings={links.get(session.id) ?? []}
            defaultAmount={place?.defaultAmount ?? { unit: 'share', value: 1 }}
            onDuplicate={() => {
              const id = newSessionId()
              change(`Duplicate Session ${number}`, (d) => addSession(d, duplicateSession(d, session, world, id)))
              focusLater(`session-${id}-title`)
            }}
            onDelete={() => {
              change(`Delete Session ${number}`, (d) => removeSession(d, session.id))
              focusLater('plan-sessions-title')
            }}
          />
        )
      })}
      <div className="plan-sessions__add">
        <button type="button" className="button" onClick={add}>
          Add session
        </button>
      </div>
    </section>
  )
}
