import type { PlanWarning } from '../../../../shared/plan/plan-warnings'
import { usePlan } from './plan-context'

/** The DOM id of the `index`-th warning, which session cards link to. */
export const warningId = (index: number) => `plan-warning-${index}`

/** Contraindications first; each keeps the id its place in the store's list gives it. */
const byLevel = (warnings: readonly PlanWarning[]) =>
  warnings
    .map((warning, index) => ({ warning, index }))
    .sort((a, b) => Number(b.warning.level === 'contraindication') - Number(a.warning.level === 'contraindication'))

/**
 * What the practitioner should weigh before treating: contraindications in the error tone,
 * cautions in the warning tone, each with its reason and a link to the session it concerns.
 */
export function PlanWarnings({ sessionNumbers }: { sessionNumbers: Map<string, number> }) {
  const warnings = usePlan((s) => s.warnings)
  if (warnings.length === 0) return null
  const contraindications = warnings.filter((w) => w.level === 'contraindication').length
  return (
    <section className="plan-warnings" aria-labelledby="plan-warnings-title">
      <h2 className="section-title" id="plan-warnings-title">
        Warnings ({warnings.length}
        {contraindications > 0 && `, ${contraindications} contraindication${contraindications === 1 ? '' : 's'}`})
      </h2>
      <ul className="stack-list">
        {byLevel(warnings).map(({ warning, index }) => (
          <WarningItem
            key={warningId(index)}
            id={warningId(index)}
            warning={warning}
            session={warning.sessionId ? (sessionNumbers.get(warning.sessionId) ?? null) : null}
          />
        ))}
      </ul>
    </section>
  )
}

function WarningItem({ id, warning, session }: { id: string; warning: PlanWarning; session: number | null }) {
  const tone = warning.level === 'contraindication' ? 'contraindication' : 'caution'
  const card = warning.sessionId ? `session-${warning.sessionId}-title` : null
  return (
    <li id={id} tabIndex={-1} className={`banner banner--${tone} plan-warnings__item`}>
      <p className="banner__title" role={tone === 'contraindication' ? 'alert' : undefined}>
        <span className="plan-warnings__level">{tone === 'contraindication' ? 'Contraindication' : 'Caution'}</span>{' '}
        {warning.title}
      </p>
      <p>{warning.detail}</p>
      <p className="plan-warnings__source">Source: {warning.source}</p>
      {card && session !== null && (
        <a
          className="plan-warnings__link"
          href={`#${card}`}
          onClick={(event) => {
            event.preventDefault()
            const target = document.getElementById(card)
            target?.scrollIntoView({ block: 'start' })
            target?.focus()
          }}
        >
          Go to Session {session}
        </a>
      )}
    </li>
  )
}
