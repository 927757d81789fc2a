import { type ReactNode, useCallback, useEffect, useState } from 'react'
import type { BackupSummary, RestoreOutcome } from '../../../../shared/backups/backup-types'
import { errorMessage } from '../../bridge/bridge-client'
import { useBridge } from '../../bridge/bridge-context'
import { Banner } from '../../ui/Banner'
import { formatAge, formatMoment } from '../../ui/format'
import { Loading } from '../../ui/Loading'
import { BackupList } from './BackupList'
import { BackupPolicyForm } from './BackupPolicyForm'
import { formatCounts } from './backup-format'
import { DatabaseCheck } from './DatabaseCheck'
import { reloadWithNotice, restoreNoticeText } from './restore-notice'
import './backups.css'

const reloadAfterRestore = (outcome: RestoreOutcome) => reloadWithNotice(restoreNoticeText(outcome))

/**
 * Settings › Your data: where the data lives, its backups (take one now, restore one, delete
 * one), how many are kept, and the full database check. `onRestored` defaults to reloading the
 * app over the restored database; `children` are further sections, shown after where the data lives.
 */
export function DataPanel({
  onRestored = reloadAfterRestore,
  children,
}: {
  onRestored?(outcome: RestoreOutcome): void
  children?: ReactNode
}) {
  const bridge = useBridge()
  const [dataDir, setDataDir] = useState<string | null>(null)
  const [backups, setBackups] = useState<BackupSummary[] | null>(null)
  const [backingUp, setBackingUp] = useState(false)
  const [deleting, setDeleting] = useState<string | null>(null)
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; title: string; text: string } | null>(null)

  const refresh = useCallback(
    () =>
      bridge
        .call('backups.list', {})
        .then(setBackups, (e: unknown) =>
          setMessage({ tone: 'error', title: 'The backups could not be listed', text: errorMessage(e) }),
        ),
    [bridge],
  )
  useEffect(() => {
    void refresh()
    bridge.call('app.info', {}).then(
      (info) => setDataDir(info.dataDir),
      () => setDataDir(null),
    )
  }, [bridge, refresh])

  const backUpNow = async () => {
    setBackingUp(true)
    setMessage(null)
    try {
      const backup = await bridge.call('backups.create', {})
      setMessage({
        tone: 'info',
        title: 'Backed up',
        text: `${formatCounts(backup.counts)} saved at ${formatMoment(backup.createdAt)}.`,
      })
    } catch (e) {
      setMessage({ tone: 'error', title: 'The backup failed', text: errorMessage(e) })
    } finally {
      setBackingUp(false)
      await refresh()
    }
  }

  const remove = async (id: string) => {
    setDeleting(id)
    try {
      await bridge.call('backups.delete', { id })
    } catch (e) {
      setMessage({ tone: 'error', title: 'The backup was not deleted', text: errorMessage(e) })
    } finally {
      setDeleting(null)
      await refresh()
    }
  }

  const newest = backups?.[0]
  return (
    <div className="data-panel">
      <section className="data-panel__section" aria-labelledby="data-where">
        <h2 className="settings-heading" id="data-where">
          Where your data lives
        </h2>
        <p className="settings-note">
          Patient records, designs and plans are in one database file in this folder; photos in its photos folder,
          backups in its backups folder. Nothing leaves this computer.
        </p>
        <p className="data-panel__folder">{dataDir ?? '…'}</p>
      </section>
      {children}

      <section className="data-panel__section" aria-labelledby="data-backups">
        <h2 className="settings-heading" id="data-backups">
          Backups
        </h2>
        <p className="settings-note">
          Stipple backs the database up when it starts, once a day, while you keep working. A backup lists the photo
          files it needs, and they are kept as long as the backup is.
        </p>
        <div className="data-panel__backup-now">
          <button type="button" className="button button--primary" disabled={backingUp} onClick={backUpNow}>
            {backingUp ? (
              <>
                <span className="spinner" aria-hidden="true" /> Backing up…
              </>
            ) : (
              'Back up now'
            )}
          </button>
          <span className="settings-note" data-testid="last-backup">
            {newest
              ? `Last backup: ${formatMoment(newest.createdAt)} (${formatAge(newest.createdAt)})`
              : backups && 'No backup yet'}
          </span>
        </div>
        {message && (
          <Banner tone={message.tone} title={message.title}>
            <p>{message.text}</p>
          </Banner>
        )}
        {backups ? (
          <BackupList
            backups={backups}
            recovery={false}
            deleting={deleting}
            onRestored={onRestored}
            onDelete={remove}
          />
        ) : (
          <Loading className="status-line">Reading the backups…</Loading>
        )}
      </section>

      <section className="data-panel__section" aria-labelledby="data-policy">
        <h2 className="settings-heading" id="data-policy">
          How long backups are kept
        </h2>
        <BackupPolicyForm onSaved={refresh} />
      </section>

      <section className="data-panel__section" aria-labelledby="data-check">
        <h2 className="settings-heading" id="data-check">
          Database check
        </h2>
        <DatabaseCheck />
      </section>
    </div>
  )
}
