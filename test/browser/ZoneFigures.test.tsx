import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import type { RenderResult } from 'vitest-browser-react'
import type { DesignDocument, ZoneObject } from '../../src/shared/design/design-types'
import { formatQuantity } from '../../src/shared/photos/calibration'
import { planZones } from '../../src/shared/plan/plan-zones'
import { DESIGN_ID, PHOTO_ID, renderWorkspace, TEN_PX_PER_MM } from './workspace'

const zone = (id: string, name: string, role: ZoneObject['role'], y0: number, y1: number): ZoneObject => ({
  id,
  kind: 'zone',
  name,
  colour: '#f2c94c',
  hidden: false,
  locked: false,
  role,
  density: 150,
  // Hard edges, so the figures are whole: only the overlap sets treated and outline apart.
  softnessMm: 0,
  points: [
    { x: 300, y: y0 },
    { x: 700, y: y0 },
    { x: 700, y: y1 },
    { x: 300, y: y1 },
  ],
})

// At 10 px/mm: the band is 40 × 10 mm (4 cm²); the frontal zone, 40 × 20 mm (8 cm²), is drawn
// after it over its lower half, so it sets the density there.
const BAND = zone('band', 'Hairline band', 'hairline-band', 200, 300)
const FRONTAL = zone('frontal', 'Frontal', 'frontal', 250, 450)
const OVERLAPPING: DesignDocument = { schema: 1, objects: [BAND, FRONTAL] }

const figures = (screen: RenderResult) => screen.getByRole('region', { name: 'Design figures' })
const row = (screen: RenderResult, name: string) => figures(screen).getByRole('row', { name: new RegExp(name) })

describe("the designer's zone figures", () => {
  it('shows the area the plan counts beside the outline for an overlapped zone, and follows an edit', async () => {
    const w = await renderWorkspace({ calibration: TEN_PX_PER_MM, design: OVERLAPPING })
    const { screen } = w
    // The plan's own figure for the band: half its outline.
    const planned = planZones(
      [
        {
          id: DESIGN_ID,
          patientId: '',
          photoId: PHOTO_ID,
          revision: 1,
          createdAt: '',
          updatedAt: '',
          document: OVERLAPPING,
        },
      ],
      [{ id: PHOTO_ID, calibration: TEN_PX_PER_MM }],
    )
    const bandArea = planned.find((z) => z.zoneId === 'band')?.areaCm2 ?? 0
    expect(formatQuantity({ value: bandArea, unit: 'cm²' })).toBe('2.00 cm²')

    await expect.element(row(screen, 'Hairline band').getByText('2.00 cm²')).toBeVisible()
    await expect.element(row(screen, 'Hairline band').getByText('300', { exact: true })).toBeVisible()
    await expect
      .element(figures(screen).getByText('outline 4.00 cm² · treated 2.00 cm² (overlap with Frontal)'))
      .toBeVisible()
    // The zone on top keeps all of its outline: no second figure.
    await expect.element(row(screen, 'Frontal').getByText('8.00 cm²')).toBeVisible()
    await expect.element(row(screen, 'Frontal').getByText('1,200', { exact: true })).toBeVisible()
    await expect.element(screen.getByTestId('total-impressions')).toHaveTextContent('1,500')
    expect(figures(screen).element().textContent).not.toContain('overlap with Hairline band')

    // Its properties say the same, each figure named.
    const objects = screen.getByRole('region', { name: 'Density zones' })
    await objects.getByRole('button', { name: 'Hairline band', exact: true }).click()
    const properties = screen.getByRole('region', { name: 'Properties of Hairline band' })
    await expect.element(properties.getByText('Treated area')).toBeVisible()
    await expect.element(properties.getByText('Outline area')).toBeVisible()
    await expect.element(properties.getByText('(overlap with Frontal)')).toBeVisible()

    // Sent to the back, the frontal zone gives up the overlap to the band.
    await objects.getByRole('button', { name: 'Frontal', exact: true }).click()
    await screen.getByRole('button', { name: 'Send to back' }).click()
    await expect
      .element(figures(screen).getByText('outline 8.00 cm² · treated 6.00 cm² (overlap with Hairline band)'))
      .toBeVisible()
    await expect.element(row(screen, 'Hairline band').getByText('4.00 cm²')).toBeVisible()
    await expect.element(row(screen, 'Frontal').getByText('900', { exact: true })).toBeVisible()

    // Dragged 10 mm down, clear of the band, in several moves: the figures follow once it is let go,
    // the plan's own for the design as stored.
    await userEvent.keyboard('v')
    await w.dragPhoto(
      { x: 500, y: 400 },
      { x: 500, y: 420 },
      { x: 500, y: 440 },
      { x: 500, y: 460 },
      { x: 500, y: 500 },
    )
    await expect.element(screen.getByText('All changes saved')).toBeVisible()
    const moved = w.design()
    expect(moved?.document.objects.find((o) => o.id === 'frontal')?.points[0]?.y).toBeGreaterThan(300)
    const after = planZones(moved ? [moved] : [], [{ id: PHOTO_ID, calibration: TEN_PX_PER_MM }])
    const frontalArea = after.find((z) => z.zoneId === 'frontal')?.areaCm2 ?? 0
    expect(Math.abs(frontalArea - 8)).toBeLessThan(0.05)
    await expect
      .element(row(screen, 'Frontal').getByText(formatQuantity({ value: frontalArea, unit: 'cm²' })))
      .toBeVisible()
    await expect
      .element(row(screen, 'Frontal').getByText(Math.round(frontalArea * 150).toLocaleString('en'), { exact: true }))
      .toBeVisible()
    await expect.poll(() => figures(screen).element().textContent).not.toContain('outline')
  })
})
