import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import '../../src/renderer/src/ui/tokens.css'
import '../../src/renderer/src/ui/base.css'
import { createViewportStore, type ViewportStore } from '../../src/renderer/src/canvas/viewport-store'
import { Editor } from '../../src/renderer/src/editor/editor'
import { PhotoCanvas } from '../../src/renderer/src/features/canvas/PhotoCanvas'
import { DesignLayers } from '../../src/renderer/src/features/designer/DesignLayers'
import { emptyDesign } from '../../src/shared/design/design-types'
import type { Point } from '../../src/shared/geometry/point'
import { probe, twoToneImageUrl } from './photo-image'

const IMAGE = { width: 400, height: 200 }
const STAGE = { width: 600, height: 400 }

async function renderCanvas(
  options: { editor?: (store: ViewportStore) => Editor } = {},
): Promise<{ store: ViewportStore; holder: HTMLElement; canvas: HTMLCanvasElement; editor: Editor | undefined }> {
  const store = createViewportStore(IMAGE)
  const editor = options.editor?.(store)
  const url = await twoToneImageUrl(IMAGE.width, IMAGE.height)
  const screen = await render(
    <div style={{ width: STAGE.width, height: STAGE.height, display: 'grid' }}>
      <PhotoCanvas
        viewport={store}
        imageUrl={url}
        calibration={null}
        measurements={[]}
        label="Test photo"
        editor={editor}
      >
        {editor && <DesignLayers editor={editor} />}
      </PhotoCanvas>
    </div>,
  )
  const holder = screen.container.querySelector('.photo-canvas') as HTMLElement
  await expect.poll(() => holder.querySelector('canvas')).toBeTruthy()
  const canvas = holder.querySelector('canvas') as HTMLCanvasElement
  // The photo is drawn once it has loaded: the centre of the stage shows its green square.
  await expect.poll(() => probe(canvas, STAGE.width / 2, STAGE.height / 2)).toBe('green')
  return { store, holder, canvas, editor }
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

describe('PhotoCanvas with the design editor', () => {
  const renderEditor = () =>
    renderCanvas({
      editor: (store) => new Editor({ document: emptyDesign(), viewport: store, tool: 'zone' }),
    })
  /** Screen position, from the stage's corner, of a photo point. */
  const at = (store: ViewportStore, p: Point) => {
    const { viewport } = store.getState()
    return { x: viewport.x + p.x * viewport.scale, y: viewport.y + p.y * viewport.scale }
  }
  const stage = (holder: HTMLElement) => page.elementLocator(holder.querySelector('.konvajs-content') as HTMLElement)
  const draft = (editor: Editor) => {
    const state = editor.getState().toolState
    return state.name === 'drawing' ? state.points.length : 0
  }

  it('takes quick clicks on different spots as corners, and a double-click on the last as the end', async () => {
    const { store, holder, editor } = await renderEditor()
    if (!editor) throw new Error('no editor')
    const corners = [
      { x: 50, y: 50 },
      { x: 250, y: 50 },
      { x: 250, y: 150 },
    ]
    for (const corner of corners.slice(0, 2)) await userEvent.click(stage(holder), { position: at(store, corner) })
    // Two clicks well within the double-click time, but apart: two corners, nothing finished.
    expect(draft(editor)).toBe(2)
    expect(editor.getState().document.objects).toHaveLength(0)
    await userEvent.dblClick(stage(holder), { position: at(store, corners[2] as Point) })
    const [zone] = editor.getState().document.objects
    expect(zone?.kind).toBe('zone')
    expect(zone?.points).toHaveLength(3)
    zone?.points.forEach((p, i) => {
      expect(Math.abs(p.x - (corners[i]?.x ?? 0))).toBeLessThan(1)
      expect(Math.abs(p.y - (corners[i]?.y ?? 0))).toBeLessThan(1)
    })
  })

  it('does not take a drag for a click', async () => {
    const { store, holder, editor } = await renderEditor()
    if (!editor) throw new Error('no editor')
    await userEvent.click(stage(holder), { position: at(store, { x: 50, y: 50 }) })
    expect(draft(editor)).toBe(1)
    const box = holder.querySelector('.konvajs-content')?.getBoundingClientRect() as DOMRect
    const from = at(store, { x: 200, y: 100 })
    await userEvent.pointer([
      { coords: { x: box.left + from.x, y: box.top + from.y } },
      { keys: '[MouseLeft>]' },
      { coords: { x: box.left + from.x + 20, y: box.top + from.y + 10 } },
      { keys: '[/MouseLeft]' },
    ])
    expect(draft(editor)).toBe(1)
    await userEvent.click(stage(holder), { position: from })
    expect(draft(editor)).toBe(2)
  })
})
