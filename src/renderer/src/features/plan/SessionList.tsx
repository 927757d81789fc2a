import { useMemo } from 'react'
import type { PlanDraft, SessionId, TreatmentAmount } from '../../../../shared/plan/plan-types'
import { zoneKey } from '../../../../shared/plan/plan-zones'
import { chronological, sessionDensities } from '../../../../shared/plan/session-density'
import { coverageAt, strengthReached } from '../../../../shared/plan/timeline'
import type { ClinicalSettings } from '../../../../shared/settings/clinical-defaults'
import { warningId } from './PlanWarnings'
import { usePlan, usePlanActions } from './plan-context'
import { zoneLabels } from './plan-format'
import type { PlanWorld } from './plan-world'
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

/**
 * What a zone ticked in each session gets: the amount of the session's first zone, else the share
 * the protocol's step at its place adds (skipped sessions take no place).
 */
function defaultAmounts(draft: PlanDraft, settings: ClinicalSettings): Map<SessionId, TreatmentAmount> {
  const template = settings.protocols[draft.technique]
  const amounts = new Map<SessionId, TreatmentAmount>()
  let active = 0
  for (const session of chronological(draft.sessions)) {
    const first = session.treatments[0]
    amounts.set(session.id, first ? { ...first.amount } : { unit: 'share', value: stepShare(template, active) })
    if (session.status !== 'skipped') active += 1
  }
  return amounts
}

/** What each session comes to in each zone it treats. */
export interface ZoneOutcome {
  /** Share of skin the pigment present covers on the session's day. */
  coverage: number
  /** The zone's strength once this session has settled (1 is the healed target). */
  reached: number
}

/** Session id → zone key → what the session comes to there. */
function outcomes(draft: PlanDraft, world: PlanWorld): Map<SessionId, Map<string, ZoneOutcome>> {
  const zones = new Map(world.zones.map((z) => [z.key, z]))
  return new Map(
    draft.sessions.map((session) => [
      session.id,
      new Map(
        session.treatments.flatMap((t) => {
          const zone = zones.get(zoneKey(t.designId, t.zoneId))
          if (!zone || session.status === 'skipped') return []
          const outcome = {
            coverage: coverageAt(draft, zone, world.pigments, world.settings, session.startsAt).coverage,
            reached: strengthReached(draft, zone, world.pigments, world.settings, session),
          }
          return [[zone.key, outcome] as const]
        }),
      ),
    ]),
  )
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
  const amounts = useMemo(() => defaultAmounts(draft, world.settings), [draft, world.settings])
  const outcome = useMemo(() => outcomes(draft, world), [draft, world])
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
        return (
          <SessionCard
            key={session.id}
            world={world}
            session={session}
            technique={draft.technique}
            number={number}
            labels={labels}
            densities={densities.filter((d) => d.sessionId === session.id)}
            outcomes={outcome.get(session.id) ?? new Map()}
            problems={problems}
            warnings={links.get(session.id) ?? []}
            defaultAmount={amounts.get(session.id) ?? { unit: 'share', value: 1 }}
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
