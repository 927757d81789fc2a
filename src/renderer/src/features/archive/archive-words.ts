import type { ArchiveCounts } from '../../../../shared/archive/archive-summary'
import { plural } from '../../ui/format'

/** "2 photos, 1 design, 4 sessions": what an archive holds besides the record, zeros left out. */
export function countsWords(counts: ArchiveCounts): string {
  const parts = [
    counts.photos && plural(counts.photos, 'photo'),
    counts.measurements && plural(counts.measurements, 'measurement'),
    counts.designs && plural(counts.designs, 'design'),
    counts.sessions && plural(counts.sessions, 'session'),
    counts.comments && plural(counts.comments, 'review comment'),
    counts.auditEntries && plural(counts.auditEntries, 'history entry', 'history entries'),
  ].filter((part): part is string => Boolean(part))
  return parts.length > 0 ? parts.join(', ') : 'The record alone, with no photos, designs or sessions'
}

/** "12.4 MB": a file's size as a person reads it. */
export function sizeWords(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
