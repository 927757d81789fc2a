import { useState } from 'react'
import { AUDIT_ENTITIES, type AuditEntity, type AuditEntry } from '../../../../shared/audit/audit-types'
import { mergeDesignBursts } from '../../../../shared/audit/design-bursts'
import { localDateOf } from '../../../../shared/dates'
import type { PatientId } from '../../../../shared/patients/patient'
import { Banner } from '../../ui/Banner'
import { formatDay } from '../../ui/format'
import { Loading } from '../../ui/Loading'
import { OptionSelect } from '../../ui/OptionSelect'
import { AuditEntryRow } from './AuditEntryRow'
import { ChainStatus } from './ChainStatus'
import { useAuditTrail, useChainCheck } from './use-audit-trail'
import './audit-trail.css'

type Filter = AuditEntity | 'all'
const FILTERS: readonly { value: Filter; label: string }[] = [
  { value: 'all', label: 'Every change' },
  ...AUDIT_ENTITIES,
]

/** Entries by the local day they were made, newest day first, keeping their order within a day. */
function byDay(entries: readonly AuditEntry[]): { day: string; entries: AuditEntry[] }[] {
  const days = new Map<string, AuditEntry[]>()
  for (const entry of entries) {
    const day = localDateOf(entry.at)
    days.set(day, [...(days.get(day) ?? []), entry])
  }
  return [...days].map(([day, list]) => ({ day, entries: list }))
}

/** The patient's History tab: every recorded change, newest first, and whether the record still holds. */
export function AuditTrailTab({ patientId }: { patientId: PatientId }) {
  const [filter, setFilter] = useState<Filter>('all')
  const trail = useAuditTrail(patientId, filter === 'all' ? null : filter)
  const chain = useChainCheck()
  const brokenSeq = chain.state.status === 'ready' && !chain.state.value.intact ? chain.state.value.problem.seq : null
  const { state } = trail

  return (
    <section className="audit-trail" aria-labelledby="audit-trail-title">
      <header className="audit-trail__header">
        <h1 id="audit-trail-title" className="page-title">
          History
        </h1>
        <div className="audit-trail__filter">
          <label className="field__label" htmlFor="audit-filter">
            Show
          </label>
          <OptionSelect id="audit-filter" options={FILTERS} value={filter} onChange={setFilter} />
        </div>
      </header>
      <ChainStatus state={chain.state} patientId={patientId} onRecheck={chain.recheck} />

      {state.status === 'loading' ? (
        <Loading>Loading the history…</Loading>
      ) : state.status === 'error' ? (
        <Banner tone="error" title="The history could not be loaded">
          <p>{state.message}</p>
          <button type="button" className="button" onClick={trail.retry}>
            Try again
          </button>
        </Banner>
      ) : state.entries.length === 0 ? (
        <p className="audit-trail__empty">
          {filter === 'all'
            ? 'No changes recorded for this patient yet. Each change to the record, photos, designs, plan and review comments appears here, by day.'
            : 'No changes of this kind recorded.'}
        </p>
      ) : (
        <>
          {byDay(mergeDesignBursts(state.entries, brokenSeq)).map(({ day, entries }) => (
            <section key={day} className="audit-day" aria-label={formatDay(day)}>
              <h2 className="section-title">{formatDay(day)}</h2>
              <ol className="row-list audit-day__entries">
                {entries.map((entry) => (
                  <AuditEntryRow key={entry.seq} entry={entry} broken={entry.seq === brokenSeq} />
                ))}
              </ol>
            </section>
          ))}
          {state.moreError && (
            <Banner tone="error" title="Older changes could not be loaded">
              <p>{state.moreError}</p>
            </Banner>
          )}
          {state.nextBefore !== null && (
            <button
              type="button"
              className="button audit-trail__more"
              disabled={state.loadingMore}
              onClick={() => void trail.loadMore()}
            >
              {state.loadingMore
                ? 'Loading older changes…'
                : `Show older changes (${state.total - state.entries.length} more)`}
            </button>
          )}
        </>
      )}
    </section>
  )
}
