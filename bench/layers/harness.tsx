import type { ReactNode } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import type { ViewportStore } from '../../src/renderer/src/canvas/viewport-store'
import { PhotoCanvas } from '../../src/renderer/src/features/canvas/PhotoCanvas'
import type { PigmentSource } from '../../src/renderer/src/features/canvas/view-cache'
import type { DotRenderer, DotView } from '../../src/renderer/src/features/simulation/dot-renderer'

/** The canvas the targets are set for. */
export const STAGE = { width: 1600, height: 900 }

/** PhotoCanvas at the stage size, pinned to the page's top left. */
export function Harness({
  store,
  url,
  pigment,
  children,
}: {
  store: ViewportStore
  url: string
  pigment?: PigmentSource | null
  children?: ReactNode
}) {
  return (
    <div style={{ position: 'fixed', left: 0, top: 0, width: STAGE.width, height: STAGE.height, display: 'grid' }}>
      <PhotoCanvas
        viewport={store}
        imageUrl={url}
        calibration={null}
        measurements={[]}
        label="Benchmark photo"
        pigment={pigment ?? null}
      >
        {children}
      </PhotoCanvas>
    </div>
  )
}

/**
 * Mounts `ui` in a React root of its own, kept across tests. Not vitest-browser-react: it needs
 * React's `act`, which production builds of React do not have, and the benchmark runs the
 * production build the app ships (see the config).
 */
export function mount(ui: ReactNode): { rerender(ui: ReactNode): void; unmount(): void } {
  const container = document.body.appendChild(document.createElement('div'))
  const root = createRoot(container)
  flushSync(() => root.render(ui))
  return {
    rerender: (next) => flushSync(() => root.render(next)),
    unmount: () => {
      root.unmount()
      container.remove()
    },
  }
}

/** Resolves at the first store change that satisfies `ready`, with the time it happened. */
export function when(renderer: DotRenderer, ready: (s: DotView) => boolean, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe()
      const { busy, error, frame, detail, base } = renderer.store.getState()
      const state = { busy, error, frame, detail: detail !== null, base: base.size }
      reject(new Error(`Timed out waiting for ${what}: ${JSON.stringify(state)}`))
    }, 60_000)
    const unsubscribe = renderer.store.subscribe((state) => {
      if (state.error) {
        clearTimeout(timer)
        unsubscribe()
        reject(new Error(`${what}: ${state.error}`))
      } else if (ready(state)) {
        const at = performance.now()
        clearTimeout(timer)
        unsubscribe()
        resolve(at)
      }
    })
  })
}

/** Resolves once the renderer holds the base bitmap of the newest scene (busy clears with a new frame). */
export function baseDone(renderer: DotRenderer, what: string): Promise<number> {
  const frame = renderer.store.getState().frame
  return when(renderer, (s) => s.frame !== frame && !s.busy, what)
}

/** Bytes of the bitmaps the page holds: base tiles, detail and preview, 4 bytes a pixel. */
export function bitmapBytes(view: DotView): number {
  let bytes = 0
  for (const tile of view.base.values()) bytes += tile.bitmap.width * tile.bitmap.height * 4
  if (view.detail) bytes += view.detail.tile.bitmap.width * view.detail.tile.bitmap.height * 4
  if (view.preview) bytes += view.preview.tile.bitmap.width * view.preview.tile.bitmap.height * 4
  return bytes
}

export const fitView = (store: ViewportStore) => flushSync(() => store.getState().fit())
/** A trackpad pinch step, as the canvas store reads wheel events. */
export const pinch = (deltaY: number) =>
  ({ ctrlKey: true, metaKey: false, deltaX: 0, deltaY, deltaMode: 0 }) as unknown as WheelEvent
