import { type ReactNode, useState } from 'react'
import type { SavedFileKind } from '../../../shared/files/safe-file-name'
import { type BridgeClient, errorMessage } from '../bridge/bridge-client'
import { useBridge } from '../bridge/bridge-context'
import { saveFile } from './save-file'

type SaveState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'saved'; name: string }
  | { status: 'error'; message: string }

/**
 * A button that has main make a file and saves it where the person chooses (the save dialog on
 * the desktop, a download in the browser): a spinner while it works, then the saved name or why
 * it failed beneath it. Cancelling the dialog leaves it as it was.
 */
export function SaveFileButton(props: {
  label: string
  workingLabel: string
  /** What a failure says before its reason. */
  failure: string
  /** The wrapper's class, which places the outcome; its `__status` class goes on the outcome. */
  className: string
  make(bridge: BridgeClient): Promise<{ name: string; kind: SavedFileKind; bytes: Uint8Array<ArrayBuffer> }>
  /**
   * The desktop's way: main makes the file and writes it where the save dialog says, so its
   * bytes never cross IPC. Resolves to the saved name, or null when cancelled.
   */
  saveOnDesktop?(bridge: BridgeClient): Promise<string | null>
  /** Shown beside the outcome while it works: how far main has got, where it says. */
  progress?: ReactNode
}) {
  const bridge = useBridge()
  const [state, setState] = useState<SaveState>({ status: 'idle' })
  const run = async () => {
    setState({ status: 'working' })
    try {
      const { shell } = await bridge.call('app.info', {})
      const saved =
        shell === 'desktop' && props.saveOnDesktop
          ? await props.saveOnDesktop(bridge)
          : await saveFile(bridge, shell, await props.make(bridge))
      setState(saved ? { status: 'saved', name: saved } : { status: 'idle' })
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) })
    }
  }
  const working = state.status === 'working'
  return (
    <div className={props.className}>
      {/* aria-disabled, not disabled, while it works: a disabled button drops the keyboard focus. */}
      <button
        type="button"
        className="button"
        aria-disabled={working}
        aria-busy={working}
        onClick={() => {
          if (!working) void run()
        }}
      >
        {working && <span className="spinner" aria-hidden="true" />}
        {working ? props.workingLabel : props.label}
      </button>
      <p
        className={`file-status ${props.className}__status${state.status === 'error' ? ' file-status--error' : ''}`}
        role="status"
      >
        {state.status === 'saved' && `Saved ${state.name}`}
        {state.status === 'error' && `${props.failure}: ${state.message}`}
      </p>
      {working && props.progress}
    </div>
  )
}
