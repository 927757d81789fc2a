import { useState } from 'react'
import { AUDIT_ENTITIES, type AuditEntity, type AuditEntry } from '../../../../shared/audit/audit-types'
import { mergeDesignBursts } from '../../../../shared/audit/design-bursts'
import { localDateOf } from '../../../../shared/dates'
import type { PatientId } from '../../../../shared/patients/patient'
import { Banner } from '../../ui/Banner'
import { formatDay } from '../../ui/format'
import { Loading } from '../../ui/Loading'
import { OptionSelect } from '../../ui/OptionSelect'
import { ChainStatus } from './ChainStatus'
import { HistoryEntry } from './HistoryEntry'
import { useChainCheck, useHistory } from './use-history'
import './history.css'

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
export function HistoryTab({ patientId }: { patientId: PatientId }) {
  const [filter, setFilter] = useState<Filter>('all')
  const history = useHistory(patientId, filter === 'all' ? null : filter)
  const chain = useChainCheck()
  const brokenSeq = chain.state.status === 'ready' && !chain.state.value.intact ? chain.state.value.problem.seq : null
  const { state } = history

  return (
    <section className="history" aria-labelledby="history-title">
      <header className="history__header">
        <h1 id="history-title" className="page-title">
          History
        </h1>
        <div className="history__filter">
          <label className="field__label" htmlFor="history-filter">
            Show
          </label>
          <OptionSelect id="history-filter" options={FILTERS} value={filter} onChange={setFilter} />
        </div>
      </header>
      <ChainStatus state={chain.state} patientId={patientId} onRecheck={chain.recheck} />

      {state.status === 'loading' ? (
        <Loading>Loading the history…</Loading>
      ) : state.status === 'error' ? (
        <Banner tone="error" title="The history could not be loaded">
          <p>{state.message}</p>
          <button type="button" className="button" onClick={history.retry}>
            Try again
          </button>
        </Banner>
      ) : state.entries.length === 0 ? (
        <p className="history__empty">
          {filter === 'all'
            ? 'No changes recorded for this patient yet. Each change to the record, photos, designs, plan and review comments appears here, by day.'
            : 'No changes of this kind recorded.'}
        </p>
      ) : (
        <>
          {byDay(mergeDesignBursts(state.entries, brokenSeq)).map(({ day, entries }) => (
            <section key={day} className="history-day" aria-label={formatDay(day)}>
              <h2 className="section-title">{formatDay(day)}</h2>
              <ol className="row-list history-day__entries">
                {entries.map((entry) => (
                  <HistoryEntry key={entry.seq} entry={entry} broken={entry.seq === brokenSeq} />
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
              className="button history__more"
              disabled={state.loadingMore}
              onClick={() => void history.loadMore()}
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
