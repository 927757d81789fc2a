import type { Viewport } from '../../canvas/viewport'
import { isToolId, type ToolId } from '../../editor/tools/tool-ids'

export type Section = 'record' | 'photos' | 'plan' | 'review' | 'history'

/** Where the user was: what the app reopens on after a restart or a reload. */
export interface Place {
  patientId?: string | null
  section?: Section
  photoId?: string | null
  /** The open photo's zoom and pan, and the tool in hand there. */
  viewport?: Viewport | null
  tool?: ToolId | null
}

const KEY = 'stipple.place.v1'
const SECTIONS: readonly Section[] = ['record', 'photos', 'plan', 'review', 'history']

function storage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

/** The place last saved, its fields checked one by one: a stale or edited entry restores what still makes sense. */
export function readPlace(): Place {
  try {
    const raw = JSON.parse(storage()?.getItem(KEY) ?? '{}') as Record<string, unknown>
    const viewport = raw.viewport as Viewport | undefined
    return {
      patientId: typeof raw.patientId === 'string' ? raw.patientId : null,
      section: SECTIONS.includes(raw.section as Section) ? (raw.section as Section) : 'record',
      photoId: typeof raw.photoId === 'string' ? raw.photoId : null,
      viewport:
        viewport && [viewport.scale, viewport.x, viewport.y].every((n) => Number.isFinite(n)) && viewport.scale > 0
          ? { scale: viewport.scale, x: viewport.x, y: viewport.y }
          : null,
      tool: isToolId(raw.tool) ? raw.tool : null,
    }
  } catch {
    return {}
  }
}

export function savePlace(change: Place): void {
  const store = storage()
  if (!store) return
  try {
    store.setItem(KEY, JSON.stringify({ ...readPlace(), ...change }))
  } catch {
    // A full or refused storage only costs the place; the work itself is in the database.
  }
}
