import type { AppInfo } from '../../../shared/bridge/contract'
import { SAVED_FILE_KINDS, type SavedFileKind } from '../../../shared/files/safe-file-name'
import type { BridgeClient } from '../bridge/bridge-client'

/**
 * Saves a file the renderer made: through the native save dialog on the desktop, as a browser
 * download in the web harness. Resolves to the saved name, or null when the user cancelled.
 */
export async function saveFile(
  bridge: BridgeClient,
  shell: AppInfo['shell'],
  file: { name: string; kind: SavedFileKind; bytes: Uint8Array<ArrayBuffer> },
): Promise<string | null> {
  if (shell === 'desktop') {
    const { savedAs } = await bridge.call('files.save', {
      suggestedName: file.name,
      kind: file.kind,
      bytes: file.bytes,
    })
    return savedAs
  }
  const blob = new Blob([file.bytes], { type: SAVED_FILE_KINDS[file.kind].mime })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = file.name
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has taken its copy once click() returns; the delay covers slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return file.name
}
