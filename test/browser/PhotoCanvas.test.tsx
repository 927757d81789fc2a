import { describe, expect, it } from 'vitest'
import { render } from 'vitest-browser-react'
import '../../src/renderer/src/ui/tokens.css'
import '../../src/renderer/src/ui/base.css'
import { type CanvasStore, createCanvasStore } from '../../src/renderer/src/features/canvas/canvas-store'
import { PhotoCanvas } from '../../src/renderer/src/features/canvas/PhotoCanvas'
import { probe, twoToneImageUrl } from './photo-image'

const IMAGE = { width: 400, height: 200 }
const STAGE = { width: 600, height: 400 }

async function renderCanvas(): Promise<{ store: CanvasStore; holder: HTMLElement; canvas: HTMLCanvasElement }> {
  const store = createCanvasStore(IMAGE)
  const url = await twoToneImageUrl(IMAGE.width, IMAGE.height)
  const screen = await render(
    <div style={{ width: STAGE.width, height: STAGE.height, display: 'grid' }}>
      <PhotoCanvas
        store={store}
        imageUrl={url}
        calibration={null}
        measurements={[]}
        pendingCalibration={null}
        onDrawn={() => {}}
        label="Test photo"
      />
    </div>,
  )
  const holder = screen.container.querySelector('.photo-canvas') as HTMLElement
  await expect.poll(() => holder.querySelector('canvas')).toBeTruthy()
  const canvas = holder.querySelector('canvas') as HTMLCanvasElement
  // The photo is drawn once it has loaded: the centre of the stage shows its green square.
  await expect.poll(() => probe(canvas, STAGE.width / 2, STAGE.height / 2)).toBe('green')
  return { store, holder, canvas }
}

const wheel = (target: HTMLElement, init: WheelEventInit) =>
  target.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, ...init }))

function mouse(target: Element, type: string, x: number, y: number) {
  const box = target.getBoundingClientRect()
  target.dispatchEvent(
    new MouseEvent(type, { bubbles: true, cancelable: true, clientX: box.left + x, clientY: box.top + y, button: 0 }),
  )
}

describe('PhotoCanvas', () => {
  it('fits the photo to the stage, centred', async () => {
    const { store, canvas } = await renderCanvas()
    const { scale, x, y } = store.getState().viewport
    expect(scale).toBeCloseTo((STAGE.width - 48) / IMAGE.width, 5)
    expect(probe(canvas, x + 10, STAGE.height / 2)).toBe('red')
    expect(probe(canvas, x + IMAGE.width * scale - 10, STAGE.height / 2)).toBe('blue')
    // Outside the photo is the workspace grey, not photo.
    expect(probe(canvas, 5, y - 5)).toBe('other')
  })

  it('zooms around the cursor: the photo point under the pointer stays under it', async () => {
    const { store, holder, canvas } = await renderCanvas()
    // 3 screen px left of the green square: zooming around any other point would bring green
    // (or blue) under the pointer.
    const at = { x: Math.floor(store.getState().viewport.x + 180 * store.getState().viewport.scale) - 3, y: 200 }
    expect(probe(canvas, at.x, at.y)).toBe('red')
    const before = store.getState().viewport.scale
    for (let i = 0; i < 5; i++)
      wheel(holder, {
        ctrlKey: true,
        deltaY: -40,
        clientX: holder.getBoundingClientRect().left + at.x,
        clientY: holder.getBoundingClientRect().top + at.y,
      })
    const after = store.getState().viewport
    expect(after.scale).toBeGreaterThan(before * 2)
    await expect.poll(() => probe(canvas, at.x, at.y)).toBe('red')
    // The green square, 20 photo px wide either side of the centre, now spans far more screen.
    const centre = { x: after.x + (IMAGE.width / 2) * after.scale, y: after.y + (IMAGE.height / 2) * after.scale }
    await expect.poll(() => probe(canvas, centre.x + 15 * after.scale, centre.y)).toBe('green')
  })

  it('pans with a two-finger scroll and with a hand-tool drag', async () => {
    const { store, holder, canvas } = await renderCanvas()
    const start = store.getState().viewport
    const right = { x: start.x + IMAGE.width * start.scale - 30, y: STAGE.height / 2 }
    expect(probe(canvas, right.x, right.y)).toBe('blue')

    // A trackpad scroll of 300 px to the right moves the photo 300 px left: red comes under.
    wheel(holder, { deltaX: 300.5, deltaY: 0 })
    expect(store.getState().viewport.x).toBeCloseTo(start.x - 300.5, 5)
    await expect.poll(() => probe(canvas, right.x - 300, right.y)).toBe('blue')

    const content = holder.querySelector('.konvajs-content') as HTMLElement
    mouse(content, 'mousedown', 100, 100)
    mouse(content, 'mousemove', 250, 130)
    mouse(content, 'mouseup', 250, 130)
    expect(store.getState().viewport.x).toBeCloseTo(start.x - 300.5 + 150, 5)
    expect(store.getState().viewport.y).toBeCloseTo(start.y + 30, 5)
  })

  it('steps, fits and shows actual pixels from the keyboard model', async () => {
    const { store } = await renderCanvas()
    const fitted = store.getState().viewport.scale
    store.getState().zoomStep(1)
    expect(store.getState().viewport.scale).toBe(1.5)
    store.getState().actualSize()
    expect(store.getState().viewport.scale).toBe(1)
    store.getState().fit()
    expect(store.getState().viewport.scale).toBeCloseTo(fitted, 5)
  })

  it('draws on a high-DPI backing store so the photo stays crisp', async () => {
    const { canvas } = await renderCanvas()
    expect(canvas.width).toBe(Math.round(STAGE.width * window.devicePixelRatio))
  })
})
