import Konva from 'konva'
import { flushSync } from 'react-dom'

/**
 * Frame timing on the UI thread, the way this benchmark measures it.
 *
 * A pan or zoom frame in the app is: the canvas store changes → React re-renders the canvas
 * (useSyncExternalStore makes that a synchronous render) and commits it to the Konva nodes,
 * running the layout effects and, the update being synchronous, the passive ones too (the
 * pigment layer's `setView`) → Konva draws the changed layers on the next animation frame.
 * Each benchmark frame does exactly that inside one requestAnimationFrame callback, with the
 * three parts timed apart:
 * - `react`: `flushSync` around the store update, so React's render, commit and effects finish
 *   before it returns;
 * - `draw`: `layer.draw()` on every layer of the stage, which runs the scene functions and
 *   records the canvas commands;
 * - `raster`: Chromium's 2D canvas records commands and rasterises them later (software, on
 *   this thread, with `--disable-gpu`) when the frame is presented or the pixels are read, so a
 *   one-pixel `getImageData` on each layer's canvas forces that work into the measured frame.
 * Konva's own `batchDraw` (which react-konva asks for on every prop change) is switched off on
 * the stage's layers while frames are timed, so no second, unmeasured draw follows each frame.
 */

export interface FrameTime {
  react: number
  draw: number
  raster: number
  total: number
}

export const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))

/**
 * Resolves after `rounds` idle periods of the page: time for the collector to finish what the
 * benchmark's own set-up left (V8 finishes its marking in idle time), before a timed run.
 */
export async function idle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 200 }))
}

/** The stage PhotoCanvas mounted: the only one on the page while a benchmark runs. */
export function currentStage(): Konva.Stage {
  const stage = Konva.stages.at(-1)
  if (!stage) throw new Error('No Konva stage on the page.')
  return stage
}

/** True once PhotoCanvas draws the photo (it has loaded and decoded). */
export function photoShown(): boolean {
  return currentStage().findOne((node: Konva.Node) => node.name().startsWith('photo-')) !== undefined
}

/**
 * The time of the first frame on which the canvas no longer says it is busy (its `aria-busy`):
 * every layer's new dots drawn and taken into the view to the last band, as a user sees them.
 * Checked once a frame, so it is late by at most one frame; `frames` is how many it waited.
 */
export async function wholeOnScreen(limit = 120): Promise<{ at: number; frames: number }> {
  const holder = document.querySelector('.photo-canvas')
  if (!holder) throw new Error('No photo canvas on the page.')
  for (let frames = 1; frames <= limit; frames++) {
    await nextFrame()
    if (holder.getAttribute('aria-busy') === 'false') return { at: performance.now(), frames }
  }
  throw new Error(`The picture was still busy after ${limit} frames.`)
}

/** Draws every layer now and forces the recorded commands to be rasterised. */
export function drawNow(stage: Konva.Stage): { draw: number; raster: number } {
  const start = performance.now()
  for (const layer of stage.getLayers()) layer.draw()
  const drawn = performance.now()
  for (const layer of stage.getLayers()) layer.getContext()._context.getImageData(0, 0, 1, 1)
  return { draw: drawn - start, raster: performance.now() - drawn }
}

/** Runs `count` frames, `step(i)` changing the store in frame i; returns each frame's times. */
export async function timeFrames(count: number, step: (i: number) => void): Promise<FrameTime[]> {
  const stage = currentStage()
  const layers = stage.getLayers()
  const originals = layers.map((layer) => layer.batchDraw)
  for (const layer of layers) layer.batchDraw = () => layer
  const times: FrameTime[] = []
  try {
    for (let i = 0; i < count; i++) {
      await nextFrame()
      const start = performance.now()
      flushSync(() => step(i))
      const react = performance.now() - start
      const { draw, raster } = drawNow(stage)
      times.push({ react, draw, raster, total: performance.now() - start })
    }
  } finally {
    layers.forEach((layer, i) => {
      layer.batchDraw = originals[i] as Konva.Layer['batchDraw']
    })
  }
  return times
}

/**
 * Times every draw Konva makes of the stage's layers (its own batchDraw on the next animation
 * frame included), raster forced as in a benchmark frame, until `stop`.
 */
export function watchDraws(stage: Konva.Stage): { draws: { at: number; ms: number }[]; stop: () => void } {
  const draws: { at: number; ms: number }[] = []
  const layers = stage.getLayers()
  const originals = layers.map((layer) => layer.draw)
  for (const layer of layers) {
    const original = layer.draw
    layer.draw = () => {
      const start = performance.now()
      original.call(layer)
      layer.getContext()._context.getImageData(0, 0, 1, 1)
      draws.push({ at: start, ms: performance.now() - start })
      return layer
    }
  }
  return {
    draws,
    stop: () =>
      layers.forEach((layer, i) => {
        layer.draw = originals[i] as Konva.Layer['draw']
      }),
  }
}

/** Nearest-rank percentile, p in 0–100. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number
}

export const median = (values: readonly number[]) => percentile(values, 50)

/** Every long task (> 50 ms on this thread) since the observer started, as [start, end] in ms. */
export function watchLongTasks(): { tasks: () => { start: number; duration: number }[]; stop: () => void } {
  const seen: { start: number; duration: number }[] = []
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.push({ start: entry.startTime, duration: entry.duration })
  })
  observer.observe({ type: 'longtask', buffered: true })
  return {
    tasks: () => {
      for (const entry of observer.takeRecords()) seen.push({ start: entry.startTime, duration: entry.duration })
      return seen
    },
    stop: () => observer.disconnect(),
  }
}

/** The longest long task overlapping [from, to], 0 when there was none. */
export function longestTask(tasks: readonly { start: number; duration: number }[], from: number, to: number): number {
  return tasks
    .filter((t) => t.start < to && t.start + t.duration > from)
    .reduce((longest, t) => Math.max(longest, t.duration), 0)
}

/** Keeps the thread busy for `ms`: checks that the long-task observer sees what it should. */
export function busy(ms: number): void {
  const until = performance.now() + ms
  while (performance.now() < until) {
    // spin
  }
}
