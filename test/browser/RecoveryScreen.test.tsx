import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { ActionsProvider } from '../../src/renderer/src/actions/ActionsProvider'
import { BridgeProvider } from '../../src/renderer/src/bridge/bridge-context'
import { RecoveryGate } from '../../src/renderer/src/features/backups/RecoveryGate'
import { RecoveryScreen } from '../../src/renderer/src/features/backups/RecoveryScreen'
import { formatMoment } from '../../src/renderer/src/ui/format'
import '../../src/renderer/src/ui/tokens.css'
import '../../src/renderer/src/ui/base.css'
import '../../src/renderer/src/app/app.css'
import type { RecoveryState } from '../../src/shared/backups/backup-types'
import { backupsWorld, DATA_DIR, NEWER, OLDER } from './backups-world'

const DAMAGED: RecoveryState = {
  reason: 'damaged',
  detail: 'database disk image is malformed',
  databaseFile: 'stipple.sqlite3',
}

function renderRecovery(world = backupsWorld({ recovery: DAMAGED })) {
  let continued = 0
  render(
    <BridgeProvider client={world.bridge}>
      <RecoveryScreen dataDir={DATA_DIR} recovery={DAMAGED} onContinue={() => continued++} />
    </BridgeProvider>,
  )
  return { ...world, continued: () => continued }
}

describe('the recovery screen', () => {
  it('explains what happened and restores the newest good backup, passing over a damaged newer one', async () => {
    const world = renderRecovery(
      backupsWorld({ recovery: DAMAGED, problems: { [NEWER.id]: ['The backup file is damaged.'] } }),
    )
    await expect
      .element(page.getByRole('heading', { level: 1 }))
      .toMatchTextContent('Stipple could not open your patient database')
    await expect.element(page.getByText('Stipple has not changed or deleted the file', { exact: false })).toBeVisible()
    await expect.element(page.getByText('database disk image is malformed')).toBeVisible()
    await expect.element(page.getByText(DATA_DIR)).toBeVisible()

    const newest = page.getByRole('region', { name: /Newest good backup/ })
    await expect.element(newest.getByRole('heading')).toMatchTextContent(formatMoment(OLDER.createdAt))
    const dialog = newest.getByRole('alertdialog')
    await expect
      .element(dialog)
      .toHaveAccessibleDescription(/takes the place of the damaged database. The damaged file is not deleted/)
    await userEvent.click(dialog.getByRole('button', { name: 'Restore this backup' }))

    await expect.element(page.getByRole('heading', { level: 1 })).toMatchTextContent('Your data is back')
    await expect
      .element(page.getByText(/kept in your data folder as stipple\.sqlite3\.damaged-2026-11-21T10-00-00/))
      .toBeVisible()
    expect(world.restored).toEqual([OLDER.id])
    await userEvent.click(page.getByRole('button', { name: 'Continue to Stipple' }))
    expect(world.continued()).toBe(1)
  })

  it('offers the other backups too', async () => {
    const world = renderRecovery()
    const all = page.getByRole('region', { name: 'All backups' })
    await expect.element(all.getByRole('listitem')).toHaveLength(2)
    await userEvent.click(
      all.getByRole('listitem', { name: `Backup of ${formatMoment(OLDER.createdAt)}` }).getByRole('button', {
        name: 'Restore…',
      }),
    )
    await userEvent.click(all.getByRole('button', { name: 'Restore this backup' }))
    await expect.element(page.getByRole('heading', { level: 1 })).toMatchTextContent('Your data is back')
    expect(world.restored).toEqual([OLDER.id])
  })

  it('with no backup, starts an empty database only after asking, the damaged file kept', async () => {
    const world = renderRecovery(backupsWorld({ recovery: DAMAGED, backups: [] }))
    await expect.element(page.getByRole('note').filter({ hasText: 'There is no backup' })).toBeVisible()
    await userEvent.click(page.getByRole('button', { name: 'Start with an empty database…' }))
    const dialog = page.getByRole('alertdialog', { name: 'Start with an empty database?' })
    await userEvent.click(dialog.getByRole('button', { name: 'Cancel' }))
    expect(world.startedEmpty()).toBe(0)

    await userEvent.click(page.getByRole('button', { name: 'Start with an empty database…' }))
    await userEvent.click(dialog.getByRole('button', { name: 'Start with an empty database' }))
    await expect.element(page.getByRole('heading', { level: 1 })).toMatchTextContent('starts with an empty database')
    await expect.element(page.getByText(/stipple\.sqlite3\.damaged-2026-11-21T10-00-00/)).toBeVisible()
    expect(world.startedEmpty()).toBe(1)
  })
})

describe('the recovery gate', () => {
  const renderGate = (world: ReturnType<typeof backupsWorld>) =>
    render(
      <BridgeProvider client={world.bridge}>
        <ActionsProvider>
          <RecoveryGate>
            <p>The app</p>
          </RecoveryGate>
        </ActionsProvider>
      </BridgeProvider>,
    )

  it('shows the recovery screen instead of the app when main says so', async () => {
    renderGate(backupsWorld({ recovery: DAMAGED }))
    await expect.element(page.getByRole('heading', { level: 1 })).toMatchTextContent('could not open')
    await expect.element(page.getByText('The app')).not.toBeInTheDocument()
  })

  it('shows the app when the database opened', async () => {
    renderGate(backupsWorld())
    await expect.element(page.getByText('The app')).toBeVisible()
  })
})
