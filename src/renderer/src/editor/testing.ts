import { expect } from 'vitest'
import { designDocumentSchema } from '../../../shared/design/design-schema'
import { type DesignDocument, type DesignObject, emptyDesign } from '../../../shared/design/design-types'
import type { Point } from '../../../shared/geometry/point'
import { createCanvasStore } from '../features/canvas/canvas-store'
import type { ToolId } from '../features/canvas/measure-tool'
import { actionFor, type KeyPress } from './actions'
import { Editor } from './editor'
import type { PointerInput } from './tools/tool'

/**
 * Helpers for the editor's Node tests: an editor over a blank photo, and the pointer and key
 * input a person produces, routed the way the photo canvas and the key handler route them.
 * Test-only; nothing in the app imports this.
 */

/** How many image pixels count as "on" something: a few screen pixels at 100 %. */
export const TOLERANCE = 8

export function makeEditor(
  options: {
    tool?: ToolId
    document?: DesignDocument
    image?: { width: number; height: number }
    pxPerMm?: number | null
  } = {},
): Editor {
  const canvas = createCanvasStore(options.image ?? { width: 1000, height: 800 }, options.tool ?? 'select')
  return new Editor({ document: options.document ?? emptyDesign(), canvas, pxPerMm: options.pxPerMm ?? null })
}

export const p = (x: number, y: number): Point => ({ x, y })

export const at = (x: number, y: number, mods: { shift?: boolean; alt?: boolean } = {}): PointerInput => ({
  point: { x, y },
  shift: mods.shift ?? false,
  alt: mods.alt ?? false,
  tolerance: TOLERANCE,
})

/**
 * A press and release on one spot, as the photo canvas routes it: a press the editor takes
 * (it returns true) is followed by pointerUp, any other press by a click.
 */
export function tap(editor: Editor, x: number, y: number, mods: { shift?: boolean; alt?: boolean } = {}): void {
  const input = at(x, y, mods)
  if (editor.pointerDown(input)) editor.pointerUp(input)
  else editor.click(input)
}

/** The second press of a double-click on one spot: the canvas sends a doubleClick instead of a click. */
export function doubleTap(editor: Editor, x: number, y: number): void {
  const input = at(x, y)
  if (editor.pointerDown(input)) editor.pointerUp(input)
  else editor.doubleClick(input)
}

export function tapAll(editor: Editor, points: readonly [number, number][]): void {
  for (const [x, y] of points) tap(editor, x, y)
}

/** Press, move in `steps` even moves, release; fails the test if the editor did not take the press. */
export function drag(
  editor: Editor,
  from: [number, number],
  to: [number, number],
  options: { steps?: number; shift?: boolean; release?: boolean } = {},
): void {
  const steps = options.steps ?? 6
  const mods = { shift: options.shift ?? false }
  expect(editor.pointerDown(at(from[0], from[1], mods)), 'the press starts a drag').toBe(true)
  for (let i = 1; i <= steps; i++) {
    const t = i / steps
    editor.pointerMove(at(from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t, mods))
  }
  if (options.release ?? true) editor.pointerUp(at(to[0], to[1], mods))
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
