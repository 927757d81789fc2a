import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { newHairline } from '../../src/renderer/src/shapes/hairline/hairline-shape'
import { newLandmark } from '../../src/renderer/src/shapes/landmark/landmark-shape'
import { newPin } from '../../src/renderer/src/shapes/pin/pin-shape'
import { newScar, SCAR_COLOUR } from '../../src/renderer/src/shapes/scar/scar-shape'
import { newZone } from '../../src/renderer/src/shapes/zone/zone-shape'
import { type DesignDocument, emptyDesign, type HairlineObject } from '../../src/shared/design/design-types'
import type { Point } from '../../src/shared/geometry/point'
import { colourDistance, hexToRgb, type Rgb, renderWorkspace, TEN_PX_PER_MM, tinted } from './workspace'

const BLUE: Rgb = [0, 0, 255]
const p = (x: number, y: number): Point => ({ x, y })

/** One object of every kind and every scar shape, as a saved design over the 1200 × 900 photo. */
function everyKind(): DesignDocument {
  let document = emptyDesign()
  const add = <T extends DesignDocument['objects'][number]>(object: T) => {
    document = { ...document, objects: [...document.objects, object] }
    return object
  }
  add(newLandmark(document, [p(600, 40), p(600, 860)], 'midline'))
  add(newLandmark(document, [p(600, 760)], 'glabella'))
  add(newHairline(document, [p(260, 500), p(300, 360), p(450, 330), p(600, 330)], true))
  add(newZone(document, [p(420, 200), p(780, 200), p(780, 300), p(420, 300)], 'frontal'))
  add(newScar(document, [p(800, 620), p(950, 680), p(1100, 660)], 'strip'))
  add(newScar(document, [p(850, 380), p(1050, 380), p(1000, 520), p(880, 500)], 'polygon'))
  add(newScar(document, [p(200, 650), p(240, 680), p(280, 640)], 'dots'))
  add(newPin(document, p(250, 150)))
  return document
}

describe('shape kinds in the design workspace', () => {
  it('draws every kind by its own module and shows the selected one’s properties and figures', async () => {
    const w = await renderWorkspace({ calibration: { ...TEN_PX_PER_MM, lengthMm: 125 }, design: everyKind() })
    const { screen } = w
    // The scar area is tinted inside its dashed outline, over the blue half (unselected: a selected one glows).
    expect(colourDistance(w.pixelAt(p(1010, 420)), tinted(BLUE, hexToRgb(SCAR_COLOUR), 0.3))).toBeLessThan(10)
    await screen.getByRole('button', { name: 'Scar area', exact: true }).click()
    const properties = screen.getByRole('region', { name: 'Properties of Scar area' })
    await expect.poll(() => properties.element().querySelector('.inspector__fact')?.textContent).toBe('Scar area')
    await expect.element(properties.getByText('Area', { exact: true })).toBeVisible()
    await expect.element(properties.getByRole('textbox', { name: 'Camouflage note' })).toBeVisible()
    await page.screenshot({ path: '../../test-results/browser/shape-kinds-every-kind.png' })

    await screen.getByRole('button', { name: 'Glabella', exact: true }).click()
    await expect.element(screen.getByRole('region', { name: 'Properties of Glabella' })).toBeVisible()
    expect(screen.getByRole('region', { name: 'Properties of Glabella' }).element().querySelector('dl')).toBeNull()
  })

  it('replaces the selected hairline with each preset tried, and adds one when none is selected', async () => {
    const w = await renderWorkspace({ calibration: { ...TEN_PX_PER_MM, lengthMm: 125 }, design: everyKind() })
    const { screen } = w
    await userEvent.keyboard('l')
    const options = screen.getByRole('region', { name: 'Hairline options' })
    await expect.element(options.getByText('Start from a preset:')).toBeVisible()
    await screen.getByRole('button', { name: 'Hairline', exact: true }).click()
    await expect.element(options.getByText('Replace Hairline with a preset:')).toBeVisible()
    const hairlines = () =>
      (w.design()?.document.objects ?? []).filter((o): o is HairlineObject => o.kind === 'hairline')
    const id = hairlines()[0]?.id
    await options.getByRole('button', { name: 'Natural / rounded' }).click()
    await options.getByRole('button', { name: "Widow's peak" }).click()
    await expect.element(screen.getByText('All changes saved')).toBeVisible()
    await expect
      .poll(() => hairlines().map((h) => `${h.id === id}:${h.name}:${h.points.length}`))
      .toEqual(['true:Hairline:5'])
    await page.screenshot({ path: '../../test-results/browser/shape-kinds-preset-replaced.png' })
    await userEvent.keyboard('{Escape}')
    await expect.element(options.getByText('Start from a preset:')).toBeVisible()
    await options.getByRole('button', { name: 'Straight' }).click()
    await expect.poll(() => hairlines().map((h) => h.name)).toEqual(['Hairline', 'Hairline 2'])
  })
})
