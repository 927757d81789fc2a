import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { BridgeProvider } from '../../src/renderer/src/bridge/bridge-context'
import { DataPanel } from '../../src/renderer/src/features/backups/DataPanel'
import { formatMoment } from '../../src/renderer/src/ui/format'
import '../../src/renderer/src/ui/tokens.css'
import '../../src/renderer/src/ui/base.css'
import '../../src/renderer/src/app/app.css'
import type { RestoreOutcome } from '../../src/shared/backups/backup-types'
import { backupsWorld, DATA_DIR, NEWER, OLDER } from './backups-world'

function renderPanel(world = backupsWorld()) {
  const outcomes: RestoreOutcome[] = []
  render(
    <BridgeProvider client={world.bridge}>
      <DataPanel onRestored={(outcome) => outcomes.push(outcome)} />
    </BridgeProvider>,
  )
  return { ...world, outcomes }
}

const backups = () => page.getByRole('list', { name: 'Backups' })
const row = (iso: string) => page.getByRole('listitem', { name: `Backup of ${formatMoment(iso)}` })

describe('Settings › Your data', () => {
  it('shows where the data lives, the last backup and every backup with what it holds', async () => {
    renderPanel()
    await expect.element(page.getByText(DATA_DIR)).toBeVisible()
    await expect
      .element(page.getByTestId('last-backup'))
      .toMatchTextContent(`Last backup: ${formatMoment(NEWER.createdAt)}`)
    await expect
      .element(row(NEWER.createdAt))
      .toMatchTextContent('Manual · 3 patients · 7 photos · 4 sessions · 2.3 MB')
    await expect.element(row(OLDER.createdAt)).toMatchTextContent('Automatic · 2 patients · 5 photos · 3 sessions')
  })

  it('backs up now with progress, then lists the new backup', async () => {
    const world = renderPanel(backupsWorld({ holdBackups: true }))
    await userEvent.click(page.getByRole('button', { name: 'Back up now' }))
    await expect.element(page.getByRole('button', { name: 'Backing up…' })).toBeDisabled()
    world.finishBackup()
    await expect.element(page.getByRole('note').filter({ hasText: 'Backed up' })).toBeVisible()
    await expect.element(row('2026-11-21T10:00:00.000Z')).toBeVisible()
    await expect.element(page.getByRole('button', { name: 'Back up now' })).toBeEnabled()
    expect(world.backups()).toHaveLength(3)
  })

  it('previews a backup and says a safety backup comes first before restoring it', async () => {
    const world = renderPanel()
    await userEvent.click(row(OLDER.createdAt).getByRole('button', { name: 'Restore…' }))
    const dialog = page.getByRole('alertdialog', { name: `Restore the backup of ${formatMoment(OLDER.createdAt)}?` })
    await expect.element(dialog).toMatchTextContent('It holds 2 patients · 5 photos · 3 sessions')
    await expect.element(dialog).toMatchTextContent('Ana Ruiz, Ben Okafor (archived)')
    await expect.element(dialog).toHaveAccessibleDescription(/A safety backup of your current data is taken first/)

    await userEvent.click(dialog.getByRole('button', { name: 'Cancel' }))
    await expect.element(dialog).not.toBeInTheDocument()
    expect(world.restored).toEqual([])

    await userEvent.click(row(OLDER.createdAt).getByRole('button', { name: 'Restore…' }))
    await userEvent.click(dialog.getByRole('button', { name: 'Restore this backup' }))
    await expect.poll(() => world.outcomes).toHaveLength(1)
    expect(world.restored).toEqual([OLDER.id])
    expect(world.outcomes[0]?.safetyBackup?.reason).toBe('automatic')
  })

  it('will not offer to restore a backup that failed its checks', async () => {
    const world = renderPanel(
      backupsWorld({ problems: { [OLDER.id]: ['The backup file has changed since it was taken.'] } }),
    )
    await userEvent.click(row(OLDER.createdAt).getByRole('button', { name: 'Restore…' }))
    const dialog = page.getByRole('alertdialog')
    await expect.element(dialog.getByRole('alert')).toMatchTextContent('This backup cannot be restored')
    await expect.element(dialog.getByRole('alert')).toMatchTextContent('changed since it was taken')
    await expect.element(dialog.getByRole('button', { name: 'Restore this backup' })).not.toBeInTheDocument()
    await userEvent.click(dialog.getByRole('button', { name: 'Close' }))
    expect(world.restored).toEqual([])
  })

  it('asks before deleting a backup', async () => {
    const world = renderPanel()
    await userEvent.click(row(OLDER.createdAt).getByRole('button', { name: 'Delete…' }))
    await userEvent.click(page.getByRole('button', { name: 'Keep it' }))
    expect(world.backups()).toHaveLength(2)
    await userEvent.click(row(OLDER.createdAt).getByRole('button', { name: 'Delete…' }))
    await userEvent.click(page.getByRole('button', { name: 'Delete backup' }))
    await expect.element(row(OLDER.createdAt)).not.toBeInTheDocument()
    await expect.element(backups().getByRole('listitem')).toHaveLength(1)
  })

  it('saves the rotation policy, and shows main’s message beside a refused figure', async () => {
    const world = renderPanel()
    const daily = page.getByRole('spinbutton', { name: 'Daily backups (days)' })
    await expect.element(daily).toHaveValue(7)
    await userEvent.fill(daily, '0')
    await userEvent.click(page.getByRole('button', { name: 'Save', exact: true }))
    await expect.element(daily).toHaveAttribute('aria-invalid', 'true')
    await expect.element(daily).toHaveAccessibleDescription(/Days of daily backups must be at least 1/)
    expect(world.policySaves).toEqual([])

    await userEvent.fill(daily, '14')
    await userEvent.fill(page.getByRole('spinbutton', { name: 'Weekly backups (weeks)' }), '12')
    await userEvent.click(page.getByRole('button', { name: 'Save', exact: true }))
    await expect.poll(() => world.policySaves).toEqual([{ daily: 14, weekly: 12, safetyDays: 30 }])
    await expect.element(daily).toHaveAttribute('aria-invalid', 'false')
  })

  it('keeps the policy a draft in the shared Settings bar: unsaved, reverted, saved from the keyboard', async () => {
    const world = renderPanel()
    const daily = page.getByRole('spinbutton', { name: 'Daily backups (days)' })
    const state = page.getByRole('status').filter({ hasText: /changes|Saved\./ })
    await expect.element(daily).toHaveValue(7)
    await expect.element(state).toHaveTextContent('All changes saved')
    await expect.element(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled()

    await userEvent.fill(daily, '0')
    await expect.element(state).toHaveTextContent('Unsaved changes')
    await userEvent.click(page.getByRole('button', { name: 'Save', exact: true }))
    await expect.element(page.getByRole('alert').filter({ hasText: 'Not saved' })).toBeVisible()
    await userEvent.click(page.getByRole('button', { name: 'Revert' }))
    await expect.element(daily).toHaveValue(7)
    await expect.element(daily).toHaveAttribute('aria-invalid', 'false')
    await expect.element(state).toHaveTextContent('All changes saved')
    await expect.element(page.getByRole('alert').filter({ hasText: 'Not saved' })).not.toBeInTheDocument()

    await userEvent.fill(daily, '10')
    await userEvent.keyboard('{Enter}')
    await expect.poll(() => world.policySaves).toEqual([{ daily: 10, weekly: 8, safetyDays: 30 }])
    await expect.element(state).toHaveTextContent('Saved. Backups the policy no longer keeps were removed.')
  })

  it('runs the full database check and says what it found', async () => {
    renderPanel(
      backupsWorld({
        check: {
          ok: false,
          problems: ['*** in database main ***', 'Page 7: btreeInitPage() returns error code 11'],
          checkedAt: '2026-11-21T10:00:00.000Z',
          durationMs: 900,
        },
      }),
    )
    await userEvent.click(page.getByRole('button', { name: 'Check database' }))
    const alert = page.getByRole('alert').filter({ hasText: 'SQLite found 2 problem(s)' })
    await expect.element(alert).toMatchTextContent('Page 7: btreeInitPage() returns error code 11')
    await expect.element(alert).toMatchTextContent('Nothing was changed')
  })

  it('says a sound database is sound', async () => {
    renderPanel()
    await userEvent.click(page.getByRole('button', { name: 'Check database' }))
    await expect.element(page.getByRole('note').filter({ hasText: 'No problems found' })).toMatchTextContent('0.4 s')
  })
})
