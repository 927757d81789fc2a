import { AUDIT_ENTITIES, type AuditEntry } from '../../../../shared/audit/audit-types'
import { type ChangeLine, describeEntry, type EntryWords } from './describe-entry'

const kindLabel = (entry: AuditEntry) => AUDIT_ENTITIES.find((e) => e.value === entry.entity)?.label ?? entry.entity

/** Hours and minutes on this machine's clock; the day is the group's heading. */
const timeOf = (at: string) =>
  new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false })

// An entry altered outside Stipple can hold anything; it is shown as unreadable rather than
// taking the whole trail down with it.
function wordsFor(entry: AuditEntry): EntryWords {
  try {
    return describeEntry(entry)
  } catch {
    return { title: 'An entry this version cannot read', subject: null, sections: [] }
  }
}

function Line({ line }: { line: ChangeLine }) {
  if (line.kind === 'note') return <li className="audit-line">{line.text}</li>
  if (line.kind === 'value')
    return (
      <li className="audit-line">
        <span className="audit-line__label">{line.label}:</span> <span className="audit-line__value">{line.value}</span>
      </li>
    )
  return (
    <li className="audit-line">
      <span className="audit-line__label">{line.label}:</span> <del className="audit-line__before">{line.before}</del>{' '}
      <span className="audit-line__arrow" aria-hidden="true">
        →
      </span>
      <span className="visually-hidden">changed to</span> <ins className="audit-line__after">{line.after}</ins>
    </li>
  )
}

/** One change: when, what, to which thing, and each value before → after. */
export function AuditEntryRow(props: { entry: AuditEntry; broken: boolean }) {
  const { entry } = props
  const words = wordsFor(entry)
  return (
    <li className={`row-list__row audit-entry${props.broken ? ' audit-entry--broken' : ''}`} aria-label={words.title}>
      <div className="audit-entry__head">
        <time className="audit-entry__time" dateTime={entry.at}>
          {timeOf(entry.at)}
        </time>
        <span className="audit-entry__title">{words.title}</span>
        <span className="badge badge--muted">{kindLabel(entry)}</span>
        {props.broken && <span className="badge badge--danger">Not as Stipple wrote it</span>}
      </div>
      {words.subject && <p className="audit-entry__subject">{words.subject}</p>}
      {words.sections.map((section, i) => (
        // Sections have no identity of their own and never reorder within an entry.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div key={i} className="audit-entry__section">
          {section.heading && <p className="audit-entry__heading">{section.heading}</p>}
          <ul className="stack-list audit-entry__lines">
            {section.lines.map((line, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines of one section never reorder
              <Line key={j} line={line} />
            ))}
          </ul>
        </div>
      ))}
    </li>
  )
}
