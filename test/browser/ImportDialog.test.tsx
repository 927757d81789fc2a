import { afterEach, describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { createBridgeClient, type Transport } from '../../src/renderer/src/bridge/bridge-client'
import { BridgeProvider } from '../../src/renderer/src/bridge/bridge-context'
import { ArchiveImportZone, ImportPatientButton } from '../../src/renderer/src/features/archive/ArchiveImport'
import { PatientsProvider } from '../../src/renderer/src/features/patients/patients-context'
import { createPatientsStore } from '../../src/renderer/src/features/patients/patients-store'
import '../../src/renderer/src/ui/tokens.css'
import '../../src/renderer/src/ui/base.css'
import '../../src/renderer/src/app/app.css'
import type { StippleDesktopApi } from '../../src/preload/api'
import type { ArchiveImportResult, HeldArchiveSummary } from '../../src/shared/archive/archive-summary'
import type { ArchiveOnDisk, Progress, ProgressTask } from '../../src/shared/bridge/desktop-events'
import type { BridgeResult } from '../../src/shared/bridge/errors'
import { localToday } from '../../src/shared/dates'
import { validFields } from '../fixtures/patients'

const PATIENT_ID = '0f6c2b8e-1d2a-4c55-9f0e-3b1a2c3d4e5f'
const COPY_ID = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'

const HELD_ID = '5e1f0c3a9b7d4e2f8a6c1b3d5e7f9a0b'

const summary = (existing: HeldArchiveSummary['existing']): HeldArchiveSummary => ({
  createdAt: '2026-11-02T14:30:00.000Z',
  appVersion: '0.1.0',
  schemaVersion: 5,
  byteSize: 2048,
  patient: { id: PATIENT_ID, fullName: 'Inés Ruiz', dateOfBirth: '1985-03-14', archived: false },
  counts: { photos: 3, measurements: 1, designs: 2, sessions: 4, pigments: 1, comments: 0, auditEntries: 17 },
  existing,
  heldId: HELD_ID,
})

/**
 * Answers the calls the dialog and the patient store make, as main would, and records them.
 * `inspect` decides what the archive is said to hold, or refuses it.
 */
function scriptedMain(inspect: () => BridgeResult<HeldArchiveSummary>, result?: ArchiveImportResult) {
  const calls: { name: string; input: Record<string, unknown> }[] = []
  let release: () => void = () => {}
  const importHeld = new Promise<void>((resolve) => {
    release = resolve
  })
  const transport: Transport = async (name, input) => {
    calls.push({ name, input: input as Record<string, unknown> })
    if (name === 'archives.inspect' || name === 'archives.inspectFile') return inspect()
    if (name === 'archives.import') {
      await importHeld
      return { ok: true, value: result }
    }
    if (name === 'archives.release') return { ok: true, value: input }
    if (name === 'patients.list') return { ok: true, value: { patients: [], total: 0 } }
    if (name === 'patients.get') {
      const { id } = input as { id: string }
      return {
        ok: true,
        value: { ...validFields(), id, createdAt: 'x', updatedAt: 'x', archivedAt: null, revision: 1 },
      }
    }
    throw new Error(`unexpected call ${name}`)
  }
  return { transport, calls, release: () => release() }
}

function renderImport(transport: Transport) {
  const bridge = createBridgeClient(transport)
  const store = createPatientsStore(bridge)
  render(
    <BridgeProvider client={bridge}>
      <PatientsProvider store={store}>
        <ArchiveImportZone>
          <section className="sidebar__section" aria-label="Patient records">
            <ImportPatientButton />
          </section>
        </ArchiveImportZone>
      </PatientsProvider>
    </BridgeProvider>,
  )
  return store
}

const archiveFile = () => new File([new Uint8Array([0x50, 0x4b, 3, 4, 9, 8, 7])], 'Ines Ruiz.stipple')

async function choose(file: File) {
  await userEvent.upload(page.getByTestId('archive-file-input'), file)
}

describe('ImportDialog', () => {
  it('shows what the archive holds, asks what to do with a patient already here, imports a copy and opens it', async () => {
    const main = scriptedMain(() => ({ ok: true, value: summary({ id: PATIENT_ID, fullName: 'Inés Ruiz' }) }), {
      status: 'copied',
      patient: { id: COPY_ID, fullName: `Inés Ruiz (imported ${localToday()})` },
      counts: summary(null).counts,
      pigmentsAdded: [],
      pigmentsAddedAsCopies: ['Carbon dark (imported 2026-11-21)'],
    })
    const store = renderImport(main.transport)
    await choose(archiveFile())

    const dialog = page.getByRole('dialog', { name: 'Import patient' })
    const facts = dialog.getByRole('definition')
    await expect.element(facts.filter({ hasText: 'Inés Ruiz' })).toBeVisible()
    await expect
      .element(dialog.getByText('3 photos, 1 measurement, 2 designs, 4 sessions, 17 history entries'))
      .toBeVisible()
    await expect.element(dialog.getByText('Inés Ruiz is already on this machine')).toBeVisible()
    // The archive's bytes went to main as they were read from the file.
    const sent = main.calls.find((c) => c.name === 'archives.inspect')?.input.bytes
    expect(sent instanceof Uint8Array ? [...sent] : sent).toEqual([0x50, 0x4b, 3, 4, 9, 8, 7])

    // Nothing happens to a patient already here until the person chooses.
    const importButton = dialog.getByRole('button', { name: 'Import' })
    await expect.element(importButton).toBeDisabled()
    await dialog.getByRole('radio', { name: /Import as a copy/ }).click()
    await expect.element(dialog.getByText(`“Inés Ruiz (imported ${localToday()})”`, { exact: false })).toBeVisible()
    await importButton.click()

    await expect.element(dialog.getByText(/Importing Inés Ruiz/)).toBeVisible()
    await expect.element(dialog.getByRole('button', { name: 'Import' })).not.toBeInTheDocument()
    main.release()
    await expect.element(dialog.getByText(`Imported as a copy: Inés Ruiz (imported ${localToday()})`)).toBeVisible()
    await expect.element(dialog.getByText(/added beside them as “Carbon dark \(imported 2026-11-21\)”/)).toBeVisible()
    // The archive imported is the one main holds since it was shown.
    expect(main.calls.find((c) => c.name === 'archives.import')?.input).toEqual({ heldId: HELD_ID, onExisting: 'copy' })
    await expect.poll(() => store.getState().view).toMatchObject({ kind: 'patient', id: COPY_ID })

    await dialog.getByRole('button', { name: 'Done' }).click()
    await expect.element(dialog).not.toBeInTheDocument()
    // Main let it go once imported: nothing is left to release.
    expect(main.calls.map((c) => c.name)).not.toContain('archives.release')
  })

  it('lets main’s held archive go when the dialog closes without importing it', async () => {
    const main = scriptedMain(() => ({ ok: true, value: summary(null) }))
    renderImport(main.transport)
    await choose(archiveFile())
    const dialog = page.getByRole('dialog', { name: 'Import patient' })
    await expect.element(dialog.getByRole('button', { name: 'Import' })).toBeEnabled()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect.element(dialog).not.toBeInTheDocument()
    await expect
      .poll(() => main.calls.filter((c) => c.name.startsWith('archives.')))
      .toEqual([
        { name: 'archives.inspect', input: expect.anything() },
        { name: 'archives.release', input: { heldId: HELD_ID } },
      ])
  })

  it('refuses a damaged archive with main’s reason and never imports it', async () => {
    const main = scriptedMain(() => ({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'The archive is damaged: records.json does not match its checksum.',
      },
    }))
    renderImport(main.transport)
    await choose(archiveFile())
    const dialog = page.getByRole('dialog', { name: 'Import patient' })
    await expect.element(dialog.getByText('This archive cannot be imported')).toBeVisible()
    await expect.element(dialog.getByText('records.json does not match its checksum', { exact: false })).toBeVisible()
    await expect.element(dialog.getByText('Nothing was imported.')).toBeVisible()
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect.element(dialog).not.toBeInTheDocument()
    expect(main.calls.map((c) => c.name)).toEqual(['archives.inspect'])
  })

  it('takes an archive dropped on the zone and imports a new patient without asking', async () => {
    const main = scriptedMain(() => ({ ok: true, value: summary(null) }), {
      status: 'imported',
      patient: { id: PATIENT_ID, fullName: 'Inés Ruiz' },
      counts: summary(null).counts,
      pigmentsAdded: ['Studio blend'],
      pigmentsAddedAsCopies: [],
    })
    const store = renderImport(main.transport)
    const records = page.getByRole('region', { name: 'Patient records' })
    await expect.element(records).toBeVisible()
    const zone = records.element()
    const drop = new DataTransfer()
    drop.items.add(new File(['notes'], 'notes.txt'))
    drop.items.add(archiveFile())
    zone.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: drop }))
    await expect.element(page.getByText('Drop a .stipple archive to import its patient')).toBeVisible()
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: drop }))

    const dialog = page.getByRole('dialog', { name: 'Import patient' })
    await expect.element(dialog.getByText('Ines Ruiz.stipple', { exact: false })).toBeVisible()
    await expect.element(dialog.getByText('is already on this machine', { exact: false })).not.toBeInTheDocument()
    main.release()
    await dialog.getByRole('button', { name: 'Import' }).click()
    await expect.element(dialog.getByText('Imported Inés Ruiz')).toBeVisible()
    await expect.element(dialog.getByText('Added to the pigment catalogue: Studio blend.')).toBeVisible()
    await expect.poll(() => store.getState().view).toMatchObject({ kind: 'patient', id: PATIENT_ID })
  })

  describe('on the desktop', () => {
    /** What the preload offers the page: a file's path, archives main was handed, main's progress. */
    function desktopPreload(paths: Map<string, string>) {
      const progress = new Set<(p: Progress) => void>()
      const opened = new Set<(a: ArchiveOnDisk) => void>()
      const api: Partial<StippleDesktopApi> = {
        // By name: the page gets its own File for an uploaded one.
        pathForFile: (file) => paths.get(file.name) ?? '',
        onProgress: (listener) => {
          progress.add(listener)
          return () => progress.delete(listener)
        },
        onOpenArchive: (listener) => {
          opened.add(listener)
          return () => opened.delete(listener)
        },
        setTheme: () => {},
      }
      window.stipple = api as StippleDesktopApi
      return {
        report: (percent: number, task: ProgressTask = 'reading') => {
          for (const listener of progress) listener({ task, percent })
        },
        open: (archive: ArchiveOnDisk) => {
          for (const listener of opened) listener(archive)
        },
      }
    }
    afterEach(() => {
      delete window.stipple
    })

    it('has main read a chosen archive by its path: no byte of it crosses to main', async () => {
      const file = archiveFile()
      const preload = desktopPreload(new Map([[file.name, '/home/ana/Ines Ruiz.stipple']]))
      const main = scriptedMain(() => ({ ok: true, value: summary(null) }), {
        status: 'imported',
        patient: { id: PATIENT_ID, fullName: 'Inés Ruiz' },
        counts: summary(null).counts,
        pigmentsAdded: [],
        pigmentsAddedAsCopies: [],
      })
      renderImport(main.transport)
      await choose(file)
      const dialog = page.getByRole('dialog', { name: 'Import patient' })
      await expect.element(dialog.getByRole('button', { name: 'Import' })).toBeEnabled()
      await dialog.getByRole('button', { name: 'Import' }).click()
      // The import waits for main's check of the archive it holds, and the bar says how far.
      const importing = dialog.getByRole('progressbar', { name: /Importing Inés Ruiz/ })
      await expect.element(importing).not.toHaveAttribute('aria-valuenow')
      preload.report(55, 'checking')
      await expect.element(importing).toHaveAttribute('aria-valuenow', '55')
      main.release()
      await expect.element(dialog.getByText('Imported Inés Ruiz')).toBeVisible()
      expect(main.calls.filter((c) => c.name.startsWith('archives.'))).toEqual([
        { name: 'archives.inspectFile', input: { path: '/home/ana/Ines Ruiz.stipple' } },
        { name: 'archives.import', input: { heldId: HELD_ID, onExisting: 'skip' } },
      ])
    })

    it('opens an archive main was handed (a double-click) and shows main’s reading progress', async () => {
      const preload = desktopPreload(new Map())
      let answer: (value: BridgeResult<HeldArchiveSummary>) => void = () => {}
      const inspected = new Promise<BridgeResult<HeldArchiveSummary>>((resolve) => {
        answer = resolve
      })
      const calls: string[] = []
      const transport: Transport = async (name, input) => {
        calls.push(`${name} ${JSON.stringify(input)}`)
        if (name === 'archives.inspectFile') return inspected
        if (name === 'patients.list') return { ok: true, value: { patients: [], total: 0 } }
        throw new Error(`unexpected call ${name}`)
      }
      renderImport(transport)
      await expect.element(page.getByRole('button', { name: 'Import patient…' })).toBeVisible()
      preload.open({ path: 'C:\\Users\\ana\\Ines Ruiz.stipple', name: 'Ines Ruiz.stipple', size: 2048 })
      const dialog = page.getByRole('dialog', { name: 'Import patient' })
      await expect.element(dialog.getByText('Ines Ruiz.stipple', { exact: false })).toBeVisible()
      preload.report(50)
      await expect.element(dialog.getByText('Reading the file: 1 KB of 2 KB', { exact: false })).toBeVisible()
      preload.report(100)
      await expect.element(dialog.getByText(/Checking the archive/)).toBeVisible()
      answer({ ok: true, value: summary(null) })
      await expect.element(dialog.getByRole('button', { name: 'Import' })).toBeEnabled()
      expect(calls).toContain('archives.inspectFile {"path":"C:\\\\Users\\\\ana\\\\Ines Ruiz.stipple"}')
    })

    it('shows reading and then main’s check as a bar with its percent', async () => {
      const preload = desktopPreload(new Map())
      const transport: Transport = async (name) => {
        if (name === 'archives.inspectFile') return new Promise<never>(() => {})
        if (name === 'patients.list') return { ok: true, value: { patients: [], total: 0 } }
        throw new Error(`unexpected call ${name}`)
      }
      renderImport(transport)
      await expect.element(page.getByRole('button', { name: 'Import patient…' })).toBeVisible()
      preload.open({ path: '/home/ana/Ines Ruiz.stipple', name: 'Ines Ruiz.stipple', size: 2048 })
      const dialog = page.getByRole('dialog', { name: 'Import patient' })
      await expect.element(dialog.getByText('Ines Ruiz.stipple', { exact: false })).toBeVisible()

      preload.report(25)
      const reading = dialog.getByRole('progressbar', { name: /Reading the file/ })
      await expect.element(reading).toHaveAttribute('aria-valuenow', '25')
      await expect.element(dialog.getByText('25%')).toBeVisible()

      preload.report(100)
      const checking = dialog.getByRole('progressbar', { name: /Checking the archive/ })
      // Until main has said how far its check is, the bar has no value.
      await expect.element(checking).not.toHaveAttribute('aria-valuenow')
      preload.report(40, 'checking')
      await expect.element(checking).toHaveAttribute('aria-valuenow', '40')
      await expect.element(checking).toHaveAttribute('aria-valuetext', '40%')
      await expect.element(dialog.getByText('40%')).toBeVisible()
      // Another task's progress (an export elsewhere) is not this check's.
      preload.report(90, 'exporting')
      preload.report(73, 'checking')
      await expect.element(checking).toHaveAttribute('aria-valuenow', '73')
    })
  })
})
