import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import type { RenderResult } from 'vitest-browser-react'
import { HAIRLINE_COLOUR } from '../../src/renderer/src/shapes/hairline/hairline-shape'
import { LANDMARK_COLOUR } from '../../src/renderer/src/shapes/landmark/landmark-shape'
import { SCAR_COLOUR } from '../../src/renderer/src/shapes/scar/scar-shape'
import { ZONE_COLOURS } from '../../src/renderer/src/shapes/zone/zone-shape'
import type { DesignDocument, HairlineObject, ZoneObject } from '../../src/shared/design/design-types'
import type { Point } from '../../src/shared/geometry/point'
import { designZoneFigures } from '../../src/shared/plan/zone-figures'
import { colourDistance, hexToRgb, type Rgb, renderWorkspace, TEN_PX_PER_MM, tinted } from './workspace'

type Workspace = Awaited<ReturnType<typeof renderWorkspace>>

const RED: Rgb = [255, 0, 0]
const BLUE: Rgb = [0, 0, 255]
const PINK = hexToRgb(HAIRLINE_COLOUR)
const FRONTAL = hexToRgb(ZONE_COLOURS.frontal)

/** 4 px/mm: the ruler's 500 px are 125 mm, so a whole head's design fits the 1200 × 900 photo. */
const FOUR_PX_PER_MM = { ...TEN_PX_PER_MM, lengthMm: 125 }

/** For tests that wait for the autosave (half a second after the last change) at each step. */
const SLOW = 30_000

const figures = (screen: RenderResult) => screen.getByRole('region', { name: 'Design figures' })
const figuresText = (screen: RenderResult) => figures(screen).element().textContent ?? ''

/** Shoelace, written out here so the figures are checked against more than the app's own formula. */
function shoelace(points: readonly Point[]): number {
  let twice = 0
  points.forEach((a, i) => {
    const b = points[(i + 1) % points.length] as Point
    twice += a.x * b.y - b.x * a.y
  })
  return Math.abs(twice) / 2
}

/** Waits until every change is saved, and returns the stored document. */
async function saved(w: Workspace): Promise<DesignDocument> {
  await expect.element(w.screen.getByText('All changes saved')).toBeVisible()
  const document = w.design()?.document
  if (!document) throw new Error('nothing saved')
  return structuredClone(document)
}

/** Waits until the stored document is exactly `expected`. */
const storedIs = (w: Workspace, expected: DesignDocument) =>
  expect.poll(() => JSON.stringify(w.design()?.document)).toBe(JSON.stringify(expected))

async function drawZone(w: Workspace, corners: Point[]) {
  await userEvent.keyboard('z')
  for (const corner of corners) await w.clickPhoto(corner)
  await userEvent.keyboard('{Enter}')
}

/** Whether a colour within `within` of `colour` is shown within `radius` screen px of a photo point. */
function shownNear(w: Workspace, at: Point, colour: Rgb, within: number, radius = 6): boolean {
  for (let dy = -radius; dy <= radius; dy++)
    for (let dx = -radius; dx <= radius; dx++) {
      const pixel = w.pixelAt({ x: at.x + dx / w.scale(), y: at.y + dy / w.scale() })
      if (colourDistance(pixel, colour) <= within) return true
    }
  return false
}

describe('design editor', () => {
  it('draws a zone by its corners and shows its area in cm² and its impressions', async () => {
    const w = await renderWorkspace({ calibration: TEN_PX_PER_MM })
    const { screen } = w
    await drawZone(w, [
      { x: 300, y: 300 },
      { x: 700, y: 300 },
      { x: 700, y: 600 },
      { x: 300, y: 600 },
    ])
    const [zone] = (await saved(w)).objects as [ZoneObject]
    expect(zone.kind).toBe('zone')
    expect(zone.role).toBe('frontal')
    expect(zone.points).toHaveLength(4)
    // 400 × 300 px at 10 px/mm is 40 × 30 mm = 12 cm²; each click lands within a screen pixel.
    const cm2 = shoelace(zone.points) / 10 ** 2 / 100
    expect(Math.abs(cm2 - 12)).toBeLessThan(0.15)
    // The area the plan counts: the 5 mm feathered edge as drawn, a little more than the outline at the corners.
    const treated = designZoneFigures({ schema: 1, objects: [zone] }, '', 10).zones.get(zone.id)?.treated?.value ?? 0
    expect(Math.abs(treated - cm2)).toBeLessThan(0.1)
    const impressions = Math.round(treated * 150)
    expect(Math.abs(impressions - 1800)).toBeLessThan(25)

    const row = figures(screen).getByRole('row', { name: /Frontal/ })
    await expect.element(row.getByText(`${treated.toFixed(2)} cm²`)).toBeVisible()
    await expect.element(row.getByText('150/cm²')).toBeVisible()
    await expect.element(row.getByText(impressions.toLocaleString('en'), { exact: true })).toBeVisible()
    await expect.element(screen.getByTestId('total-impressions')).toHaveTextContent(impressions.toLocaleString('en'))
    // The soft corners add less than 1% to the outline: one area is shown, not two.
    expect(figuresText(screen)).not.toContain('outline')
    // The zone stays selected, with the same figures under its properties.
    const properties = screen.getByRole('region', { name: 'Properties of Frontal' })
    await expect.element(properties.getByText(`${treated.toFixed(2)} cm²`)).toBeVisible()

    // A denser target: same area, more impressions.
    await properties.getByRole('spinbutton', { name: 'Target density' }).fill('200')
    const denser = Math.round(treated * 200)
    await expect.element(row.getByText(denser.toLocaleString('en'), { exact: true })).toBeVisible()
    await expect.element(row.getByText('200/cm²')).toBeVisible()
    expect(((await saved(w)).objects[0] as ZoneObject).density).toBe(200)
  })

  it('mirrors a hairline half about the midline; dragging a point moves its reflection with it', async () => {
    const w = await renderWorkspace({ calibration: TEN_PX_PER_MM })
    const { screen } = w
    await userEvent.keyboard('k')
    await w.clickPhoto({ x: 600, y: 40 })
    await w.clickPhoto({ x: 600, y: 860 })
    await userEvent.keyboard('l')
    for (const p of [
      { x: 300, y: 450 },
      { x: 420, y: 330 },
      { x: 540, y: 300 },
    ])
      await w.clickPhoto(p)
    await userEvent.keyboard('{Enter}')

    const drawn = await saved(w)
    const hairline = drawn.objects.find((o) => o.kind === 'hairline') as HairlineObject
    const midline = drawn.objects.find((o) => o.kind === 'landmark' && o.role === 'midline')
    expect(hairline.mirror).toBe(true)
    expect(hairline.points).toHaveLength(3)
    // The midline was clicked at x = 600, so a point's reflection sits at 1200 − x.
    for (const end of midline?.points ?? []) expect(Math.abs(end.x - 600)).toBeLessThan(2)
    const mirrorOf = (p: Point) => ({ x: 1200 - p.x, y: p.y })
    const [, second] = hairline.points as [Point, Point, Point]
    // Both halves are drawn: the hairline colour on the stored point and on its reflection.
    expect(shownNear(w, second, PINK, 40)).toBe(true)
    expect(shownNear(w, mirrorOf(second), PINK, 40)).toBe(true)
    await expect.element(figures(screen).getByText('Hairline length')).toBeVisible()

    // Drag the drawn point 100 px up, with the real mouse.
    await w.dragPhoto(second, { x: second.x, y: second.y - 50 }, { x: second.x, y: second.y - 100 })
    const moved = (await saved(w)).objects.find((o) => o.kind === 'hairline') as HairlineObject
    const [a0, a1, a2] = moved.points as [Point, Point, Point]
    expect(a0).toEqual(hairline.points[0])
    expect(a2).toEqual(hairline.points[2])
    expect(Math.abs(a1.x - second.x)).toBeLessThan(2.5)
    expect(Math.abs(a1.y - (second.y - 100))).toBeLessThan(2.5)
    // Its reflection moved the same way on the other side; where it was shows no line now.
    await expect.poll(() => shownNear(w, mirrorOf(a1), PINK, 40)).toBe(true)
    expect(shownNear(w, mirrorOf(second), PINK, 40)).toBe(false)

    // Dragging the reflection moves the stored point to its mirror image.
    const reflection = mirrorOf(a1)
    await w.dragPhoto(reflection, { x: reflection.x + 40, y: reflection.y - 40 })
    const again = (await saved(w)).objects.find((o) => o.kind === 'hairline') as HairlineObject
    const b1 = again.points[1] as Point
    expect(Math.abs(b1.x - (a1.x - 40))).toBeLessThan(2.5)
    expect(Math.abs(b1.y - (a1.y - 40))).toBeLessThan(2.5)
    expect(again.points[0]).toEqual(hairline.points[0])
    await expect.poll(() => shownNear(w, { x: reflection.x + 40, y: reflection.y - 40 }, PINK, 40)).toBe(true)
  })

  it(
    'undoes and redoes exactly, from the keys and from the toolbar',
    async () => {
      const w = await renderWorkspace({ calibration: TEN_PX_PER_MM })
      const { screen } = w
      const undo = screen.getByRole('button', { name: 'Undo', exact: true })
      const redo = screen.getByRole('button', { name: 'Redo', exact: true })
      await expect.element(undo).toBeDisabled()
      const emptyFigures = figuresText(screen)

      await drawZone(w, [
        { x: 300, y: 300 },
        { x: 700, y: 300 },
        { x: 700, y: 600 },
        { x: 300, y: 600 },
      ])
      const zoneOnly = { document: await saved(w), figures: figuresText(screen) }
      await screen.getByRole('spinbutton', { name: 'Target density' }).fill('200')
      await expect.element(figures(screen).getByText('200/cm²')).toBeVisible()
      const denser = { document: await saved(w), figures: figuresText(screen) }
      // A click on the toolbar takes the focus out of the field, as a user's would.
      await screen.getByRole('button', { name: /^Scar/ }).click()
      await w.clickPhoto({ x: 800, y: 200 })
      await w.clickPhoto({ x: 1000, y: 260 })
      await userEvent.keyboard('{Enter}')
      await expect.element(figures(screen).getByText('FUT strip')).toBeVisible()
      const withScar = { document: await saved(w), figures: figuresText(screen) }
      expect(withScar.document.objects.map((o) => o.kind)).toEqual(['zone', 'scar'])

      const expectState = async (state: { document: DesignDocument; figures: string }) => {
        await storedIs(w, state.document)
        await expect.poll(() => figuresText(screen)).toBe(state.figures)
      }
      await userEvent.keyboard('{Control>}z{/Control}')
      await expectState(denser)
      await userEvent.keyboard('{Control>}z{/Control}')
      await expectState(zoneOnly)
      await userEvent.keyboard('{Control>}z{/Control}')
      await expectState({ document: { schema: 1, objects: [] }, figures: emptyFigures })
      await expect.element(undo).toBeDisabled()

      await userEvent.keyboard('{Shift>}{Control>}z{/Control}{/Shift}')
      await expectState(zoneOnly)
      await redo.click()
      await expectState(denser)
      await redo.click()
      await expectState(withScar)
      await expect.element(redo).toBeDisabled()
      await undo.click()
      await expectState(denser)
      await userEvent.keyboard('{Shift>}{Control>}z{/Control}{/Shift}')
      await expectState(withScar)
    },
    SLOW,
  )

  it(
    'hides, locks, renames and recolours objects from the objects panel',
    async () => {
      const w = await renderWorkspace({ calibration: TEN_PX_PER_MM })
      const { screen } = w
      await drawZone(w, [
        { x: 200, y: 200 },
        { x: 500, y: 200 },
        { x: 500, y: 500 },
        { x: 200, y: 500 },
      ])
      await saved(w)
      // Nothing selected, so the fill is drawn plain, without the selection's glow.
      await userEvent.keyboard('v{Escape}')
      // Inside the zone, clear of its soft edge and of its label (at the centre, to the right).
      const inside = { x: 260, y: 260 }
      const zoneTint = tinted(RED, FRONTAL, 0.2)
      await expect.poll(() => colourDistance(w.pixelAt(inside), zoneTint)).toBeLessThan(8)

      const objects = screen.getByRole('region', { name: 'Density zones' })
      await objects.getByRole('button', { name: 'Hide Frontal' }).click()
      await expect.poll(() => colourDistance(w.pixelAt(inside), RED)).toBeLessThan(3)
      expect(((await saved(w)).objects[0] as ZoneObject).hidden).toBe(true)
      // Hidden objects cannot be picked on the canvas either.
      await w.clickPhoto(inside)
      await expect.element(screen.getByText('Select an object to see and change its properties.')).toBeVisible()
      await objects.getByRole('button', { name: 'Show Frontal' }).click()
      await expect.poll(() => colourDistance(w.pixelAt(inside), zoneTint)).toBeLessThan(8)

      // Unlocked, a drag moves it 100 px right...
      const before = (await saved(w)).objects[0] as ZoneObject
      await w.dragPhoto(inside, { x: 310, y: 260 }, { x: 360, y: 260 })
      const dragged = (await saved(w)).objects[0] as ZoneObject
      const shift = (dragged.points[0]?.x ?? 0) - (before.points[0]?.x ?? 0)
      expect(Math.abs(shift - 100)).toBeLessThan(2.5)
      expect(dragged.points.map((p) => p.y)).toEqual(before.points.map((p) => p.y))
      // ... locked, the same drag leaves it where it is.
      await objects.getByRole('button', { name: 'Lock Frontal' }).click()
      await expect.element(objects.getByRole('button', { name: 'Unlock Frontal' })).toBeVisible()
      const locked = await saved(w)
      const from = { x: inside.x + 100, y: inside.y }
      await w.dragPhoto(from, { x: from.x + 50, y: from.y }, { x: from.x + 100, y: from.y })
      await expect.element(screen.getByText('All changes saved')).toBeVisible()
      expect(w.design()?.document).toEqual(locked)
      expect(colourDistance(w.pixelAt(from), zoneTint)).toBeLessThan(8)

      // Rename: double-click the name; Escape leaves it as it was, Enter renames.
      await objects.getByRole('button', { name: 'Frontal', exact: true }).dblClick()
      await objects.getByRole('textbox', { name: 'Rename Frontal' }).fill('Crown')
      await userEvent.keyboard('{Escape}')
      await expect.element(objects.getByRole('button', { name: 'Frontal', exact: true })).toBeVisible()
      await expect.element(screen.getByText('All changes saved')).toBeVisible()
      expect(w.design()?.document).toEqual(locked)
      await objects.getByRole('button', { name: 'Frontal', exact: true }).dblClick()
      await objects.getByRole('textbox', { name: 'Rename Frontal' }).fill('Left frontal')
      await userEvent.keyboard('{Enter}')
      await expect.element(objects.getByRole('button', { name: 'Left frontal', exact: true })).toBeVisible()
      await expect.element(figures(screen).getByRole('row', { name: /Left frontal/ })).toBeVisible()
      expect(((await saved(w)).objects[0] as ZoneObject).name).toBe('Left frontal')

      // Colour: the fill inside follows (seen unselected: a click on empty photo deselects).
      await objects.getByLabelText('Colour of Left frontal').fill('#ff00ff')
      await w.clickPhoto({ x: 900, y: 700 })
      const magentaTint = tinted(RED, [255, 0, 255], 0.2)
      await expect.poll(() => colourDistance(w.pixelAt(from), magentaTint)).toBeLessThan(8)
      expect(((await saved(w)).objects[0] as ZoneObject).colour).toBe('#ff00ff')
    },
    SLOW,
  )

  it('draws a whole design over the photo: hairline and band, zones, scars, landmarks and a pin', async () => {
    const w = await renderWorkspace({ calibration: FOUR_PX_PER_MM })
    const { screen } = w
    const options = (name: string) => screen.getByRole('region', { name })
    // Midline, then the glabella, which the landmark tool moves on to by itself.
    await userEvent.keyboard('k')
    await w.clickPhoto({ x: 600, y: 40 })
    await w.clickPhoto({ x: 600, y: 860 })
    await expect.element(options('Landmark options').getByRole('combobox')).toHaveValue('glabella')
    await w.clickPhoto({ x: 600, y: 760 })
    // A preset hairline, true to size from the glabella: 8 cm of tape over the forehead, 6.7 cm flat on the photo.
    await userEvent.keyboard('l')
    await options('Hairline options').getByRole('button', { name: 'Natural / rounded' }).click()
    await expect.element(figures(screen).getByText(/8\.0 cm over the forehead \(tape\)/)).toBeVisible()
    await expect.element(figures(screen).getByText(/6\.7 cm flat on the photo/)).toBeVisible()
    // A frontal zone above the hairline and a crown zone behind it.
    await drawZone(w, [
      { x: 420, y: 250 },
      { x: 780, y: 250 },
      { x: 780, y: 400 },
      { x: 420, y: 400 },
    ])
    await options('Zone options').getByRole('combobox').selectOptions('crown')
    for (const p of [
      { x: 470, y: 60 },
      { x: 730, y: 60 },
      { x: 730, y: 200 },
      { x: 470, y: 200 },
    ])
      await w.clickPhoto(p)
    await userEvent.keyboard('{Enter}')
    // A strip scar, then a cluster of FUE dot scars, on the blue half so the red scars show.
    await screen.getByRole('button', { name: /^Scar/ }).click()
    for (const p of [
      { x: 800, y: 620 },
      { x: 950, y: 680 },
      { x: 1100, y: 660 },
    ])
      await w.clickPhoto(p)
    await userEvent.keyboard('{Enter}{Escape}')
    await options('Scar options').getByRole('combobox').selectOptions('dots')
    const dots = [
      { x: 960, y: 470 },
      { x: 1010, y: 500 },
      { x: 1060, y: 460 },
      { x: 1110, y: 510 },
    ]
    for (const p of dots) await w.clickPhoto(p)
    // A pin with a note.
    await screen.getByRole('button', { name: /^Pin/ }).click()
    const pin = { x: 250, y: 150 }
    await w.clickPhoto(pin)
    await screen.getByRole('textbox', { name: 'Note' }).fill('Mole: keep 2 mm clear')
    // Nothing selected, on the select tool: the design as the client would see it.
    await screen.getByRole('button', { name: /^Select/ }).click()
    await userEvent.keyboard('{Escape}')

    const document = await saved(w)
    expect(document.objects.map((o) => `${o.kind}:${o.name}`)).toEqual([
      'landmark:Facial midline',
      'landmark:Glabella',
      'hairline:Hairline',
      'zone:Frontal',
      'zone:Crown / vertex',
      'scar:FUT strip',
      'scar:FUE dot scars',
      'pin:Note',
    ])
    await expect.element(figures(screen).getByText('· 4 dots', { exact: false })).toBeVisible()
    await page.screenshot({ path: '../../test-results/browser/design-editor-whole-design.png' })

    // The zones' colours inside them (clear of their soft edges and labels).
    expect(colourDistance(w.pixelAt({ x: 450, y: 280 }), tinted(RED, FRONTAL, 0.2))).toBeLessThan(8)
    expect(colourDistance(w.pixelAt({ x: 750, y: 280 }), tinted(BLUE, FRONTAL, 0.2))).toBeLessThan(8)
    const crown = hexToRgb(ZONE_COLOURS.crown)
    expect(colourDistance(w.pixelAt({ x: 500, y: 90 }), tinted(RED, crown, 0.2))).toBeLessThan(8)
    // The hairline's colour on its points, on both halves, and its soft band just under the line.
    const hairline = document.objects.find((o) => o.kind === 'hairline') as HairlineObject
    for (const p of hairline.points) {
      expect(shownNear(w, p, PINK, 40, 2), `hairline at ${p.x}, ${p.y}`).toBe(true)
      expect(shownNear(w, { x: 1200 - p.x, y: p.y }, PINK, 40, 2), `mirror of ${p.x}, ${p.y}`).toBe(true)
    }
    const peak = hairline.points.at(-1) as Point
    expect(shownNear(w, { x: peak.x - 20, y: peak.y + 6 }, tinted(RED, PINK, 0.28), 12, 2)).toBe(true)
    // Scars: the strip's width band and each dot.
    const scar = hexToRgb(SCAR_COLOUR)
    expect(colourDistance(w.pixelAt({ x: 950, y: 668 }), tinted(BLUE, scar, 0.35))).toBeLessThan(10)
    for (const dot of dots) expect(shownNear(w, dot, tinted(BLUE, scar, 0.75), 20, 1)).toBe(true)
    // Landmarks (the midline's dashes and the glabella's cross) and the pin.
    const landmark = hexToRgb(LANDMARK_COLOUR)
    expect(shownNear(w, { x: 600, y: 760 }, landmark, 30, 1)).toBe(true)
    expect(shownNear(w, { x: 600, y: 20 }, landmark, 30, 3)).toBe(true)
    expect(shownNear(w, pin, [255, 255, 255], 10, 1)).toBe(true)
    // Off the design the photo shows as it is.
    expect(colourDistance(w.pixelAt({ x: 150, y: 450 }), RED)).toBeLessThan(3)
    expect(colourDistance(w.pixelAt({ x: 1100, y: 400 }), BLUE)).toBeLessThan(3)
  })
})
