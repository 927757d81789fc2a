import type { AppInfo } from '../../../../shared/bridge/contract'
import { safeFileName } from '../../../../shared/files/safe-file-name'
import type { Page } from '../../../../shared/sheets/paper'
import type { BridgeClient } from '../../bridge/bridge-client'
import { saveFile } from '../../ui/save-file'
import { renderViewFile, type ViewRenderRequest } from './render-view'

/** "Design sheet – Ana Ruiz – 2026-06-01.pdf", safe on every file system. */
export const sheetFileName = (patientName: string, day: string) =>
  safeFileName(`Design sheet – ${patientName} – ${day}`, 'pdf')

/** "Ana Ruiz – Front view – 2026-06-01.png". */
export const viewFileName = (patientName: string, view: string, day: string) =>
  safeFileName(`${patientName} – ${view} – ${day}`, 'png')

/**
 * The desktop's PDF: main prints the window (whose print stylesheet shows only the sheet's
 * pages) and writes it where the person picks; the PDF never crosses back to the page.
 * Resolves to the saved name, or null when cancelled.
 */
export async function savePdf(bridge: BridgeClient, page: Page, name: string): Promise<string | null> {
  const { savedAs } = await bridge.call('sheets.savePdf', { ...page, suggestedName: name })
  return savedAs
}

/**
 * One view as a PNG at the asked size. Our PNG encoder writes pixels only (IHDR, IDAT and IEND:
 * no text, EXIF or time chunks), and the working copy the view is drawn from carries no metadata at all.
 */
export async function savePng(
  bridge: BridgeClient,
  shell: AppInfo['shell'],
  request: ViewRenderRequest,
  name: string,
): Promise<string | null> {
  const blob = await renderViewFile(request, 'image/png')
  return saveFile(bridge, shell, { name, kind: 'png', bytes: new Uint8Array(await blob.arrayBuffer()) })
}
