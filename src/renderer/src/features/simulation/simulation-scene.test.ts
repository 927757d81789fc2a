import { describe, expect, it } from 'vitest'
import { p, validDesign, zone } from '../../../../../test/fixtures/designs'
import { session, share } from '../../../../../test/fixtures/plans'
import { DEFAULT_PIGMENTS } from '../../../../shared/plan/default-pigments'
import type { PlanDraft } from '../../../../shared/plan/plan-types'
import { dotDiameterMm, freshDotDiameterMm } from '../../../../shared/plan/session-density'
import { CLINICAL_DEFAULTS, type ClinicalSettings } from '../../../../shared/settings/clinical-defaults'
import { indexLayer } from '../../../../shared/simulation/layer-index'
import { rasterize } from '../../../../shared/simulation/rasterize'
import { type DotLayer, simulate } from '../../../../shared/simulation/simulate'
import { drawPasses } from './layer-looks'
import { buildScene, sceneStyles } from './simulation-scene'

const settings = structuredClone(CLINICAL_DEFAULTS) as ClinicalSettings
const DESIGN_ID = 'design-1'
const left = zone({ id: 'left', points: [p(10, 10), p(90, 10), p(90, 90), p(10, 90)], softnessMm: 0 })
const right = zone({ id: 'right', points: [p(110, 10), p(190, 10), p(190, 90), p(110, 90)], softnessMm: 0 })
const plan: PlanDraft = {
  technique: 'permanent',
  sessions: [
    session({
      id: 'a',
      startsAt: '2026-03-10T09:00',
      treatments: [share(DESIGN_ID, left.id, 0.5), share(DESIGN_ID, right.id, 0.5)],
    }),
    session({ id: 'b', startsAt: '2026-03-24T09:00', treatments: [share(DESIGN_ID, left.id, 0.5)] }),
  ],
}

function sceneOf(rightHidden: boolean) {
  return buildScene({
    designId: DESIGN_ID,
    document: validDesign([left, { ...right, hidden: rightHidden }]),
    pxPerMm: 10,
    draft: plan,
    pigments: DEFAULT_PIGMENTS,
    settings,
  })
}

/** A clear 200 × 100 picture at 1 px per image px, to draw dots into. */
const blankPicture = () => ({
  width: 200,
  height: 100,
  originX: 0,
  originY: 0,
  scale: 1,
  data: new Uint8ClampedArray(200 * 100 * 4),
})

/** How many pixels of a 200 × 100 picture's half are darkened by the dots. */
function inkedPixels(rightHidden: boolean, half: 'left' | 'right'): number {
  const scene = sceneOf(rightHidden)
  if (!scene.input) throw new Error(scene.reason ?? 'no scene')
  const target = blankPicture()
  rasterize(target, simulate(scene.input), sceneStyles(scene, '2026-04-01', settings))
  let n = 0
  for (let y = 0; y < 100; y++)
    for (let x = half === 'left' ? 0 : 100; x < (half === 'left' ? 100 : 200); x++)
      if ((target.data[(y * 200 + x) * 4] as number) < 250) n++
  return n
}

describe('the look of the session layers', () => {
  it('hides a hidden zone’s dots and keeps the others', () => {
    expect(inkedPixels(false, 'right')).toBeGreaterThan(100)
    expect(inkedPixels(true, 'right')).toBe(0)
    expect(inkedPixels(true, 'left')).toBe(inkedPixels(false, 'left'))
  })

  it('shows dots healed, and fresh only when asked and only on their session’s day', () => {
    const scene = sceneOf(false)
    const looks = (day: string, fresh: boolean) =>
      sceneStyles(scene, day, settings, { fresh }).map((s) => s.look?.scale)
    // Each session's needle's fresh impression over its healed one (0.25 mm against 0.14 mm for 3RL).
    const [first, second] = scene.layers.map(
      (l) => freshDotDiameterMm(l.session.needle, settings) / dotDiameterMm(l.session.needle, settings),
    )
    expect(first).toBeGreaterThan(1.5)
    expect(looks('2026-03-10', false)).toEqual([1, 1])
    expect(looks('2026-03-10', true)).toEqual([first, 1])
    expect(looks('2026-03-24', true)).toEqual([1, second])
    expect(looks('2026-04-01', true)).toEqual([1, 1])
  })

  it('scales each zone’s fresh dots by the needle used on that zone, not the session’s', () => {
    // One session, 3RL, with the left zone treated with a 1RL of its own.
    const oneNeedle = { config: '1RL' as const, diameterMm: 0.25 }
    const draft: PlanDraft = {
      technique: 'permanent',
      sessions: [
        session({
          id: 'a',
          startsAt: '2026-03-10T09:00',
          treatments: [{ ...share(DESIGN_ID, left.id, 0.5), needle: oneNeedle }, share(DESIGN_ID, right.id, 0.5)],
        }),
      ],
    }
    const scene = buildScene({
      designId: DESIGN_ID,
      document: validDesign([left, right]),
      pxPerMm: 10,
      draft,
      pigments: DEFAULT_PIGMENTS,
      settings,
    })
    if (!scene.input) throw new Error(scene.reason ?? 'no scene')
    const [style] = sceneStyles(scene, '2026-03-10', settings, { fresh: true })
    const ratio = (needle: typeof oneNeedle) => freshDotDiameterMm(needle, settings) / dotDiameterMm(needle, settings)
    const three = scene.layers[0]?.session.needle as typeof oneNeedle
    expect(style?.zoneLooks?.map((look) => look.scale)).toEqual([ratio(oneNeedle), ratio(three)])
    expect(ratio(oneNeedle)).not.toBeCloseTo(ratio(three), 2)
    // Healed on any other day, every zone alike.
    expect(sceneStyles(scene, '2026-03-11', settings, { fresh: true })[0]?.zoneLooks).toBeUndefined()

    // Drawn: each zone's fresh dots are its own healed dots times its own needle's ratio in
    // diameter, so (ink per dot being kept to its area) its darkness grows by that ratio squared.
    const layers = simulate(scene.input)
    const indexes = layers.map(indexLayer)
    const darkness = (styles: ReturnType<typeof sceneStyles>) => {
      const target = blankPicture()
      const passes = drawPasses(styles, indexes)
      // One session: every pass draws its one layer.
      rasterize(
        target,
        passes.indexes.map(() => layers[0] as DotLayer),
        passes.styles,
        passes.indexes,
      )
      let leftHalf = 0
      let rightHalf = 0
      for (let y = 0; y < 100; y++)
        for (let x = 0; x < 200; x++) {
          const ink = 255 - (target.data[(y * 200 + x) * 4] as number)
          if (x < 100) leftHalf += ink
          else rightHalf += ink
        }
      return [leftHalf, rightHalf] as const
    }
    const healed = darkness(sceneStyles(scene, '2026-03-10', settings))
    const fresh = darkness(sceneStyles(scene, '2026-03-10', settings, { fresh: true }))
    expect(fresh[0] / healed[0]).toBeGreaterThan((1.1 * fresh[1]) / healed[1])
  })
})
