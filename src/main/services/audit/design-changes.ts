import type { AuditValue, DesignChanges, ObjectChange, ObjectNote } from '../../../shared/audit/audit-types'
import { type DesignObject, OBJECT_KINDS } from '../../../shared/design/design-types'
import { fieldChanges } from './field-changes'

/** An object named as the objects panel names it: its own name, else its kind. */
export function objectNote(object: DesignObject): ObjectNote {
  const name = object.name.trim() || (OBJECT_KINDS.find((k) => k.kind === object.kind)?.label ?? object.kind)
  return { id: object.id, kind: object.kind, name }
}

/**
 * Its clinical settings as the trail shows them: points as a count, since coordinates mean
 * nothing read aloud. Shown or hidden and locked for editing are how the artist works, not what
 * is planned for the patient, so they are not in the trail.
 */
function settingsOf(object: DesignObject): Record<string, AuditValue> {
  const { id: _id, points, hidden: _hidden, locked: _locked, ...settings } = object
  return { ...settings, points: points.length }
}

function objectChange(before: DesignObject, after: DesignObject): ObjectChange | null {
  const changes = fieldChanges(settingsOf(before), settingsOf(after))
  // Points moved without adding or removing one: the counts match, so say so explicitly.
  if (!changes.some((c) => c.field === 'points') && JSON.stringify(before.points) !== JSON.stringify(after.points))
    changes.push({ field: 'points', before: before.points.length, after: after.points.length })
  return changes.length > 0 ? { ...objectNote(after), changes } : null
}

/**
 * What a save changed, object by object: added, removed, and for each kept one the settings
 * that differ before → after. Null when the document is the same.
 */
export function designChanges(
  before: readonly DesignObject[],
  after: readonly DesignObject[],
): Omit<DesignChanges, 'photo'> | null {
  const beforeById = new Map(before.map((o) => [o.id, o]))
  const afterIds = new Set(after.map((o) => o.id))
  const kept = after.filter((o) => beforeById.has(o.id))
  const changes = {
    added: after.filter((o) => !beforeById.has(o.id)).map(objectNote),
    removed: before.filter((o) => !afterIds.has(o.id)).map(objectNote),
    changed: kept.flatMap((o) => objectChange(beforeById.get(o.id) as DesignObject, o) ?? []),
    reordered:
      before
        .filter((o) => afterIds.has(o.id))
        .map((o) => o.id)
        .join('\n') !== kept.map((o) => o.id).join('\n'),
  }
  const nothing = !changes.added.length && !changes.removed.length && !changes.changed.length && !changes.reordered
  return nothing ? null : changes
}
