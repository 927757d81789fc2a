import { beforeEach, describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { PIN } from '../../src/renderer/src/features/review/CommentPins'
import type { ReviewComment } from '../../src/shared/comments/comment'
import type { Point } from '../../src/shared/geometry/point'
import { renderReview } from './review'
import { colourDistance, compositeAt, DESIGN_ID, hexToRgb, photoLayer, stagePoint } from './workspace'

/** The calls that change something; the review may only ever make the comment ones. */
const WRITES = /\.(save|import|update|calibrate|delete|add|resolve|reopen|reset|retire|archive|restore|create)$/

const box = (from: Point, to: Point) => ({ from, to })
/** Inside the zone on the photo's red half and on its blue half, clear of the green square and the zone's edges. */
const RED_BOX = box({ x: 340, y: 240 }, { x: 560, y: 400 })
const BLUE_BOX = box({ x: 640, y: 480 }, { x: 860, y: 560 })

type Pixels = (x: number, y: number) => [number, number, number]

/** The pixels of one canvas element, read in CSS pixels of the element. */
function canvasPixels(canvas: HTMLCanvasElement): Pixels {
  const ratio = canvas.width / canvas.getBoundingClientRect().width
  const { data, width } = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(
    0,
    0,
    canvas.width,
    canvas.height,
  )
  return (x, y) => {
    const i = (Math.round(y * ratio) * width + Math.round(x * ratio)) * 4
    return [data[i] as number, data[i + 1] as number, data[i + 2] as number]
  }
}

/** What the page shows over an element, as a screenshot sees it (clipping and stacking included). */
async function shownPixels(element: HTMLElement): Promise<Pixels> {
  const base64 = await page.screenshot({ element, save: false })
  const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob())
  const canvas = document.createElement('canvas')
  canvas.width = bitmap.width
  canvas.height = bitmap.height
  const context = canvas.getContext('2d') as CanvasRenderingContext2D
  context.drawImage(bitmap, 0, 0)
  const ratio = bitmap.width / element.getBoundingClientRect().width
  const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height)
  return (x, y) => {
    const i = (Math.round(y * ratio) * bitmap.width + Math.round(x * ratio)) * 4
    return [data[i] as number, data[i + 1] as number, data[i + 2] as number]
  }
}

/** Share of the pixels in a box (photo pixels, at `origin`'s mapping) darkened by a dot. */
function darkShare(pixels: Pixels, toScreen: (p: Point) => Point, area: { from: Point; to: Point }): number {
  const a = toScreen(area.from)
  const b = toScreen(area.to)
  let dark = 0
  let all = 0
  for (let y = Math.ceil(a.y); y < b.y; y += 2)
    for (let x = Math.ceil(a.x); x < b.x; x += 2) {
      const [r, g, bl] = pixels(x, y)
      all++
      if (r + g + bl < 200) dark++
    }
  return dark / all
}

/** The middle of the photo's green square on a canvas, in CSS pixels: where that canvas shows the photo. */
function greenCentre(holder: HTMLElement): Point | null {
  const canvas = photoLayer(holder)
  const pixels = canvasPixels(canvas)
  const { width, height } = canvas.getBoundingClientRect()
  let sx = 0
  let sy = 0
  let n = 0
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixels(x, y)
      if (g > 200 && r < 60 && b < 60) {
        sx += x
        sy += y
        n++
      }
    }
  return n > 50 ? { x: Math.round(sx / n), y: Math.round(sy / n) } : null
}

/**
 * How far apart two canvases show the green square, in CSS pixels. Each side's dots cover a
 * few of its pixels differently, so one pixel apart is the same place.
 */
const apart = (p: Point | null, q: Point | null) =>
  p && q ? Math.max(Math.abs(p.x - q.x), Math.abs(p.y - q.y)) : Number.POSITIVE_INFINITY

const comment = (overrides: Partial<ReviewComment>): ReviewComment => ({
  id: '11111111-1111-4111-8111-111111111111',
  designId: DESIGN_ID,
  at: { x: 400, y: 300 },
  author: 'Dr Lena Park',
  body: 'The frontal edge looks too straight here.',
  createdAt: '2026-05-01T10:00:00.000Z',
  resolvedAt: null,
  resolvedBy: null,
  updatedAt: '2026-05-01T10:00:00.000Z',
  revision: 1,
  ...overrides,
})

beforeEach(() => localStorage.clear())

describe('the review of a patient', () => {
  it('shows the photo with every session’s dots, and its layer toggles and timeline change them without writing a thing', async () => {
    const { screen, holder, calls } = await renderReview()
    const dots = () => darkShare(canvasPixels(photoLayer(holder())), (p) => stagePoint(holder(), p), RED_BOX)
    await expect.poll(dots, { timeout: 15_000 }).toBeGreaterThan(0.05)
    const allThree = dots()

    await screen.getByRole('checkbox', { name: 'Show Session 3' }).click()
    await expect.poll(dots).toBeLessThan(allThree * 0.9)
    await expect.poll(dots).toBeGreaterThan(0.02)
    await screen.getByRole('checkbox', { name: 'Show Session 2' }).click()
    await screen.getByRole('checkbox', { name: 'Show Session 1' }).click()
    await expect.poll(dots).toBe(0)
    for (const n of [1, 2, 3]) await screen.getByRole('checkbox', { name: `Show Session ${n}` }).click()
    await expect.poll(dots).toBeCloseTo(allThree, 2)

    // Before the first session nothing is there; after the first, some of it.
    await screen.getByRole('button', { name: 'Before', exact: true }).click()
    await expect.poll(dots).toBe(0)
    await screen.getByRole('button', { name: 'S1', exact: true }).click()
    await expect.poll(dots).toBeGreaterThan(0.01)
    expect(dots()).toBeLessThan(allThree * 0.6)

    // The photos linked to each session are listed under it.
    await expect
      .element(screen.getByRole('listitem', { name: /^Session 1 · / }).getByRole('img'))
      .toHaveAccessibleName('Session 1: Top view')
    await expect.element(screen.getByRole('listitem', { name: /^Session 2 · / })).toMatchTextContent('No photo linked')

    expect(calls.filter((name) => WRITES.test(name))).toEqual([])
  })

  it('compares two sessions side by side under one viewport: a zoom or pan on either canvas moves both', async () => {
    const { screen, canvases } = await renderReview()
    await screen.getByRole('button', { name: 'Side by side' }).click()
    await expect.poll(() => canvases().length).toBe(2)
    await expect.element(screen.getByRole('combobox', { name: 'Side A shows' })).toHaveDisplayValue(/^After session 1/)
    await expect.element(screen.getByRole('combobox', { name: 'Side B shows' })).toHaveDisplayValue(/^After session 3/)
    const [a, b] = canvases() as [HTMLElement, HTMLElement]
    const dotsOf = (holder: HTMLElement) =>
      darkShare(canvasPixels(photoLayer(holder)), (p) => stagePoint(holder, p), RED_BOX)
    // Both photos drawn (each canvas loads its own), then each side's dots.
    await expect.poll(() => apart(greenCentre(a), greenCentre(b))).toBeLessThanOrEqual(1)
    await expect.poll(() => dotsOf(b), { timeout: 15_000 }).toBeGreaterThan(0.05)
    await expect.poll(() => dotsOf(a)).toBeGreaterThan(0.01)
    expect(dotsOf(a)).toBeLessThan(dotsOf(b) * 0.6)

    const before = greenCentre(a) as Point
    const scale = Number(a.dataset.scale)

    // A zoom on A, around a point left of the green square.
    const boxA = a.getBoundingClientRect()
    a.dispatchEvent(
      new WheelEvent('wheel', {
        bubbles: true,
        cancelable: true,
        deltaY: -100,
        clientX: boxA.left + before.x - 80,
        clientY: boxA.top + before.y,
      }),
    )
    await expect.poll(() => Number(b.dataset.scale)).toBeGreaterThan(scale * 1.2)
    expect(a.dataset.scale).toBe(b.dataset.scale)
    // Zoomed about a point left of it, the square moves right, on both canvases alike.
    await expect.poll(() => greenCentre(b)?.x).toBeGreaterThan(before.x + 10)
    await expect.poll(() => apart(greenCentre(a), greenCentre(b))).toBeLessThanOrEqual(1)
    const zoomed = greenCentre(a) as Point

    // A drag on B pans A with it.
    const content = b.querySelector('.konvajs-content') as HTMLElement
    const boxB = content.getBoundingClientRect()
    await userEvent.pointer([
      { coords: { x: boxB.left + 200, y: boxB.top + 200 } },
      { keys: '[MouseLeft>]' },
      { coords: { x: boxB.left + 150, y: boxB.top + 180 } },
      { coords: { x: boxB.left + 120, y: boxB.top + 160 } },
      { keys: '[/MouseLeft]' },
    ])
    await expect.poll(() => apart(greenCentre(a), { x: zoomed.x - 80, y: zoomed.y - 40 })).toBeLessThanOrEqual(1)
    expect(apart(greenCentre(b), greenCentre(a))).toBeLessThanOrEqual(1)
  })

  it('swipes between two moments over one view: A left of the divider, B right of it, moved by keys and by mouse', async () => {
    const { screen, canvases } = await renderReview()
    await screen.getByRole('button', { name: 'Swipe' }).click()
    await expect.poll(() => canvases().length).toBe(2)
    await screen.getByRole('combobox', { name: 'Side A shows' }).selectOptions('day:2026-03-06')
    await screen.getByRole('checkbox', { name: 'Show the design' }).click()
    const frame = screen.container.querySelector('.review-swipe') as HTMLElement
    const holder = canvases()[0] as HTMLElement
    const toFrame = (p: Point) => stagePoint(holder, p)
    const shown = async (area: { from: Point; to: Point }) => darkShare(await shownPixels(frame), toFrame, area)
    const divider = screen.getByRole('slider', { name: /^Swipe divider/ })
    await expect.element(divider).toHaveAttribute('aria-valuenow', '50')

    // The photo is centred, so the divider at 50 % runs down its middle, between the two boxes.
    await expect.poll(() => shown(BLUE_BOX), { timeout: 15_000 }).toBeGreaterThan(0.05)
    expect(await shown(RED_BOX)).toBe(0)

    ;(divider.element() as HTMLElement).focus()
    await userEvent.keyboard('{End}')
    await expect.element(divider).toHaveAttribute('aria-valuenow', '100')
    await expect.poll(() => shown(BLUE_BOX)).toBe(0)
    await userEvent.keyboard('{Home}')
    await expect.element(divider).toHaveAttribute('aria-valuenow', '0')
    await expect.poll(() => shown(RED_BOX)).toBeGreaterThan(0.05)
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{Shift>}{ArrowRight}{/Shift}')
    await expect.element(divider).toHaveAttribute('aria-valuenow', '14')

    const grip = (divider.element() as HTMLElement).getBoundingClientRect()
    const area = frame.getBoundingClientRect()
    await userEvent.pointer([
      { coords: { x: grip.left + grip.width / 2, y: grip.top + grip.height / 2 } },
      { keys: '[MouseLeft>]' },
      { coords: { x: area.left + area.width * 0.5, y: grip.top + 40 } },
      { coords: { x: area.left + area.width * 0.75, y: grip.top + 60 } },
      { keys: '[/MouseLeft]' },
    ])
    await expect.element(divider).toHaveAttribute('aria-valuenow', '75')
    await expect.poll(() => shown(BLUE_BOX)).toBe(0)
  })

  it('pins a comment where the photo is clicked, lists it with its author and time, resolves, reopens and deletes it', async () => {
    const { screen, holder, comments } = await renderReview()
    const pinColour = (at: Point) => {
      const s = stagePoint(holder(), at)
      // Right of the number, on the pin's fill.
      return compositeAt(holder(), s.x + 7, s.y)
    }
    const place = screen.getByRole('button', { name: 'Add a comment' })
    await expect.element(place).toBeDisabled()
    await screen.getByRole('textbox', { name: 'Your name' }).fill('Dr Lena Park')
    await place.click()
    await expect
      .element(screen.getByRole('button', { name: 'Placing a comment…' }))
      .toHaveAttribute('aria-pressed', 'true')
    const where = stagePoint(holder(), { x: 450, y: 300 })
    await userEvent.click(page.elementLocator(holder().querySelector('.konvajs-content') as HTMLElement), {
      position: where,
    })
    const text = screen.getByRole('textbox', { name: 'Comment' })
    await expect.element(text).toHaveFocus()

    // Main refuses an empty comment; nothing is stored.
    await screen.getByRole('button', { name: 'Add comment' }).click()
    await expect.element(screen.getByText('Write the comment first')).toBeVisible()
    expect(comments()).toEqual([])

    await text.fill('Soften the left temple point')
    await screen.getByRole('button', { name: 'Add comment' }).click()
    const open = screen.getByRole('list', { name: 'Open comments' })
    await expect
      .element(open.getByRole('listitem', { name: 'Comment 1' }))
      .toMatchTextContent(/Dr Lena Park · .*Soften the left temple point/)
    expect(comments()).toHaveLength(1)
    const [stored] = comments() as [ReviewComment]
    const tolerance = 1 / Number(holder().dataset.scale)
    expect(Math.abs(stored.at.x - 450)).toBeLessThanOrEqual(tolerance)
    expect(Math.abs(stored.at.y - 300)).toBeLessThanOrEqual(tolerance)
    expect(stored).toMatchObject({ author: 'Dr Lena Park', body: 'Soften the left temple point' })
    await expect.poll(() => colourDistance(pinColour(stored.at), hexToRgb(PIN.open))).toBeLessThan(30)

    await open.getByRole('button', { name: 'Resolve' }).click()
    const resolved = screen.getByRole('list', { name: 'Resolved comments' })
    await expect
      .element(resolved.getByRole('listitem', { name: 'Comment 1' }))
      .toMatchTextContent(/Resolved by Dr Lena Park/)
    await expect.element(screen.getByText('Open (0)')).toBeVisible()
    await expect.poll(() => colourDistance(pinColour(stored.at), hexToRgb(PIN.resolved))).toBeLessThan(30)
    expect(comments()[0]).toMatchObject({ resolvedBy: 'Dr Lena Park', revision: 2 })

    await resolved.getByRole('button', { name: 'Reopen' }).click()
    await expect.element(open.getByRole('listitem', { name: 'Comment 1' })).toBeVisible()
    expect(comments()[0]).toMatchObject({ resolvedBy: null, revision: 3 })

    await open.getByRole('button', { name: 'Delete…' }).click()
    await open.getByRole('button', { name: 'Keep' }).click()
    expect(comments()).toHaveLength(1)
    await open.getByRole('button', { name: 'Delete…' }).click()
    await screen.getByRole('button', { name: 'Delete comment 1' }).click()
    await expect.element(screen.getByText('No comments on this view yet.')).toBeVisible()
    expect(comments()).toEqual([])
    await expect.poll(() => colourDistance(pinColour(stored.at), hexToRgb(PIN.open))).toBeGreaterThan(60)
  })

  it('remembers the reviewer’s name, and brings a pin out of sight into view when it is chosen in the list', async () => {
    localStorage.setItem('stipple.review.author', 'Ana Ruiz')
    const { screen, holder } = await renderReview({
      comments: [comment({ at: { x: 80, y: 90 }, body: 'Scar at the corner' })],
    })
    await expect.element(screen.getByRole('textbox', { name: 'Your name' })).toHaveValue('Ana Ruiz')
    await userEvent.keyboard('1')
    await expect.poll(() => holder().dataset.scale).toBe('1.0000')
    const centre = () => {
      const { width, height } = holder().getBoundingClientRect()
      return compositeAt(holder(), width / 2 + 7, height / 2)
    }
    expect(colourDistance(centre(), hexToRgb(PIN.open))).toBeGreaterThan(60)
    await screen.getByRole('button', { name: 'Show comment 1 on the photo' }).click()
    await expect.poll(() => colourDistance(centre(), hexToRgb(PIN.open))).toBeLessThan(30)
    await expect.element(screen.getByRole('listitem', { name: 'Comment 1' })).toHaveAttribute('aria-current', 'true')
  })

  it('where comments cannot be written, shows the pins and the list but no way to change them', async () => {
    const { screen, holder, calls } = await renderReview({
      canComment: false,
      comments: [
        comment({}),
        comment({
          id: '22222222-2222-4222-8222-222222222222',
          at: { x: 800, y: 500 },
          body: 'Crown is even',
          resolvedAt: '2026-05-02T10:00:00.000Z',
          resolvedBy: 'Ana Ruiz',
          revision: 2,
        }),
      ],
    })
    await expect.element(screen.getByRole('list', { name: 'Open comments' })).toMatchTextContent(/too straight/)
    await expect.element(screen.getByRole('list', { name: 'Resolved comments' })).toMatchTextContent(/Crown is even/)
    const s = stagePoint(holder(), { x: 400, y: 300 })
    await expect.poll(() => colourDistance(compositeAt(holder(), s.x + 7, s.y), hexToRgb(PIN.open))).toBeLessThan(30)
    for (const name of ['Add a comment', 'Resolve', 'Reopen', 'Delete…'])
      expect(screen.getByRole('button', { name }).query()).toBeNull()
    expect(screen.getByRole('textbox', { name: 'Your name' }).query()).toBeNull()
    expect(calls.filter((name) => WRITES.test(name))).toEqual([])
  })
})
