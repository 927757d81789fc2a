import { describe, expect, it } from 'vitest'
import { render } from 'vitest-browser-react'
import { createStore, type StoreApi } from 'zustand/vanilla'
import '../../src/renderer/src/ui/tokens.css'
import '../../src/renderer/src/ui/base.css'
import { PlanProvider } from '../../src/renderer/src/features/plan/plan-context'
import type { PlanState } from '../../src/renderer/src/features/plan/plan-store'
import { CanvasWarnings } from '../../src/renderer/src/features/simulation/SimulationPanel'
import type { PhotoSimulation } from '../../src/renderer/src/features/simulation/use-simulation'
import type { PlanWarning } from '../../src/shared/plan/plan-warnings'

const warning = (title: string): PlanWarning => ({
  kind: 'too-few-sessions',
  level: 'caution',
  sessionId: null,
  zoneKey: null,
  title,
  detail: 'The protocol asks for three.',
  source: 'Seed 001',
})

/** The warnings box over a stand-in canvas, with the plan's warnings in a store the test changes. */
async function renderWarnings() {
  const plan = createStore(() => ({ warnings: [warning('Too few sessions')] }))
  const layers = { scene: { layers: [], input: null } } as unknown as PhotoSimulation
  const clicks: string[] = []
  const screen = await render(
    <PlanProvider store={plan as unknown as StoreApi<PlanState>}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a stand-in for the canvas, which takes clicks as Konva does */}
      <div
        data-testid="canvas"
        style={{ position: 'relative', width: 800, height: 600 }}
        onMouseDown={() => clicks.push('canvas')}
      >
        <CanvasWarnings layers={layers} />
      </div>
    </PlanProvider>,
  )
  return { screen, plan, clicks }
}

describe('the warnings over the canvas', () => {
  it('can be dismissed, and come back when the warnings change', async () => {
    const { screen, plan } = await renderWarnings()
    const box = screen.getByRole('region', { name: 'Plan warnings' })
    await expect.element(box.getByText('Too few sessions')).toBeVisible()
    await screen.getByRole('button', { name: 'Dismiss the plan warnings' }).click()
    await expect.element(box).not.toBeInTheDocument()
    plan.setState({ warnings: [warning('Too few sessions'), warning('Sessions too close')] })
    await expect.element(screen.getByRole('region', { name: 'Plan warnings' })).toBeVisible()
  })

  it('leave the clicks outside their own warnings and buttons to the canvas', async () => {
    const { screen, clicks } = await renderWarnings()
    const box = screen.getByRole('region', { name: 'Plan warnings' }).element() as HTMLElement
    const toggle = screen.getByRole('button', { name: /1 plan warning/ }).element() as HTMLElement
    // Right of the toggle, inside the box's own rectangle, is empty: the canvas beneath gets the press.
    const boxRect = box.getBoundingClientRect()
    const toggleRect = toggle.getBoundingClientRect()
    const x = toggleRect.right + 4
    const y = toggleRect.top + toggleRect.height / 2
    expect(x).toBeLessThan(boxRect.right)
    const under = document.elementFromPoint(x, y)
    expect(under).toBe(screen.getByTestId('canvas').element())
    under?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientX: x, clientY: y }))
    expect(clicks).toEqual(['canvas'])
    // The warnings themselves still take their clicks.
    const item = box.querySelector('li') as HTMLElement
    const itemRect = item.getBoundingClientRect()
    expect(document.elementFromPoint(itemRect.left + 5, itemRect.top + 5)?.closest('li')).toBe(item)
  })
})
