import { useState } from 'react'
import type { BackupSummary, RestoreOutcome } from '../../../../shared/backups/backup-types'
import { formatBytes, formatMoment } from '../../ui/format'
import { formatCounts, reasonLabel } from './backup-format'
import { RestoreConfirm } from './RestoreConfirm'

type Open = { id: string; action: 'restore' | 'delete' } | null

/**
 * The backups, newest first, each with what it holds; Restore… opens its preview and the
 * question beneath it, Delete… asks before removing it.
 */
export function BackupList(props: {
  backups: BackupSummary[]
  recovery: boolean
  deleting: string | null
  onRestored(outcome: RestoreOutcome): void
  onDelete?(id: string): void
}) {
  const [open, setOpen] = useState<Open>(null)
  if (props.backups.length === 0) return <p className="settings-note">There are no backups yet.</p>
  return (
    <ul className="row-list" aria-label="Backups">
      {props.backups.map((backup) => {
        const taken = formatMoment(backup.createdAt)
        return (
          <li key={backup.id} className="row-list__row backup-row" aria-label={`Backup of ${taken}`}>
            <div className="backup-row__summary">
              <div>
                <p className="backup-row__when">{taken}</p>
                <p className="backup-row__meta">
                  {reasonLabel(backup.reason)} · {formatCounts(backup.counts)} · {formatBytes(backup.bytes)}
                </p>
              </div>
              <div className="backup-row__actions">
                <button type="button" className="button" onClick={() => setOpen({ id: backup.id, action: 'restore' })}>
                  Restore…
                </button>
                {props.onDelete && (
                  <button
                    type="button"
                    className="button button--ghost"
                    onClick={() => setOpen({ id: backup.id, action: 'delete' })}
                  >
                    Delete…
                  </button>
                )}
              </div>
            </div>
            {open?.id === backup.id && open.action === 'restore' && (
              <RestoreConfirm
                backupId={backup.id}
                recovery={props.recovery}
                onRestored={props.onRestored}
                onCancel={() => setOpen(null)}
              />
            )}
            {open?.id === backup.id && open.action === 'delete' && props.onDelete && (
              <DeleteConfirm
                busy={props.deleting === backup.id}
                onConfirm={() => props.onDelete?.(backup.id)}
                onCancel={() => setOpen(null)}
              />
            )}
          </li>
        )
      })}
    </ul>
  )
}

function DeleteConfirm(props: { busy: boolean; onConfirm(): void; onCancel(): void }) {
  return (
    <div
      className="banner banner--caution restore-confirm"
      role="alertdialog"
      aria-label="Delete this backup?"
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel()
      }}
    >
      <p className="banner__title">Delete this backup?</p>
      <p>Its file is removed for good; your data in Stipple now is not touched.</p>
      <div className="restore-confirm__actions">
        <button type="button" className="button button--danger" disabled={props.busy} onClick={props.onConfirm}>
          {props.busy ? 'Deleting…' : 'Delete backup'}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Keep it
        </button>
      </div>
    </div>
  )
}
