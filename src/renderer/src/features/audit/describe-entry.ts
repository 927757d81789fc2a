import type {
  AuditEntry,
  FieldChange,
  ObjectChange,
  ObjectNote,
  SessionChange,
} from '../../../../shared/audit/audit-types'
import { OBJECT_KINDS } from '../../../../shared/design/design-types'
import { formatQuantity } from '../../../../shared/photos/calibration'
import { formatDayTime } from '../../ui/format'
import { importSections } from '../archive/import-note-words'
import { amountWords, type FieldGroup, fieldWords, photoWords } from './audit-words'

/** One line of what changed: a value before → after, a value as it was set, or a plain note. */
export type ChangeLine =
  | { kind: 'change'; label: string; before: string; after: string }
  | { kind: 'value'; label: string; value: string }
  | { kind: 'note'; text: string }

export interface ChangeSection {
  heading: string | null
  lines: ChangeLine[]
}

/** An entry in words: what happened, to what, and each change. */
export interface EntryWords {
  title: string
  subject: string | null
  sections: ChangeSection[]
}

const change = (group: FieldGroup, c: FieldChange): ChangeLine => {
  const words = fieldWords(group, c.field)
  return { kind: 'change', label: words.label, before: words.value(c.before), after: words.value(c.after) }
}

/** A field as set (an addition: its after) or as it was (a removal: its before). */
const value = (group: FieldGroup, c: FieldChange, side: 'before' | 'after'): ChangeLine => {
  const words = fieldWords(group, c.field)
  return { kind: 'value', label: words.label, value: words.value(c[side]) }
}

const section = (heading: string | null, lines: ChangeLine[]): ChangeSection[] =>
  lines.length > 0 ? [{ heading, lines }] : []

const objectName = (o: ObjectNote) => `${OBJECT_KINDS.find((k) => k.kind === o.kind)?.label ?? o.kind} “${o.name}”`

function objectLines(o: ObjectChange): ChangeLine[] {
  return o.changes.map((c) =>
    c.field === 'points' && c.before === c.after ? { kind: 'note', text: 'Moved or reshaped' } : change('object', c),
  )
}

function sessionSections(heading: string, s: SessionChange, side: 'before' | 'after' | null): ChangeSection[] {
  const fields = s.changes.map((c) => (side ? value('session', c, side) : change('session', c)))
  const treatments: ChangeLine[] = s.treatments.map((t) =>
    side
      ? { kind: 'value', label: t.zone, value: amountWords(t[side]) }
      : { kind: 'change', label: t.zone, before: amountWords(t.before), after: amountWords(t.after) },
  )
  return [{ heading: `${heading}: ${formatDayTime(s.startsAt)}`, lines: [...fields, ...treatments] }]
}

const ACTION_TITLES: Record<string, string> = {
  'patient:created': 'Record created',
  'patient:updated': 'Record edited',
  'patient:archived': 'Record archived',
  'patient:restored': 'Record restored',
  'patient:imported': 'Record imported from a patient archive',
  'photo:imported': 'Photo imported',
  'photo:details-changed': 'Photo details changed',
  'photo:deleted': 'Photo deleted',
  'photo:measurement-added': 'Measurement added',
  'photo:measurement-renamed': 'Measurement renamed',
  'photo:measurement-deleted': 'Measurement deleted',
  'design:created': 'Design started',
  'design:changed': 'Design changed',
  'plan:saved': 'Treatment plan changed',
  'comment:added': 'Review comment added',
  'comment:resolved': 'Review comment resolved',
  'comment:reopened': 'Review comment reopened',
  'comment:deleted': 'Review comment deleted',
}

/** The words for one entry. Throws on a detail of an unexpected shape; the caller shows that as unreadable. */
export function describeEntry(entry: AuditEntry): EntryWords {
  const title = ACTION_TITLES[`${entry.entity}:${entry.action}`] ?? `${entry.entity}: ${entry.action}`
  switch (entry.entity) {
    case 'patient':
      if (entry.action === 'created')
        return {
          title,
          subject: null,
          sections: section(
            null,
            entry.detail.changes.map((c) => value('patient', c, 'after')),
          ),
        }
      if (entry.action === 'updated')
        return {
          title,
          subject: null,
          sections: section(
            null,
            entry.detail.changes.map((c) => change('patient', c)),
          ),
        }
      if (entry.action === 'imported') return { title, subject: null, sections: importSections(entry.detail) }
      return { title, subject: null, sections: [] }
    case 'photo': {
      const subject = photoWords(entry.detail.photo)
      switch (entry.action) {
        case 'imported':
          return { title, subject, sections: [] }
        case 'details-changed':
          return {
            title,
            subject,
            sections: section(
              null,
              entry.detail.changes.map((c) => change('photo', c)),
            ),
          }
        case 'calibrated': {
          const { before, after } = entry.detail
          const scale = (c: typeof before) =>
            c ? `${c.pxPerMm.toFixed(1)} px/mm (ruler ${c.lengthMm} mm)` : 'Not calibrated'
          return {
            title: after ? 'Photo calibrated' : 'Calibration removed',
            subject,
            sections: [
              {
                heading: null,
                lines: [{ kind: 'change', label: 'Scale', before: scale(before), after: scale(after) }],
              },
            ],
          }
        }
        case 'deleted': {
          const { measurements, designObjects } = entry.detail
          const gone = [
            measurements > 0 && `${measurements} measurement${measurements === 1 ? '' : 's'}`,
            designObjects > 0 && `its design (${designObjects} object${designObjects === 1 ? '' : 's'})`,
          ].filter(Boolean)
          return {
            title,
            subject,
            sections: section(
              null,
              gone.length > 0 ? [{ kind: 'note', text: `Deleted with ${gone.join(' and ')}` }] : [],
            ),
          }
        }
        case 'measurement-renamed':
          return {
            title,
            subject,
            sections: [
              {
                heading: null,
                lines: [
                  {
                    kind: 'change',
                    label: 'Label',
                    before: entry.detail.before || 'No label',
                    after: entry.detail.measurement.label || 'No label',
                  },
                ],
              },
            ],
          }
        default: {
          const m = entry.detail.measurement
          const name = `${m.kind === 'distance' ? 'Distance' : 'Area'}${m.label ? ` “${m.label}”` : ''}`
          return {
            title,
            subject,
            sections: [{ heading: null, lines: [{ kind: 'value', label: name, value: formatQuantity(m.size) }] }],
          }
        }
      }
    }
    case 'design': {
      const d = entry.detail
      return {
        title,
        subject: `On ${photoWords(d.photo)}`,
        sections: [
          ...section(
            'Added',
            d.added.map((o) => ({ kind: 'note', text: objectName(o) })),
          ),
          ...section(
            'Removed',
            d.removed.map((o) => ({ kind: 'note', text: objectName(o) })),
          ),
          ...d.changed.flatMap((o) => section(objectName(o), objectLines(o))),
          ...section(null, d.reordered ? [{ kind: 'note', text: 'Drawing order changed' }] : []),
        ],
      }
    }
    case 'plan': {
      const p = entry.detail
      return {
        title,
        subject: null,
        sections: [
          ...section(
            null,
            p.technique
              ? [p.technique.before === null ? value('session', p.technique, 'after') : change('session', p.technique)]
              : [],
          ),
          ...p.added.flatMap((s) => sessionSections('Session added', s, 'after')),
          ...p.removed.flatMap((s) => sessionSections('Session removed', s, 'before')),
          ...p.changed.flatMap((s) => sessionSections('Session changed', s, null)),
        ],
      }
    }
    case 'comment': {
      const c = entry.detail
      return {
        title,
        subject: `By ${c.by ?? c.author}`,
        sections: [{ heading: null, lines: [{ kind: 'value', label: `${c.author} wrote`, value: c.body }] }],
      }
    }
  }
  // A kind of entry from a newer Stipple, or one altered outside it.
  throw new Error(`Unknown kind of entry: ${String((entry as { entity: unknown }).entity)}`)
}
