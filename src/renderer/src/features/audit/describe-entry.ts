import type {
  AuditEntity,
  AuditEntry,
  AuditEvent,
  CalibrationNote,
  CommentNote,
  DesignChanges,
  FieldChange,
  MeasurementNote,
  ObjectChange,
  ObjectNote,
  PhotoNote,
  PlanChanges,
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

type EntryBody = Omit<EntryWords, 'title'>
type ActionOf<E extends AuditEntity> = Extract<AuditEvent, { entity: E }>['action']
type DetailOf<E extends AuditEntity, A> = Extract<AuditEvent, { entity: E; action: A }>['detail']

/** One action's title and the body of its entry. */
interface ActionWords<D> {
  title: string | ((detail: D) => string)
  body(detail: D): EntryBody
}

interface EntityWords<E extends AuditEntity> {
  actions: { [A in ActionOf<E>]: ActionWords<DetailOf<E, A>> }
  /** An action this version does not know (from a newer Stipple) reads as the entity's usual entry, titled as written. */
  otherwise(detail: DetailOf<E, ActionOf<E>>): EntryBody
}

const recordChanges =
  (line: (c: FieldChange) => ChangeLine) =>
  (detail: { changes: FieldChange[] }): EntryBody => ({
    subject: null,
    sections: section(null, detail.changes.map(line)),
  })

const noBody = (): EntryBody => ({ subject: null, sections: [] })

const calibrationScale = (c: CalibrationNote | null) =>
  c ? `${c.pxPerMm.toFixed(1)} px/mm (ruler ${c.lengthMm} mm)` : 'Not calibrated'

function deletedPhoto(detail: DetailOf<'photo', 'deleted'>): EntryBody {
  const { measurements, designObjects } = detail
  const gone = [
    measurements > 0 && `${measurements} measurement${measurements === 1 ? '' : 's'}`,
    designObjects > 0 && `its design (${designObjects} object${designObjects === 1 ? '' : 's'})`,
  ].filter(Boolean)
  return {
    subject: photoWords(detail.photo),
    sections: section(null, gone.length > 0 ? [{ kind: 'note', text: `Deleted with ${gone.join(' and ')}` }] : []),
  }
}

function measurementBody(detail: { photo: PhotoNote; measurement: MeasurementNote }): EntryBody {
  const m = detail.measurement
  const name = `${m.kind === 'distance' ? 'Distance' : 'Area'}${m.label ? ` “${m.label}”` : ''}`
  return {
    subject: photoWords(detail.photo),
    sections: [{ heading: null, lines: [{ kind: 'value', label: name, value: formatQuantity(m.size) }] }],
  }
}

const designBody = (d: DesignChanges): EntryBody => ({
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
})

const planBody = (p: PlanChanges): EntryBody => ({
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
})

const commentBody = (c: CommentNote): EntryBody => ({
  subject: `By ${c.by ?? c.author}`,
  sections: [{ heading: null, lines: [{ kind: 'value', label: `${c.author} wrote`, value: c.body }] }],
})

/** An entity's words with the pairing of action and detail left to the entry. */
interface AnyEntityWords {
  actions: Record<string, ActionWords<AuditEntry['detail']>>
  otherwise(detail: AuditEntry['detail']): EntryBody
}

/** Every entry's words, by entity and action. */
const DESCRIPTIONS: { [E in AuditEntity]: EntityWords<E> } = {
  patient: {
    actions: {
      created: { title: 'Record created', body: recordChanges((c) => value('patient', c, 'after')) },
      updated: { title: 'Record edited', body: recordChanges((c) => change('patient', c)) },
      archived: { title: 'Record archived', body: noBody },
      restored: { title: 'Record restored', body: noBody },
      imported: {
        title: 'Record imported from a patient archive',
        body: (note) => ({ subject: null, sections: importSections(note) }),
      },
    },
    otherwise: noBody,
  },
  photo: {
    actions: {
      imported: { title: 'Photo imported', body: (d) => ({ subject: photoWords(d.photo), sections: [] }) },
      'details-changed': {
        title: 'Photo details changed',
        body: (d) => ({
          subject: photoWords(d.photo),
          sections: section(
            null,
            d.changes.map((c) => change('photo', c)),
          ),
        }),
      },
      calibrated: {
        title: (d) => (d.after ? 'Photo calibrated' : 'Calibration removed'),
        body: (d) => ({
          subject: photoWords(d.photo),
          sections: [
            {
              heading: null,
              lines: [
                {
                  kind: 'change',
                  label: 'Scale',
                  before: calibrationScale(d.before),
                  after: calibrationScale(d.after),
                },
              ],
            },
          ],
        }),
      },
      deleted: { title: 'Photo deleted', body: deletedPhoto },
      'measurement-added': { title: 'Measurement added', body: measurementBody },
      'measurement-renamed': {
        title: 'Measurement renamed',
        body: (d) => ({
          subject: photoWords(d.photo),
          sections: [
            {
              heading: null,
              lines: [
                {
                  kind: 'change',
                  label: 'Label',
                  before: d.before || 'No label',
                  after: d.measurement.label || 'No label',
                },
              ],
            },
          ],
        }),
      },
      'measurement-deleted': { title: 'Measurement deleted', body: measurementBody },
    },
    otherwise: (d) => measurementBody(d as DetailOf<'photo', 'measurement-added'>),
  },
  design: {
    actions: {
      created: { title: 'Design started', body: designBody },
      changed: { title: 'Design changed', body: designBody },
    },
    otherwise: designBody,
  },
  plan: {
    actions: { saved: { title: 'Treatment plan changed', body: planBody } },
    otherwise: planBody,
  },
  comment: {
    actions: {
      added: { title: 'Review comment added', body: commentBody },
      resolved: { title: 'Review comment resolved', body: commentBody },
      reopened: { title: 'Review comment reopened', body: commentBody },
      deleted: { title: 'Review comment deleted', body: commentBody },
    },
    otherwise: commentBody,
  },
}

/** The words for one entry. Throws on a detail of an unexpected shape; the caller shows that as unreadable. */
export function describeEntry(entry: AuditEntry): EntryWords {
  // A kind of entry from a newer Stipple, or one altered outside it.
  if (!Object.hasOwn(DESCRIPTIONS, entry.entity))
    throw new Error(`Unknown kind of entry: ${String((entry as { entity: unknown }).entity)}`)
  // The table is typed by entity and action; the entry's own pair picks the matching detail.
  const entity = DESCRIPTIONS[entry.entity] as unknown as AnyEntityWords
  const action = Object.hasOwn(entity.actions, entry.action) ? entity.actions[entry.action] : undefined
  if (!action) return { title: `${entry.entity}: ${entry.action}`, ...entity.otherwise(entry.detail) }
  const title = typeof action.title === 'string' ? action.title : action.title(entry.detail)
  return { title, ...action.body(entry.detail) }
}
