import { afterEach, describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import type { StippleDesktopApi } from '../../src/preload/api'
import { createBridgeClient, type Transport } from '../../src/renderer/src/bridge/bridge-client'
import { BridgeProvider } from '../../src/renderer/src/bridge/bridge-context'
import { ExportPatientButton } from '../../src/renderer/src/features/archive/ExportPatientButton'
import '../../src/renderer/src/ui/tokens.css'
import '../../src/renderer/src/ui/base.css'
import type { Progress, ProgressTask } from '../../src/shared/bridge/desktop-events'

const PATIENT_ID = '0f6c2b8e-1d2a-4c55-9f0e-3b1a2c3d4e5f'

/** The preload's progress events, sent by the test as main would. */
function desktopPreload() {
  const listeners = new Set<(p: Progress) => void>()
  const api: Partial<StippleDesktopApi> = {
    onProgress: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  window.stipple = api as StippleDesktopApi
  return {
    report: (task: ProgressTask, percent: number) => {
      for (const listener of listeners) listener({ task, percent })
    },
    listening: () => listeners.size,
  }
}

describe('ExportPatientButton on the desktop', () => {
  afterEach(() => {
    delete window.stipple
  })

  it('shows how far main has got making the archive, as a bar with its percent, until it is saved', async () => {
    const preload = desktopPreload()
    let finish: (savedAs: string) => void = () => {}
    const saved = new Promise<string>((resolve) => {
      finish = resolve
    })
    const transport: Transport = async (name, input) => {
      if (name === 'app.info') return { ok: true, value: { version: '0.1.0', shell: 'desktop', dataDir: '/data' } }
      if (name === 'archives.saveFile') {
        expect(input).toEqual({ patientId: PATIENT_ID })
        return { ok: true, value: { savedAs: await saved } }
      }
      throw new Error(`unexpected call ${name}`)
    }
    render(
      <BridgeProvider client={createBridgeClient(transport)}>
        <ExportPatientButton patient={{ id: PATIENT_ID }} />
      </BridgeProvider>,
    )
    await page.getByRole('button', { name: 'Export patient…' }).click()
    await expect.element(page.getByRole('button', { name: 'Exporting patient…' })).toBeVisible()
    const bar = page.getByRole('progressbar', { name: 'Making the archive' })
    await expect.element(bar).toBeVisible()
    await expect.element(bar).not.toHaveAttribute('aria-valuenow')

    preload.report('exporting', 0)
    await expect.element(bar).toHaveAttribute('aria-valuenow', '0')
    preload.report('exporting', 62)
    await expect.element(bar).toHaveAttribute('aria-valuenow', '62')
    await expect.element(page.getByText('62%')).toBeVisible()
    // Checking an archive is another task's bar.
    preload.report('checking', 90)
    await expect.element(bar).toHaveAttribute('aria-valuenow', '62')
    preload.report('exporting', 100)
    await expect.element(bar).toHaveAttribute('aria-valuenow', '100')

    finish('Inés Ruiz 2026-12-05.stipple')
    await expect.element(page.getByText('Saved Inés Ruiz 2026-12-05.stipple')).toBeVisible()
    await expect.element(bar).not.toBeInTheDocument()
    expect(preload.listening()).toBe(0)
  })
})
