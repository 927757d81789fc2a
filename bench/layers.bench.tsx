import * as React from 'react'
import { flushSync } from 'react-dom'
import { afterAll, describe, expect, it } from 'vitest'
import { createViewportStore, type ViewportStore } from '../src/renderer/src/canvas/viewport-store'
import { covers, visiblePart } from '../src/renderer/src/features/canvas/view-cache'
import { renderViewFile } from '../src/renderer/src/features/sheets/render-view'
import { DotRenderer } from '../src/renderer/src/features/simulation/dot-renderer'
import { scaleBarFor } from '../src/shared/sheets/scale-bar'
import { simulate } from '../src/shared/simulation/simulate'
import {
  busy,
  currentStage,
  drawNow,
  idle,
  longestTask,
  median,
  nextFrame,
  photoShown,
  timeFrames,
  watchDraws,
  watchLongTasks,
  wholeOnScreen,
} from './layers/frames'
import { baseDone, bitmapBytes, fitView, Harness, mount, pinch, STAGE, when } from './layers/harness'
import { NaiveLayers } from './layers/naive'
import { forgetIndexes, freshWorker, inDotCache, startedWorker } from './layers/opening'
import { profileDraws } from './layers/profile'
import { breakdown, frameRows, mb, ms, notes, printTable, row } from './layers/report'
import {
  BIG_EDIT_ZONE,
  benchDesign,
  benchScene,
  DOTS_PER_LAYER,
  PHOTO,
  PX_PER_MM,
  photoUrl,
  SMALL_EDIT_ZONE,
} from './layers/scene'
import { longTaskParts, referenceLoop, traceReplies, type WorkerTrace, workerWork } from './layers/trace'

/**
 * The session layers at the issue's worst case, in headless Chromium with software rendering:
 * a 1600 × 900 canvas, five layers of 100,000 impressions over a 24 MP photo. Times pan, zoom,
 * a zone edit and a full regeneration through the real PhotoCanvas (its cached view of the photo with the pigment multiplied in) and the dot
 * worker, counts the memory held, and runs the naive react-konva version (a Circle per dot) on
 * the same photo and dots for comparison. Frame timing is explained in `layers/frames.ts`.
 * To say where a miss comes from it also times the photo alone, the drawing of a frame part by
 * part, the worker's own sampling and raster time, and a prototype of the proposed fix (the
 * tiles, then the photo too, baked at the current zoom: `layers/baked-pigment.tsx`).
 * Prints each figure beside the issue's target; asserts only that the work was done.
 */

const PAN_FRAMES = 120
const ZOOM_FRAMES = 120
const EDIT_RUNS = 5
const REGEN_RUNS = 3
/** Frames watched after new tiles come: the view at fit (900 device rows) takes them in 128-row bands, one a frame. */
const BAND_FRAMES = 10
const NAIVE_FRAMES = 5

describe('session layers: five layers of 100,000 impressions on a 24 MP photo', () => {
  const longTasks = watchLongTasks()
  const trace: WorkerTrace[] = []
  let url = ''
  let scene = benchScene()
  let store: ViewportStore
  let renderer: DotRenderer
  let screen: ReturnType<typeof mount>
  let oursPan = { median: Number.NaN, p95: Number.NaN }

  /** Waits until the renderer's sharp detail bitmap covers the current view. */
  async function detailCovers(): Promise<void> {
    await expect
      .poll(
        () => {
          const { viewport, stage } = store.getState()
          return renderer.tilesFor(viewport, stage).length === 1
        },
        { timeout: 30_000 },
      )
      .toBe(true)
  }

  /**
   * Whether every pixel of the view is drawn from bitmaps made at `scale` device pixels per
   * photo pixel or finer: the detail alone, or a preview of the part on screen.
   */
  function viewSharp(scale: number): boolean {
    const { viewport, stage } = store.getState()
    const seen = visiblePart(viewport, stage, PHOTO)
    return renderer
      .tilesFor(viewport, stage)
      .some((t) => t.bitmap.width / t.rect.width >= scale * 0.99 && covers(t.rect, seen))
  }

  afterAll(() => {
    printTable()
    longTasks.stop()
  })

  it('draws the photo and the first layers', async () => {
    // The long-task observer must see a task it is shown, or its zero later would mean nothing.
    const reference = Math.min(referenceLoop(), referenceLoop(), referenceLoop())
    const before = performance.now()
    busy(80)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(longestTask(longTasks.tasks(), before, performance.now())).toBeGreaterThanOrEqual(80)

    url = await photoUrl()
    store = createViewportStore(PHOTO)
    renderer = new DotRenderer(PHOTO, undefined, { onReply: traceReplies(trace) })
    screen = mount(<Harness store={store} url={url} pigment={renderer} />)
    await expect.poll(() => store.getState().stage, { timeout: 10_000 }).toEqual(STAGE)
    await expect.poll(() => photoShown(), { timeout: 60_000 }).toBe(true)
    // The first draw of the photo decodes it; keep that out of every figure.
    drawNow(currentStage())

    const start = performance.now()
    const done = baseDone(renderer, 'the first layers')
    renderer.setStyles(scene.styles)
    renderer.setScene(scene.input)
    const end = await done
    const state = renderer.store.getState()
    const perLayer = state.counts.map((layer) => layer.counts.reduce((sum, n) => sum + n, 0))
    expect(perLayer).toHaveLength(5)
    for (const count of perLayer) expect(count).toBeGreaterThan(0.95 * DOTS_PER_LAYER)
    const base = [...state.base.values()]
    const densities = Object.values(scene.finishedPerCm2)
    notes.push(
      `canvas ${STAGE.width}×${STAGE.height} @${window.devicePixelRatio}x, photo ${PHOTO.width}×${PHOTO.height}`,
      `dots per layer ${perLayer.map((n) => n.toLocaleString('en')).join(' / ')}`,
      `${PX_PER_MM} px/mm, finished ${Math.min(...densities).toFixed(0)}–${Math.max(...densities).toFixed(0)}/cm²`,
      `base bitmap ${Math.ceil(PHOTO.width * state.baseScale)}×${Math.ceil(PHOTO.height * state.baseScale)} in ${base.length} tiles`,
      `${navigator.hardwareConcurrency} cores`,
      `reference loop ${ms(reference)} at the start`,
      // React's development build is several times slower; the app ships the production one.
      `React ${typeof (React as { captureOwnerStack?: unknown }).captureOwnerStack === 'function' ? 'development' : 'production'} build`,
    )
    row('first load (worker start, sample, raster)', ms(end - start), '', null)
  })

  it('regenerates every layer', async () => {
    const times: number[] = []
    const wholes: number[] = []
    const spans: [number, number][] = []
    const watched: [number, number][] = []
    const draws = watchDraws(currentStage())
    let longest = 0
    // A new seed misses every zone's cache: all 500,000 dots are sampled and drawn again. The
    // scenes are built first, as for the edits: the app builds no density field on the page for
    // a regeneration (the worker does), and this page's would leave its garbage to a run.
    const nexts = Array.from({ length: REGEN_RUNS }, (_, k) => benchScene(`regenerate-${k + 1}`))
    await idle()
    for (const next of nexts) {
      await nextFrame()
      const start = performance.now()
      const done = baseDone(renderer, 'a regeneration')
      renderer.setScene(next.input)
      const end = await done
      times.push(end - start)
      spans.push([start, end])
      // The new pigment is taken into the view one band a frame: the watch covers every band.
      const whole = await wholeOnScreen()
      wholes.push(whole.at - start)
      for (let frame = whole.frames; frame < BAND_FRAMES; frame++) await nextFrame()
      await new Promise((resolve) => setTimeout(resolve, 20))
      watched.push([start, performance.now()])
      longest = Math.max(longest, longestTask(longTasks.tasks(), start, performance.now()))
      scene = next
    }
    expect(renderer.store.getState().base.size).toBeGreaterThan(0)
    row(
      'full regeneration (median, max)',
      `${ms(median(times))}, ${ms(Math.max(...times))}`,
      '≤ 800 ms',
      median(times) <= 800,
    )
    row(
      '  to the whole picture on screen (median, max)',
      `${ms(median(wholes))}, ${ms(Math.max(...wholes))}`,
      '≤ 800 ms',
      median(wholes) <= 800,
    )
    row('  longest UI-thread task during it', longest === 0 ? 'none over 50 ms' : ms(longest), '≤ 50 ms', longest <= 50)
    draws.stop()
    explain('regeneration', times, spans, watched, draws.draws)
  })

  async function timeEdits(zoneId: string): Promise<{ times: number[]; wholes: number[]; longest: number }> {
    const seed = scene.input.seedKey
    // Each run reshapes the zone differently from the last, so the worker samples it afresh.
    const edits = Array.from({ length: EDIT_RUNS }, (_, k) => benchScene(seed, { zoneId, px: k % 2 ? -40 : 40 }))
    await idle()
    const times: number[] = []
    const wholes: number[] = []
    const spans: [number, number][] = []
    const watched: [number, number][] = []
    const draws = watchDraws(currentStage())
    let longest = 0
    for (const edit of edits) {
      await nextFrame()
      const start = performance.now()
      const done = baseDone(renderer, `an edit of ${zoneId}`)
      renderer.setScene(edit.input)
      const end = await done
      times.push(end - start)
      spans.push([start, end])
      const whole = await wholeOnScreen()
      wholes.push(whole.at - start)
      for (let frame = whole.frames; frame < BAND_FRAMES; frame++) await nextFrame()
      watched.push([start, performance.now()])
      longest = Math.max(longest, longestTask(longTasks.tasks(), start, performance.now()))
    }
    draws.stop()
    explain(`edit ${zoneId}`, times, spans, watched, draws.draws)
    // Back to the unedited outline, untimed.
    const restored = baseDone(renderer, 'the restored outline')
    renderer.setScene(scene.input)
    await restored
    return { times, wholes, longest }
  }

  /**
   * Where the median run's time went: the worker's own sampling (with the layer index) and
   * raster, the rest being messages and waiting; and the UI thread's longest draw of the stage
   * once new tiles had come (Konva's own, on the next animation frame); and what each task over
   * 50 ms in the runs' `watched` time held.
   */
  function explain(
    what: string,
    times: number[],
    spans: [number, number][],
    watched: [number, number][],
    draws: { at: number; ms: number }[],
  ): void {
    const order = times.map((t, i) => [t, i] as const).sort((a, b) => a[0] - b[0])
    const [, middle] = order[Math.floor(order.length / 2)] as readonly [number, number]
    const [from, to] = spans[middle] as [number, number]
    const work = workerWork(trace, from, to)
    const rest = to - from - work.sample - work.base
    breakdown.push(
      `${what.padEnd(38)} worker: sampling ${ms(work.sample)}, base raster ${ms(work.base)} (${work.tiles} tiles); the rest ${ms(rest)}; drawing the new tiles ≤ ${ms(Math.max(0, ...draws.map((d) => d.ms)))}`,
      ...longTaskParts(longTasks.tasks(), watched, draws, trace).map((line) => `  UI-thread task over 50 ms, ${line}`),
    )
  }

  it('shows an edited zone again', async () => {
    fitView(store)
    const big = await timeEdits(BIG_EDIT_ZONE)
    row(
      `edit ${BIG_EDIT_ZONE} (20k dots/layer, 100k in all): med, max`,
      `${ms(median(big.times))}, ${ms(Math.max(...big.times))}`,
      '≤ 100 ms',
      median(big.times) <= 100,
    )
    row(
      '  to the whole picture on screen (median, max)',
      `${ms(median(big.wholes))}, ${ms(Math.max(...big.wholes))}`,
      '≤ 100 ms',
      median(big.wholes) <= 100,
    )
    const small = await timeEdits(SMALL_EDIT_ZONE)
    row(
      `edit ${SMALL_EDIT_ZONE} (4k dots/layer, 20k in all)`,
      `${ms(median(small.times))}, ${ms(Math.max(...small.times))}`,
      '≤ 100 ms',
      median(small.times) <= 100,
    )
    row(
      '  to the whole picture on screen (median, max)',
      `${ms(median(small.wholes))}, ${ms(Math.max(...small.wholes))}`,
      '≤ 100 ms',
      median(small.wholes) <= 100,
    )
    const longest = Math.max(big.longest, small.longest)
    row(
      '  longest UI-thread task during edits',
      longest === 0 ? 'none over 50 ms' : ms(longest),
      '≤ 50 ms',
      longest <= 50,
    )
  })

  it('pans and zooms', async () => {
    fitView(store)
    await timeFrames(10, (i) => store.getState().pan(i % 2 ? -4 : 4, 0))
    const pan = frameRows(
      'ours: pan at fit',
      await timeFrames(PAN_FRAMES, (i) => store.getState().pan(i < 60 ? 6 : -6, 3 * Math.sin(i / 10))),
    )
    oursPan = pan
    row('pan at fit: frame work median', ms(pan.median), '≤ 4 ms', pan.median <= 4)
    row('pan at fit: frame work p95', ms(pan.p95), '≤ 8 ms', pan.p95 <= 8)

    // Pinch in around the centre to about 15× the fit (0.26 → 3.8) and back out.
    const centre = { x: STAGE.width / 2, y: STAGE.height / 2 }
    const zoomTimes = await timeFrames(ZOOM_FRAMES, (i) =>
      store.getState().wheel(pinch(i < ZOOM_FRAMES / 2 ? -10 : 10), centre),
    )
    const zoom = frameRows('ours: zoom in and out', zoomTimes)
    row('zoom: frame work p95 (median)', `${ms(zoom.p95)} (${ms(zoom.median)})`, '≤ 16 ms', zoom.p95 <= 16)

    // At 100 %, once the sharp detail bitmap has come, pan 720 px: the detail covers a quarter
    // of the view beyond each edge, so the last part of the pan draws the base tiles enlarged.
    // A detail drawn while the pinch paused may already be sharp enough for 100 %: wait for one
    // that is, not for a new one.
    flushSync(() => store.getState().actualSize())
    await expect
      .poll(
        () => {
          const { detail } = renderer.store.getState()
          const { viewport, stage } = store.getState()
          return (
            detail !== null &&
            detail.tile.bitmap.width / detail.tile.rect.width >= 0.99 * window.devicePixelRatio &&
            renderer.tilesFor(viewport, stage).length === 1
          )
        },
        { timeout: 30_000 },
      )
      .toBe(true)
    let onDetail = 0
    const zoomedPan = frameRows(
      'ours: pan at 100 %',
      await timeFrames(PAN_FRAMES, () => {
        store.getState().pan(-6, 0)
        const { viewport, stage } = store.getState()
        if (renderer.tilesFor(viewport, stage).length === 1) onDetail += 1
      }),
    )
    row(
      `pan at 100 % (${onDetail}/${PAN_FRAMES} frames on detail): med, p95`,
      `${ms(zoomedPan.median)}, ${ms(zoomedPan.p95)}`,
      '≤ 4, ≤ 8 ms',
      zoomedPan.median <= 4 && zoomedPan.p95 <= 8,
    )

    // A zoom step to 400 %, then the time until the view shows the sharp dots drawn for it
    // (the canvas waits for the zoom to settle, then the worker draws them).
    flushSync(() => store.getState().actualSize())
    await detailCovers()
    const stepped = performance.now()
    flushSync(() => {
      store.getState().zoomStep(1)
      store.getState().zoomStep(1)
      store.getState().zoomStep(1)
      store.getState().zoomStep(1)
    })
    expect(store.getState().viewport.scale).toBe(4)
    // The 100 % detail still covers the view; wait until the whole view is drawn from bitmaps
    // made at 400 % (the part on screen comes first, ahead of the detail with its margin).
    await when(renderer, () => viewSharp(4 * window.devicePixelRatio), 'the 400 % dots on screen')
    const sharpIn = performance.now() - stepped
    row('zoom step to 400 %: sharp dots shown after', ms(sharpIn), '≤ 100 ms', sharpIn <= 100)
    await when(
      renderer,
      (s) =>
        s.detail !== null &&
        s.detail.tile.bitmap.width / s.detail.tile.rect.width >= 4 * window.devicePixelRatio * 0.99,
      'the 400 % detail',
    )
    await detailCovers()
    const details = trace.filter((t) => (t.kind === 'detail' || t.kind === 'preview') && t.at >= stepped)
    breakdown.push(
      `zoom step to 400 %                     ${details.map((t) => `${t.kind} received at ${ms(t.at - stepped)} (worker ${ms(t.millis)})`).join(', ')}`,
    )
    let onSharp = 0
    const pan400 = frameRows(
      'ours: pan at 400 %',
      await timeFrames(PAN_FRAMES, () => {
        store.getState().pan(-3, 0)
        const { viewport, stage } = store.getState()
        if (renderer.tilesFor(viewport, stage).length === 1) onSharp += 1
      }),
    )
    row(
      `pan at 400 % (${onSharp}/${PAN_FRAMES} frames on sharp dots): med, p95`,
      `${ms(pan400.median)}, ${ms(pan400.p95)}`,
      '≤ 4, ≤ 8 ms',
      pan400.median <= 4 && pan400.p95 <= 8,
    )
    flushSync(() => store.getState().actualSize())
    await detailCovers()
  })

  it('holds the dots and bitmaps within budget', async () => {
    // Zoomed in with a settled detail bitmap: the most the page holds.
    await detailCovers()
    const state = renderer.store.getState()
    expect(state.detail).not.toBeNull()
    row('dots in the worker (dotBytes)', mb(state.dotBytes), '≤ 15 MB', state.dotBytes <= 15 * 1024 * 1024)
    const bitmaps = bitmapBytes(state)
    const detail = state.detail?.tile.bitmap
    row(
      `cached bitmaps (base + ${detail?.width}×${detail?.height} detail)`,
      mb(bitmaps),
      '≤ 256 MB',
      bitmaps <= 256 * 1024 * 1024,
    )

    // An edit seen at 100 %: the base tiles come first, then the sharp detail.
    const start = performance.now()
    const detail0 = state.detail
    const base = baseDone(renderer, 'an edit at 100 %')
    const sharp = when(renderer, (s) => s.detail !== detail0 && s.detail !== null && !s.busy, 'the edited detail')
    renderer.setScene(benchScene(scene.input.seedKey, { zoneId: 'mid-scalp', px: 40 }).input)
    const [baseAt, sharpAt] = await Promise.all([base, sharp])
    row('edit mid-scalp (200k dots) at 100 %: base, detail', `${ms(baseAt - start)}, ${ms(sharpAt - start)}`, '', null)
    const restored = baseDone(renderer, 'the restored outline')
    renderer.setScene(scene.input)
    await restored
  })

  it('pans the photo alone (what the pigment layer adds)', async () => {
    // The drawing of a pan frame at fit, part by part, outside Konva.
    fitView(store)
    const photo = new Image()
    photo.src = url
    await photo.decode()
    // What the app really loads: the working copy, at most 4096 px, drawn at the original's size.
    const workingCopy = new Image()
    workingCopy.src = await photoUrl(4096, Math.round((4096 * PHOTO.height) / PHOTO.width))
    await workingCopy.decode()
    const { viewport, stage } = store.getState()
    const tiles = renderer.tilesFor(viewport, stage)
    breakdown.push('', 'Drawing a frame at fit, part by part (one 1600×900 canvas, median of 15):')
    for (const part of profileDraws(photo, workingCopy, PHOTO, tiles, viewport, stage))
      breakdown.push(`  ${part.label.padEnd(44)} ${ms(part.ms).padStart(9)}`)
    screen.rerender(<Harness store={store} url={url} />)
    fitView(store)
    await timeFrames(10, (i) => store.getState().pan(i % 2 ? -4 : 4, 0))
    const alone = frameRows(
      'photo alone: pan at fit',
      await timeFrames(PAN_FRAMES, (i) => store.getState().pan(i < 60 ? 6 : -6, 3 * Math.sin(i / 10))),
    )
    row('photo alone, no layers: pan at fit median, p95', `${ms(alone.median)}, ${ms(alone.p95)}`, '', null)
    const centre = { x: STAGE.width / 2, y: STAGE.height / 2 }
    const zoom = frameRows(
      'photo alone: zoom in and out',
      await timeFrames(ZOOM_FRAMES, (i) => store.getState().wheel(pinch(i < ZOOM_FRAMES / 2 ? -10 : 10), centre)),
    )
    row('photo alone, no layers: zoom p95 (median)', `${ms(zoom.p95)} (${ms(zoom.median)})`, '', null)
    flushSync(() => store.getState().actualSize())
    const zoomedPan = frameRows(
      'photo alone: pan at 100 %',
      await timeFrames(PAN_FRAMES, () => store.getState().pan(-6, 0)),
    )
    row('photo alone, no layers: pan at 100 % median, p95', `${ms(zoomedPan.median)}, ${ms(zoomedPan.p95)}`, '', null)
    screen.unmount()
    renderer.dispose()
  })

  it('opens a photo to its full layered frame', async () => {
    // The working copy is on disk (here a URL decoded once) and the design has not changed since
    // it was last shown, so its dots are in the dot cache; from the click to the last layer drawn.
    // The figure is the app restarted: no worker holds the dots, a fresh one reads them from
    // IndexedDB. The app starts that worker as it starts (`prepareDotWorker`), long before a
    // photo is chosen; one started at the click is timed too. Then the photo closed a moment
    // ago (its worker kept with the dots in memory), and a design never shown (dots sampled).
    // Run alone (`-t "opens a photo"`) it makes its own photo.
    if (!url) url = await photoUrl()
    const reference = Math.min(referenceLoop(), referenceLoop(), referenceLoop())
    type Way = 'app start' | 'app start, zones' | 'click' | 'kept'
    async function open(input: typeof scene.input, way: Way): Promise<{ total: number; parts: string }> {
      const openTrace: WorkerTrace[] = []
      const openStore = createViewportStore(PHOTO)
      // The stored indexes are there for 'app start' (a run without them writes them back as it ends).
      if (way === 'app start') await inDotCache(input)
      if (way === 'app start, zones') await forgetIndexes()
      const started = way.startsWith('app start') ? await startedWorker() : null
      const start = performance.now()
      const worker = started ? () => started : way === 'click' ? freshWorker : undefined
      const openRenderer = new DotRenderer(PHOTO, worker, {
        onReply: traceReplies(openTrace),
      })
      const opened = mount(<Harness store={openStore} url={url} pigment={openRenderer} />)
      const done = baseDone(openRenderer, 'the opened photo')
      openRenderer.setStyles(scene.styles)
      openRenderer.setScene(input)
      let photoAt = Number.NaN
      await expect
        .poll(
          () => {
            if (!photoShown()) return false
            photoAt = performance.now()
            return true
          },
          { interval: 5, timeout: 60_000 },
        )
        .toBe(true)
      await done
      // To the frame on which the canvas shows every layer whole, not only the tiles come.
      const total = (await wholeOnScreen()).at - start
      opened.unmount()
      openRenderer.dispose()
      const dots = openTrace.find((t) => t.kind === 'dots')
      const base = openTrace.filter((t) => t.kind === 'base')
      const parts = [
        `photo shown ${ms(photoAt - start)}`,
        `dots at ${ms((dots?.at ?? start) - start)} (worker ${ms(dots?.millis ?? 0)}, ${dots?.cached ?? 0} zones read from the dot cache)`,
        `base at ${ms((base.at(-1)?.at ?? start) - start)} (raster ${ms(base.reduce((sum, t) => sum + t.millis, 0))})`,
      ].join(', ')
      return { total, parts }
    }
    const sampled = await open(benchScene(`open-never-shown-${Date.now()}`).input, 'kept')
    // Shown once and closed at once: its dots reach IndexedDB as its worker closes.
    await open(scene.input, 'click')
    await inDotCache(scene.input)
    const ways: [Way, string][] = [
      ['app start', 'app restarted, worker started with the app'],
      ['app start, zones', "app restarted, no stored index (main's way)"],
      ['click', 'app restarted, worker started at the click'],
      ['kept', 'opened again, worker kept with the dots'],
    ]
    const runs = new Map<Way, { total: number; parts: string }[]>(ways.map(([way]) => [way, []]))
    // The first kept opening takes the worker the sampled one left, which reads the dots from
    // IndexedDB and keeps them: the timed ones find them in its memory.
    await open(scene.input, 'kept')
    for (let run = 1; run <= 3; run++) for (const [way] of ways) runs.get(way)?.push(await open(scene.input, way))
    breakdown.push('', `opening a photo (reference loop ${ms(reference)}):`)
    for (const [way, label] of ways) {
      const timed = runs.get(way) ?? []
      breakdown.push(...timed.map((r, k) => `  ${`${label}, run ${k + 1}`.padEnd(56)} ${ms(r.total)}: ${r.parts}`))
      const figure = median(timed.map((r) => r.total))
      row(`open, ${label} (med)`, ms(figure), '≤ 500 ms', figure <= 500)
    }
    breakdown.push(`  ${'a design never shown (dots sampled)'.padEnd(56)} ${ms(sampled.total)}: ${sampled.parts}`)
    row('open a photo whose design was never shown (sampled)', ms(sampled.total), '', null)
  })

  it('exports one view as a 300 dpi PNG', async () => {
    // A landscape A4 figure's width at 300 dpi, the photo's proportions.
    const output = { width: 3000, height: 2000 }
    // Run alone (`-t "300 dpi PNG"`) it makes its own photo, and its first run samples the dots.
    if (!url) url = await photoUrl()
    const times: number[] = []
    let file: Blob | null = null
    let longest = 0
    // The zones' outlines and the scale bar drawn over the photo, as a real export has them.
    const design = benchDesign(scene)
    const scaleBar = scaleBarFor(PX_PER_MM, PHOTO.width)
    for (let run = 1; run <= 2; run++) {
      await nextFrame()
      const start = performance.now()
      file = await renderViewFile(
        {
          photoUrl: url,
          image: PHOTO,
          document: design,
          pxPerMm: PX_PER_MM,
          scaleBar,
          // The view as the canvas shows it: its dots are in the dot cache.
          pigment: { input: scene.input, styles: scene.styles },
          output,
          overlayWidth: 1200,
        },
        'image/png',
      )
      const end = performance.now()
      times.push(end - start)
      // Long tasks are reported after they end.
      await nextFrame()
      await new Promise((resolve) => setTimeout(resolve, 20))
      longest = Math.max(longest, longestTask(longTasks.tasks(), start, end))
    }
    const bytes = file?.size ?? 0
    // Chromium's own encoder, which the export used before, on the same picture in the same run.
    const canvas = document.createElement('canvas')
    canvas.width = output.width
    canvas.height = output.height
    if (file) (canvas.getContext('2d') as CanvasRenderingContext2D).drawImage(await createImageBitmap(file), 0, 0)
    const before = performance.now()
    const chromium = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    const chromiumMs = performance.now() - before
    breakdown.push(
      `300 dpi PNG (median)                   runs ${times.map(ms).join(', ')} (the first with fresh PNG workers); Chromium's toBlob on the same picture ${ms(chromiumMs)}, ${mb(chromium?.size ?? 0)}`,
    )
    row(
      `300 dpi PNG of one view (${output.width}×${output.height}, ${mb(bytes)}): median`,
      ms(median(times)),
      '≤ 1500 ms',
      median(times) <= 1500,
    )
    row('  longest UI-thread task during it', longest === 0 ? 'none over 50 ms' : ms(longest), '≤ 50 ms', longest <= 50)
  })

  it('runs the naive version: a react-konva Circle per dot', async () => {
    const sampled = performance.now()
    const layers = simulate(scene.input)
    const sampledIn = performance.now() - sampled
    expect(layers.reduce((sum, l) => sum + l.x.length, 0)).toBeGreaterThan(0.95 * 5 * DOTS_PER_LAYER)
    const naiveStore = createViewportStore(PHOTO)
    const start = performance.now()
    const naive = mount(
      <Harness store={naiveStore} url={url}>
        <NaiveLayers canvas={naiveStore} layers={layers} styles={scene.styles} />
      </Harness>,
    )
    await expect.poll(() => naiveStore.getState().stage, { timeout: 60_000 }).toEqual(STAGE)
    await expect.poll(() => photoShown(), { timeout: 60_000 }).toBe(true)
    expect(currentStage().getLayers().length).toBeGreaterThanOrEqual(6)
    drawNow(currentStage())
    row('naive: sample on the page, then mount + draw', `${ms(sampledIn)}, ${ms(performance.now() - start)}`, '', null)
    fitView(naiveStore)
    const pan = frameRows(
      'naive: pan at fit',
      await timeFrames(NAIVE_FRAMES, (i) => naiveStore.getState().pan(i % 2 ? -6 : 6, 0)),
    )
    row('naive: pan at fit median, p95', `${ms(pan.median)}, ${ms(pan.p95)}`, '', null)
    row(
      'naive / ours: pan at fit median, p95',
      `${(pan.median / oursPan.median).toFixed(0)}×, ${(pan.p95 / oursPan.p95).toFixed(0)}×`,
      '',
      null,
    )
    naive.unmount()
    notes.push(`reference loop ${ms(Math.min(referenceLoop(), referenceLoop(), referenceLoop()))} at the end`)
    printTable()
  })
})
