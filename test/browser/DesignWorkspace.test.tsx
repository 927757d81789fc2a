import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { readPlace } from '../../src/renderer/src/features/onboarding/where-you-were'
import { measure, pxPerMm } from '../../src/shared/photos/calibration'
import type { Measurement } from '../../src/shared/photos/photo'
import { probe } from './photo-image'
import { photoLayer, renderWorkspace, TEN_PX_PER_MM } from './workspace'

describe('DesignWorkspace', () => {
  it('calibrates from a ruler line drawn on the photo, then measures an area in cm²', async () => {
    const { screen, clickPhoto, scale, current } = await renderWorkspace()
    await expect.element(screen.getByText(/Not calibrated/)).toBeVisible()

    await userEvent.keyboard('c')
    await clickPhoto({ x: 100, y: 835 })
    await clickPhoto({ x: 600, y: 835 })
    await screen.getByRole('textbox', { name: 'Real length (mm)' }).fill('50')
    await screen.getByRole('button', { name: 'Save calibration' }).click()

    await expect.element(screen.getByText(/Calibrated:/)).toBeVisible()
    const calibrated = current().calibration
    // A click lands within half a screen pixel of where it was aimed.
    const tolerance = 1 / scale()
    expect(calibrated?.lengthMm).toBe(50)
    expect(pxPerMm(calibrated)).toBeCloseTo(10, 1)
    expect(Math.abs((pxPerMm(calibrated) ?? 0) - 10)).toBeLessThan((2 * tolerance) / 50)
    await expect.element(screen.getByText(`${(pxPerMm(calibrated) ?? 0).toFixed(2)} px/mm`)).toBeVisible()

    await userEvent.keyboard('a')
    for (const corner of [
      { x: 300, y: 300 },
      { x: 700, y: 300 },
      { x: 700, y: 600 },
      { x: 300, y: 600 },
    ]) {
      await clickPhoto(corner)
    }
    await userEvent.keyboard('{Enter}')

    await expect.poll(() => current().measurements.length).toBe(1)
    const area = current().measurements[0] as Measurement
    expect(area.kind).toBe('area')
    expect(area.points).toHaveLength(4)
    // 400 × 300 photo px at 10 px/mm is 40 × 30 mm = 12 cm².
    const cm2 = measure(area, pxPerMm(calibrated)).value
    expect(cm2).toBeCloseTo(12, 0)
    // The Measurements section, closed while there are none, opens with the first one.
    await expect
      .element(screen.getByRole('list', { name: 'Measurements' }).getByText(`${cm2.toFixed(2)} cm²`))
      .toBeVisible()
  })

  it('says a photo is uncalibrated and measures in pixels until it is', async () => {
    const { screen, clickPhoto } = await renderWorkspace()
    // A photo opens on the Select tool; M is the measuring tape.
    await expect.element(screen.getByRole('button', { name: /^Select/, pressed: true })).toBeVisible()
    await userEvent.keyboard('m')
    await expect.element(screen.getByRole('button', { name: /^Measure/, pressed: true })).toBeVisible()
    await clickPhoto({ x: 100, y: 100 })
    await clickPhoto({ x: 400, y: 500 })
    // 300 × 400 photo px apart: 500 px.
    await expect.element(screen.getByRole('list', { name: 'Measurements' }).getByText(/^(49\d|50\d) px$/)).toBeVisible()
    await expect.element(screen.getByText(/Not calibrated: lengths and areas are in pixels/)).toBeVisible()
  })

  it('recalibrates a calibrated photo from the keyboard: the length form shows up for the new line', async () => {
    const { screen, clickPhoto, current } = await renderWorkspace({ calibration: TEN_PX_PER_MM })
    await userEvent.keyboard('c')
    await clickPhoto({ x: 100, y: 835 })
    await clickPhoto({ x: 500, y: 835 })
    const length = screen.getByRole('textbox', { name: 'Real length (mm)' })
    await expect.element(length).toBeVisible()
    await length.fill('50')
    await screen.getByRole('button', { name: 'Save calibration' }).click()
    // 400 px for 50 mm, to within a screen pixel at each end.
    await expect.poll(() => pxPerMm(current().calibration)).toBeLessThan(9)
    const scale = pxPerMm(current().calibration) ?? 0
    expect(Math.abs(scale - 8)).toBeLessThan(0.1)
    // The section stays open on the new figure.
    await expect.element(screen.getByText(`${scale.toFixed(2)} px/mm`)).toBeVisible()
  })

  it('keeps the photo still on screen when the tool changes, whatever options the tool shows', async () => {
    const { holder } = await renderWorkspace({ calibration: TEN_PX_PER_MM })
    /** The page y of the green square's top edge, found by walking down the stage's middle column. */
    const greenTop = () => {
      const box = holder.getBoundingClientRect()
      for (let y = 0; y < box.height; y++)
        if (probe(photoLayer(holder), box.width / 2, y) === 'green') return box.top + y
      return null
    }
    await userEvent.keyboard('1')
    await expect.poll(() => holder.dataset.scale).toBe('1.0000')
    const top = greenTop()
    expect(top).not.toBeNull()
    // The photo is drawn on whole device pixels (a cached bitmap, copied rather than
    // resampled), so a stage that settles a fraction of a pixel lower may show it one row off.
    for (const key of ['z', 'v', 'l', 'h', 's', 'm', 'k', 'p']) {
      await userEvent.keyboard(key)
      await expect
        .poll(() => Math.abs((greenTop() ?? -10) - (top ?? 0)), { message: `after ${key}` })
        .toBeLessThanOrEqual(1)
    }
  })

  it('says in the photo details when the photo’s location was removed at import', async () => {
    const { screen } = await renderWorkspace({ locationRemovedAt: '2026-03-01T09:00:05.000Z' })
    await screen.getByText('Photo details').click()
    await expect.element(screen.getByText('Location removed at import')).toBeVisible()
  })

  it('says nothing about the location of a photo whose location was kept or absent', async () => {
    const { screen } = await renderWorkspace()
    await screen.getByText('Photo details').click()
    await expect.element(screen.getByText('File', { exact: true })).toBeVisible()
    expect(screen.container.textContent).not.toContain('Location removed')
  })

  it('reopens a photo at the zoom and with the tool last used on it', async () => {
    const first = await renderWorkspace()
    await userEvent.keyboard('1')
    await userEvent.keyboard('m')
    await expect.poll(() => first.holder.dataset.scale).toBe('1.0000')
    await expect.poll(() => readPlace().tool).toBe('distance')
    expect(readPlace().viewport?.scale).toBe(1)
    first.screen.unmount()

    const again = await renderWorkspace({ keepPlace: true })
    await expect.element(again.screen.getByRole('button', { name: /^Measure/, pressed: true })).toBeVisible()
    await expect.poll(() => again.holder.dataset.scale).toBe('1.0000')
  })

  it('calibrates from a ruler line dragged on the photo, asking its length beside the line', async () => {
    const { screen, dragPhoto, toStage, holder, current } = await renderWorkspace()
    await userEvent.keyboard('c')
    await dragPhoto({ x: 100, y: 835 }, { x: 350, y: 835 }, { x: 600, y: 835 })
    const length = screen.getByRole('textbox', { name: 'Real length (mm)' })
    await expect.element(length).toHaveFocus()
    // The prompt sits on the stage next to the line's end, not in the side panel.
    const prompt = screen.getByRole('form', { name: 'Set calibration' }).element() as HTMLElement
    expect(holder.contains(prompt)).toBe(true)
    const end = toStage({ x: 600, y: 835 })
    const box = prompt.getBoundingClientRect()
    const stage = holder.getBoundingClientRect()
    expect(Math.hypot(box.left - stage.left - end.x, box.top - stage.top - end.y)).toBeLessThan(200)
    await userEvent.keyboard('{Control>}a{/Control}50{Enter}')
    await expect.poll(() => pxPerMm(current().calibration)).toBeCloseTo(10, 0)
    await expect.element(screen.getByText(/Calibrated:/)).toBeVisible()
    await expect.element(screen.getByRole('form', { name: 'Set calibration' })).not.toBeInTheDocument()
    await expect.element(screen.getByRole('button', { name: /^Select/, pressed: true })).toBeVisible()
  })

  it('drops the ruler line on Escape in the length prompt, leaving the photo uncalibrated', async () => {
    const { screen, clickPhoto, current } = await renderWorkspace()
    await userEvent.keyboard('c')
    await clickPhoto({ x: 100, y: 835 })
    await clickPhoto({ x: 600, y: 835 })
    const length = screen.getByRole('textbox', { name: 'Real length (mm)' })
    await expect.element(length).toHaveFocus()
    // A click into the field keeps the focus there, though the field lies over the canvas.
    await length.click()
    await expect.element(length).toHaveFocus()
    await userEvent.keyboard('{Escape}')
    await expect.element(screen.getByRole('form', { name: 'Set calibration' })).not.toBeInTheDocument()
    expect(current().calibration).toBeNull()
    await expect.element(screen.getByText(/Not calibrated/)).toBeVisible()
  })

  it('deletes a measurement from the list, and undo brings it back as one more step of the design’s history', async () => {
    const { screen, clickPhoto, current } = await renderWorkspace()
    await userEvent.keyboard('m')
    await clickPhoto({ x: 100, y: 100 })
    await clickPhoto({ x: 400, y: 500 })
    const list = screen.getByRole('list', { name: 'Measurements' })
    await expect.element(list.getByText(/^(49\d|50\d) px$/)).toBeVisible()
    await expect.poll(() => current().measurements.length).toBe(1)
    await screen.getByRole('button', { name: /^Delete distance/ }).click()
    await expect.element(list).not.toBeInTheDocument()
    await expect.poll(() => current().measurements.length).toBe(0)
    await screen.getByRole('button', { name: 'Undo', exact: true }).click()
    await expect.element(list.getByText(/^(49\d|50\d) px$/)).toBeVisible()
    await expect.poll(() => current().measurements.length).toBe(1)
  })
})
