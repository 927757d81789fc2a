import { useEffect, useId, useRef, useState } from 'react'
import type { BackupPreview, RestoreOutcome } from '../../../../shared/backups/backup-types'
import { errorMessage } from '../../bridge/bridge-client'
import { useBridge } from '../../bridge/bridge-context'
import { Banner } from '../../ui/Banner'
import { formatMoment } from '../../ui/format'
import { Loading } from '../../ui/Loading'
import { formatCounts } from './backup-format'

const CHECK_OUTCOME = {
  passed: 'passed',
  failed: 'failed',
  warning: 'passed with a warning',
  skipped: 'not run',
} as const

/** Names shown before "and N more": enough to recognise the backup, short enough to read. */
const NAMES_SHOWN = 12

/**
 * The preview of a backup and the question before restoring it: what it holds, whether it
 * passed its checks, and what happens to the data there now (a safety backup of it, or, in
 * recovery, the damaged file moved aside). Escape or Cancel leaves everything as it is.
 */
export function RestoreConfirm(props: {
  backupId: string
  recovery: boolean
  onRestored(outcome: RestoreOutcome): void
  onCancel(): void
}) {
  const bridge = useBridge()
  const id = useId()
  const [preview, setPreview] = useState<BackupPreview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const cancelRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    let live = true
    bridge.call('backups.preview', { id: props.backupId }).then(
      (value) => live && setPreview(value),
      (e: unknown) => live && setError(errorMessage(e)),
    )
    return () => {
      live = false
    }
  }, [bridge, props.backupId])
  // Outside recovery a restore replaces the data in use, so the safe answer takes focus; in
  // recovery the screen is read from the top.
  useEffect(() => {
    if (!props.recovery) cancelRef.current?.focus()
  }, [props.recovery])

  const restore = async () => {
    setBusy(true)
    setError(null)
    try {
      props.onRestored(await bridge.call('backups.restore', { id: props.backupId }))
    } catch (e) {
      setError(errorMessage(e))
      setBusy(false)
    }
  }

  const restorable = preview !== null && preview.problems.length === 0
  const names = preview?.patients ?? []
  return (
    <div
      className="banner banner--caution restore-confirm"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) props.onCancel()
      }}
    >
      <p className="banner__title" id={`${id}-title`}>
        {preview ? `Restore the backup of ${formatMoment(preview.backup.createdAt)}?` : 'Restore this backup?'}
      </p>
      {!preview && !error && <Loading className="status-line">Checking the backup…</Loading>}
      {preview && (
        <div className="restore-confirm__contents">
          <p>It holds {formatCounts(preview.backup.counts)}:</p>
          {names.length > 0 && (
            <p className="restore-confirm__names">
              {names
                .slice(0, NAMES_SHOWN)
                .map((p) => (p.archived ? `${p.name} (archived)` : p.name))
                .join(', ')}
              {names.length > NAMES_SHOWN && `, and ${names.length - NAMES_SHOWN} more`}
            </p>
          )}
        </div>
      )}
      {preview && (
        <ul className="restore-confirm__checks" aria-label="Checks run on this backup">
          {preview.checks.map((check) => (
            <li key={check.name} data-outcome={check.outcome}>
              <strong>
                {check.name}: {CHECK_OUTCOME[check.outcome]}
              </strong>{' '}
              {check.detail}
            </li>
          ))}
        </ul>
      )}
      {preview && preview.problems.length > 0 && (
        <Banner tone="error" title="This backup cannot be restored">
          {preview.problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </Banner>
      )}
      {restorable && preview.missingPhotoFiles > 0 && (
        <Banner tone="caution" title="Some photo files are gone">
          <p>
            {preview.missingPhotoFiles} of its photos no longer have their files in the data folder; those records come
            back without their picture.
          </p>
        </Banner>
      )}
      {restorable && (
        <p id={`${id}-text`}>
          {props.recovery
            ? 'This backup takes the place of the damaged database. The damaged file is not deleted: it is renamed and kept in your data folder.'
            : 'Everything in Stipple now is replaced by this backup. A safety backup of your current data is taken first, so you can come back to it.'}
        </p>
      )}
      {error && (
        <Banner tone="error" title="The backup was not restored">
          <p>{error}</p>
        </Banner>
      )}
      <div className="restore-confirm__actions">
        {restorable && (
          <button
            type="button"
            className={props.recovery ? 'button button--primary' : 'button button--danger'}
            disabled={busy}
            onClick={restore}
          >
            {busy ? (
              <>
                <span className="spinner" aria-hidden="true" /> Restoring…
              </>
            ) : (
              'Restore this backup'
            )}
          </button>
        )}
        <button ref={cancelRef} type="button" className="button" disabled={busy} onClick={props.onCancel}>
          {restorable ? 'Cancel' : 'Close'}
        </button>
      </div>
    </div>
  )
}
