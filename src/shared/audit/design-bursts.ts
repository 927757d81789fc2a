import type { AuditEntry, DesignChanges, FieldChange, ObjectChange, ObjectNote } from './audit-types'

/**
 * Autosaves of one design this close together are one sitting at the canvas: the history
 * shows them as one entry. "A few minutes"; five keeps a pause to think inside it.
 */
export const DESIGN_BURST_MS = 5 * 60_000

type DesignEntry = Extract<AuditEntry, { entity: 'design' }>

const isDesign = (entry: AuditEntry): entry is DesignEntry => entry.entity === 'design'
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** What a run of saves changed in all, oldest first: an object added then removed inside the run never appears. */
function mergeChanges(run: readonly DesignEntry[]): Omit<DesignChanges, 'photo'> {
  const added = new Map<string, ObjectNote>()
  const removed = new Map<string, ObjectNote>()
  const changed = new Map<string, { note: ObjectNote; fields: Map<string, FieldChange> }>()
  let reordered = false
  for (const { detail } of run) {
    for (const o of detail.added) {
      if (removed.has(o.id)) removed.delete(o.id)
      else added.set(o.id, o)
    }
    for (const o of detail.removed) {
      changed.delete(o.id)
      if (added.has(o.id)) added.delete(o.id)
      else removed.set(o.id, o)
    }
    for (const c of detail.changed) {
      const note: ObjectNote = { id: c.id, kind: c.kind, name: c.name }
      if (added.has(c.id)) {
        added.set(c.id, note)
        continue
      }
      const entry = changed.get(c.id) ?? { note, fields: new Map<string, FieldChange>() }
      entry.note = note
      for (const f of c.changes) {
        const first = entry.fields.get(f.field)
        entry.fields.set(f.field, first ? { field: f.field, before: first.before, after: f.after } : f)
      }
      changed.set(c.id, entry)
    }
    reordered ||= detail.reordered
  }
  const changes: ObjectChange[] = [...changed.values()].flatMap(({ note, fields }) => {
    // Points moved and moved back still moved in between; any other field back where it started did not change.
    const left = [...fields.values()].filter((f) => f.field === 'points' || !same(f.before, f.after))
    return left.length > 0 ? [{ ...note, changes: left }] : []
  })
  return { added: [...added.values()], removed: [...removed.values()], changed: changes, reordered }
}

/**
 * A patient's history as it reads best (newest first, as the trail pages it): each run of one
 * design's saves no more than `DESIGN_BURST_MS` apart becomes one entry, dated by its newest,
 * listing what the run changed in all. The trail itself is untouched; `keep` (an entry the chain
 * check names) is never folded into another.
 */
export function mergeDesignBursts(entries: readonly AuditEntry[], keep: number | null = null): AuditEntry[] {
  const out: AuditEntry[] = []
  let run: DesignEntry[] = []
  const flush = () => {
    const [newest] = run
    if (!newest) return
    if (run.length === 1) out.push(newest)
    else {
      const chronological = [...run].reverse()
      const oldest = chronological[0] as DesignEntry
      out.push({
        ...newest,
        action: oldest.action === 'created' ? 'created' : newest.action,
        detail: { photo: newest.detail.photo, ...mergeChanges(chronological) },
      } as DesignEntry)
    }
    run = []
  }
  for (const entry of entries) {
    const last = run.at(-1)
    const joins =
      last &&
      isDesign(entry) &&
      entry.entityId === last.entityId &&
      entry.seq !== keep &&
      last.seq !== keep &&
      last.action === 'changed' &&
      Date.parse(last.at) - Date.parse(entry.at) <= DESIGN_BURST_MS
    if (!joins) flush()
    if (isDesign(entry) && (entry.action === 'changed' || entry.action === 'created')) run.push(entry)
    else out.push(entry)
  }
  flush()
  return out
}
