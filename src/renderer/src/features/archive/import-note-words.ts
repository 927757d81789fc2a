import type { ArchiveImportNote } from '../../../../shared/audit/audit-types'
import { formatEntryTime } from '../../../../shared/audit/chain-words'
import type { ChangeSection } from '../audit/describe-entry'

/** A record's audit entry for its import from an archive, in words. */
export function importSections(note: ArchiveImportNote): ChangeSection[] {
  const entries = note.entries === 1 ? 'The entry' : `The ${note.entries.toLocaleString('en')} entries`
  return [
    {
      heading: null,
      lines: [
        {
          kind: 'value',
          label: 'Archive made',
          value: `${formatEntryTime(note.archiveCreatedAt)} by Stipple ${note.appVersion}`,
        },
        ...(note.copyOf
          ? [
              {
                kind: 'note' as const,
                text: 'Imported as a copy, with new ids, beside the record already on this machine.',
              },
            ]
          : []),
        ...(note.entries > 0
          ? [
              {
                kind: 'note' as const,
                text: `${entries} before this one came with the archive, dated as they happened there.`,
              },
            ]
          : []),
      ],
    },
  ]
}
