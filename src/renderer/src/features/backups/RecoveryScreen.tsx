import { useEffect, useState } from 'react'
import type { BackupSummary, RecoveryState, RestoreOutcome } from '../../../../shared/backups/backup-types'
import { errorMessage } from '../../bridge/bridge-client'
import { useBridge } from '../../bridge/bridge-context'
import { Banner } from '../../ui/Banner'
import { formatMoment } from '../../ui/format'
import { Loading } from '../../ui/Loading'
import { BackupList } from './BackupList'
import { formatCounts, reasonLabel } from './backup-format'
import { RestoreConfirm } from './RestoreConfirm'
import { StartEmptyConfirm } from './StartEmptyConfirm'
import './backups.css'

type Found = { kind: 'checking' } | { kind: 'found'; backups: BackupSummary[]; newestGood: BackupSummary | null }
type Done = { title: string; text: string }

/** The newest backup that passes its checks, trying each from the newest until one does. */
async function findNewestGood(
  backups: BackupSummary[],
  preview: (id: string) => Promise<{ problems: string[] }>,
): Promise<BackupSummary | null> {
  for (const backup of backups) {
    const checked = await preview(backup.id).catch(() => null)
    if (checked && checked.problems.length === 0) return backup
  }
  return null
}

const EXPLANATION: Record<RecoveryState['reason'], { title: string; text: string }> = {
  damaged: {
    title: 'Stipple could not open your patient database',
    text: 'The database file is damaged, so Stipple cannot read your records from it. This can happen after a disk fault or a power cut. Stipple has not changed or deleted the file, and has not started an empty one in its place.',
  },
  missing: {
    title: 'Stipple could not find your patient database',
    text: 'There is no database in your data folder, but there are backups of it: it may have been moved or deleted. Stipple has not started an empty one in its place.',
  },
}

/**
 * What the app shows instead of itself when its database fails the start-up check: what
 * happened in plain words, the newest good backup to restore (and the others), or, knowingly,
 * an empty database. The damaged file is kept under a new name either way; `onContinue`
 * (a reload by default) opens the app over the restored database.
 */
export function RecoveryScreen(props: { dataDir: string; recovery: RecoveryState; onContinue?(): void }) {
  const bridge = useBridge()
  const [found, setFound] = useState<Found>({ kind: 'checking' })
  const [listError, setListError] = useState<string | null>(null)
  const [newestDismissed, setNewestDismissed] = useState(false)
  const [done, setDone] = useState<Done | null>(null)
  const explanation = EXPLANATION[props.recovery.reason]

  useEffect(() => {
    let live = true
    bridge
      .call('backups.list', {})
      .then(async (backups) => {
        const newestGood = await findNewestGood(backups, (id) => bridge.call('backups.preview', { id }))
        if (live) setFound({ kind: 'found', backups, newestGood })
      })
      .catch((e: unknown) => live && setListError(errorMessage(e)))
    return () => {
      live = false
    }
  }, [bridge])

  const keptAs = (movedAside: string | null) =>
    movedAside ? ` The damaged database is kept in your data folder as ${movedAside}; Stipple no longer uses it.` : ''
  const restored = (outcome: RestoreOutcome) =>
    setDone({
      title: 'Your data is back',
      text: `Stipple restored the backup of ${formatMoment(outcome.restored.createdAt)} (${formatCounts(outcome.restored.counts)}).${keptAs(outcome.movedAside)}`,
    })
  const startedEmpty = (movedAside: string | null) =>
    setDone({ title: 'Stipple starts with an empty database', text: `No patients yet.${keptAs(movedAside)}` })

  const continueToApp = props.onContinue ?? (() => window.location.reload())

  return (
    <main className="recovery">
      <div className="recovery__panel">
        <h1 className="page-title">{done ? done.title : explanation.title}</h1>
        {done ? (
          <>
            <p className="recovery__text">{done.text}</p>
            <div>
              <button type="button" className="button button--primary" onClick={continueToApp}>
                Continue to Stipple
              </button>
            </div>
          </>
        ) : (
          <>
            <p className="recovery__text">{explanation.text}</p>
            <dl className="recovery__facts">
              <dt>What SQLite reported</dt>
              <dd>{props.recovery.detail}</dd>
              <dt>Data folder</dt>
              <dd className="recovery__path">{props.dataDir}</dd>
            </dl>
            {listError && (
              <Banner tone="error" title="The backups could not be read">
                <p>{listError}</p>
              </Banner>
            )}
            {found.kind === 'checking' && !listError && (
              <Loading className="status-line">Checking the backups…</Loading>
            )}
            {found.kind === 'found' && (
              <RecoveryChoices
                backups={found.backups}
                newestGood={newestDismissed ? null : found.newestGood}
                hasGood={found.newestGood !== null}
                damaged={props.recovery.reason === 'damaged'}
                onDismissNewest={() => setNewestDismissed(true)}
                onRestored={restored}
                onStartedEmpty={startedEmpty}
              />
            )}
          </>
        )}
      </div>
    </main>
  )
}

function RecoveryChoices(props: {
  backups: BackupSummary[]
  newestGood: BackupSummary | null
  hasGood: boolean
  damaged: boolean
  onDismissNewest(): void
  onRestored(outcome: RestoreOutcome): void
  onStartedEmpty(movedAside: string | null): void
}) {
  const { newestGood } = props
  return (
    <>
      {newestGood && (
        <section className="recovery__section" aria-labelledby="recovery-newest">
          <h2 className="settings-heading" id="recovery-newest">
            Newest good backup: {formatMoment(newestGood.createdAt)}
          </h2>
          <p className="settings-note">
            {reasonLabel(newestGood.reason)} backup · {formatCounts(newestGood.counts)}. Changes made after it was taken
            are not in it.
          </p>
          <RestoreConfirm
            backupId={newestGood.id}
            recovery
            onRestored={props.onRestored}
            onCancel={props.onDismissNewest}
          />
        </section>
      )}
      {!props.hasGood && (
        <Banner
          tone="caution"
          title={props.backups.length === 0 ? 'There is no backup' : 'No backup passes its checks'}
        >
          <p>
            {props.backups.length === 0
              ? 'Stipple has no backup of this database to restore.'
              : 'Each backup below failed a check; open one to see why.'}{' '}
            You can start with an empty database instead.
          </p>
        </Banner>
      )}
      {props.backups.length > 0 && (
        <section className="recovery__section" aria-labelledby="recovery-all">
          <h2 className="settings-heading" id="recovery-all">
            All backups
          </h2>
          <BackupList backups={props.backups} recovery deleting={null} onRestored={props.onRestored} />
        </section>
      )}
      <section className="recovery__section" aria-labelledby="recovery-empty">
        <h2 className="settings-heading" id="recovery-empty">
          Or start again
        </h2>
        <StartEmptyConfirm damaged={props.damaged} onStarted={props.onStartedEmpty} />
      </section>
    </>
  )
}
