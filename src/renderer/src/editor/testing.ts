import { expect } from 'vitest'
import { designDocumentSchema } from '../../../shared/design/design-schema'
import { type DesignDocument, type DesignObject, emptyDesign } from '../../../shared/design/design-types'
import type { Point } from '../../../shared/geometry/point'
import type { Calibration } from '../../../shared/photos/photo'
import { toScreen } from '../canvas/viewport'
import { createViewportStore } from '../canvas/viewport-store'
import { actionFor, type KeyPress } from './actions'
import type { PointerInfo } from './click-manager'
import { Editor } from './editor'
import { HIT_PX } from './editor-state'
import type { PhotoMeasurement } from './measures'
import type { ToolId } from './tools/tool-ids'

/**
 * Helpers for the editor's Node tests: an editor over a blank photo, and the pointer and key
 * input a person produces, fed to the editor as the photo canvas feeds it (stage pixels, a
 * button, a time), so clicks, double-clicks and drags are told apart by the editor's own code.
 * Test-only; nothing in the app imports this.
 */

/** How many image pixels count as "on" something at 100 %. */
export const TOLERANCE = HIT_PX

/** A ruler line that makes `pxPerMm` pixels per millimetre. */
const calibrationOf = (pxPerMm: number): Calibration => ({
  a: { x: 0, y: 0 },
  b: { x: pxPerMm * 10, y: 0 },
  lengthMm: 10,
})

export function makeEditor(
  options: {
    tool?: ToolId
    document?: DesignDocument
    image?: { width: number; height: number }
    pxPerMm?: number | null
    measurements?: PhotoMeasurement[]
  } = {},
): Editor {
  const viewport = createViewportStore(options.image ?? { width: 1000, height: 800 })
  return new Editor({
    document: options.document ?? emptyDesign(),
    viewport,
    tool: options.tool ?? 'select',
    measures: {
      calibration: options.pxPerMm ? calibrationOf(options.pxPerMm) : null,
      measurements: options.measurements ?? [],
    },
  })
}

export const p = (x: number, y: number): Point => ({ x, y })

/**
 * The test's clock, in milliseconds: each tap comes well after the last, so two taps are two
 * clicks unless a test asks for a double-click.
 */
let now = 0
const APART_MS = 1000
const QUICK_MS = 100

type Mods = { shift?: boolean; alt?: boolean }

/** A pointer event at an image point, in stage pixels through the editor's viewport. */
export function pointerAt(editor: Editor, x: number, y: number, mods: Mods = {}, button = 0): PointerInfo {
  return {
    screen: toScreen(editor.viewport.getState().viewport, { x, y }),
    button,
    shift: mods.shift ?? false,
    alt: mods.alt ?? false,
    time: now,
  }
}

/** A press and release on one spot, well after the last one. */
export function tap(editor: Editor, x: number, y: number, mods: Mods = {}): void {
  now += APART_MS
  editor.pointerDown(pointerAt(editor, x, y, mods))
  editor.pointerUp(pointerAt(editor, x, y, mods))
}

/** A press and release right after the last tap: on the same spot, the second half of a double-click. */
export function doubleTap(editor: Editor, x: number, y: number): void {
  now += QUICK_MS
  editor.pointerDown(pointerAt(editor, x, y))
  editor.pointerUp(pointerAt(editor, x, y))
}

export function tapAll(editor: Editor, points: readonly [number, number][]): void {
  for (const [x, y] of points) tap(editor, x, y)
}

/** The pointer moving over the canvas with no button held. */
export function hover(editor: Editor, x: number, y: number): void {
  editor.pointerMove(pointerAt(editor, x, y))
}

/** The main button released at an image point. */
export function release(editor: Editor, x: number, y: number, mods: Mods = {}): void {
  editor.pointerUp(pointerAt(editor, x, y, mods))
}

/**
 * Press, move in `steps` even moves, release. With `taken` (the default) it fails the test if
 * the tool did not take the press; a drag the tool leaves alone passes `taken: false`.
 */
export function drag(
  editor: Editor,
  from: [number, number],
  to: [number, number],
  options: { steps?: number; shift?: boolean; release?: boolean; taken?: boolean } = {},
): void {
  now += APART_MS
  const steps = options.steps ?? 6
  const mods = { shift: options.shift ?? false }
  const took = editor.pointerDown(pointerAt(editor, from[0], from[1], mods))
  if (options.taken ?? true) expect(took, 'the press starts a drag').toBe(true)
  for (let i = 1; i <= steps; i++) {
    const t = i / steps
    editor.pointerMove(pointerAt(editor, from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t, mods))
  }
  if (options.release ?? true) editor.pointerUp(pointerAt(editor, to[0], to[1], mods))
}

/** A key press through the actions registry, as the workspace's key handler sends it. */
export function press(editor: Editor, key: string, mods: { shift?: boolean; mod?: boolean } = {}): void {
  const keyPress: KeyPress = { key, shift: mods.shift ?? false, mod: mods.mod ?? false }
  const action = actionFor(keyPress)
  if (!action) throw new Error(`No action for ${key}`)
  if (action.enabled?.(editor) ?? true) action.perform(editor, keyPress)
}

export const objects = (editor: Editor): DesignObject[] => editor.getState().document.objects

export function only<K extends DesignObject['kind']>(editor: Editor, kind: K): Extract<DesignObject, { kind: K }> {
  const found = objects(editor).filter((o) => o.kind === kind)
  expect(found, `exactly one ${kind}`).toHaveLength(1)
  return found[0] as Extract<DesignObject, { kind: K }>
}

export const byName = (editor: Editor, name: string): DesignObject => {
  const found = objects(editor).find((o) => o.name === name)
  if (!found) throw new Error(`No object named ${name}`)
  return found
}

/**
 * The editor's document passes the checks main applies before it stores a design: the
 * document schema, and every point on the photo.
 */
export function expectStorable(editor: Editor): void {
  const { document } = editor.getState()
  const result = designDocumentSchema.safeParse(document)
  expect(result.success ? [] : result.error.issues.map((i) => i.message)).toEqual([])
  const { width, height } = editor.image
  const outside = document.objects.flatMap((o) =>
    o.points.filter((q) => q.x < 0 || q.y < 0 || q.x > width || q.y > height).map((q) => `${o.name} (${q.x}, ${q.y})`),
  )
  expect(outside, 'points outside the photo').toEqual([])
}

/** A point matching (x, y) to six decimals: reflections and projections may be off in the last bits. */
export const near = (x: number, y: number) => ({ x: expect.closeTo(x, 6), y: expect.closeTo(y, 6) })
