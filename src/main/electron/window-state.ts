import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

export interface DisplayArea {
  id: number
  workArea: Rectangle
}

export const WINDOW_STATE_FILE = 'window-state.json'
export const PREFERRED_SIZE = { width: 1360, height: 880 }
export const MIN_SIZE = { width: 960, height: 600 }
/** How much of a remembered window must still be on a screen to put it back there. */
const MIN_VISIBLE = 120

const rectangle = z.object({ x: z.int(), y: z.int(), width: z.int().positive(), height: z.int().positive() })
const windowStateSchema = z.object({
  bounds: rectangle,
  displayId: z.int(),
  maximized: z.boolean(),
  theme: z.enum(['dark', 'light']).default('dark'),
})
export type WindowState = z.infer<typeof windowStateSchema>

/** The remembered state, or null when there is none or it cannot be read (a first launch). */
export function loadWindowState(dataDir: string): WindowState | null {
  try {
    const parsed = windowStateSchema.safeParse(
      JSON.parse(fs.readFileSync(path.join(dataDir, WINDOW_STATE_FILE), 'utf8')),
    )
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export function saveWindowState(dataDir: string, state: WindowState): void {
  try {
    fs.writeFileSync(path.join(dataDir, WINDOW_STATE_FILE), JSON.stringify(state))
  } catch {}
}

const overlap = (a: Rectangle, b: Rectangle) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y))

/** A size that fits the work area, never below the minimum the layout needs unless the screen is smaller. */
function sizeWithin(width: number, height: number, area: Rectangle) {
  return {
    width: Math.min(Math.max(width, Math.min(MIN_SIZE.width, area.width)), area.width),
    height: Math.min(Math.max(height, Math.min(MIN_SIZE.height, area.height)), area.height),
  }
}

function centred(area: Rectangle, width: number, height: number): Rectangle {
  const size = sizeWithin(width, height, area)
  return {
    ...size,
    x: area.x + Math.round((area.width - size.width) / 2),
    y: area.y + Math.round((area.height - size.height) / 2),
  }
}

/**
 * Where the window opens: where it was, on the display it was on, when enough of it is still on
 * a screen (displays come and go: a laptop leaves its monitor at the clinic); otherwise centred
 * on the primary display. Always inside that display's work area (no window under the task bar
 * or larger than a 1366×768 screen).
 */
export function placeWindow(
  saved: WindowState | null,
  displays: readonly DisplayArea[],
  primary: DisplayArea,
): { bounds: Rectangle; maximized: boolean } {
  if (saved) {
    const visible = (d: DisplayArea) => overlap(saved.bounds, d.workArea) >= MIN_VISIBLE * MIN_VISIBLE
    const home = displays.find((d) => d.id === saved.displayId && visible(d)) ?? displays.find(visible)
    if (home) {
      const area = home.workArea
      const size = sizeWithin(saved.bounds.width, saved.bounds.height, area)
      const x = Math.min(Math.max(saved.bounds.x, area.x), area.x + area.width - size.width)
      const y = Math.min(Math.max(saved.bounds.y, area.y), area.y + area.height - size.height)
      return { bounds: { ...size, x, y }, maximized: saved.maximized }
    }
  }
  return {
    bounds: centred(primary.workArea, PREFERRED_SIZE.width, PREFERRED_SIZE.height),
    maximized: saved?.maximized ?? false,
  }
}
