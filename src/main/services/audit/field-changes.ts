import type { AuditValue, FieldChange } from '../../../shared/audit/audit-types'
import { canonicalJson } from './canonical-json'

/** Each field whose value differs, in the order `after` lists them, then fields only `before` had. */
export function fieldChanges(
  before: Readonly<Record<string, AuditValue>>,
  after: Readonly<Record<string, AuditValue>>,
): FieldChange[] {
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])]
  return fields
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }))
    .filter((change) => canonicalJson(change.before) !== canonicalJson(change.after))
}
