import { useEffect, useMemo, useState } from 'react'
import { useRegisterActions } from '../../actions/ActionsProvider'
import { commandAction } from '../../actions/command-action'
import { errorMessage } from '../../bridge/bridge-client'
import { useBridge } from '../../bridge/bridge-context'
import { formatCounts } from './backup-format'
import { clearNotice, readNotice } from './restore-notice'

type Notice = { tone: 'info' | 'error' | 'busy'; text: string }

/**
 * A small notice in the corner: what a restore did (left for the reloaded page), and the
 * progress and outcome of the menu's Back Up Now.
 */
export function DataNotices() {
  const bridge = useBridge()
  const [notice, setNotice] = useState<Notice | null>(() => {
    const text = readNotice()
    return text ? { tone: 'info', text } : null
  })
  useEffect(clearNotice, [])

  useRegisterActions(
    useMemo(
      () => ({
        actions: [
          commandAction('data.backUpNow', 'data', () => {
            setNotice({ tone: 'busy', text: 'Backing up…' })
            bridge.call('backups.create', {}).then(
              (backup) => setNotice({ tone: 'info', text: `Backed up: ${formatCounts(backup.counts)}.` }),
              (e: unknown) => setNotice({ tone: 'error', text: `The backup failed: ${errorMessage(e)}` }),
            )
          }),
        ],
      }),
      [bridge],
    ),
  )

  if (!notice) return null
  return (
    <div className={`data-notice data-notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      {notice.tone === 'busy' && <span className="spinner" aria-hidden="true" />}
      <p>{notice.text}</p>
      {notice.tone !== 'busy' && (
        <button type="button" className="button button--ghost" onClick={() => setNotice(null)}>
          Dismiss
        </button>
      )}
    </div>
  )
}
