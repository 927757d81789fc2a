import type { DesignDocument, ZoneObject } from '../../src/shared/design/design-types'
import type { Session } from '../../src/shared/plan/plan-types'
import { session, share } from '../fixtures/plans'
import { DESIGN_ID } from './workspace'

/** A frontal zone over both halves of the 1200 × 900 test photo. */
export const FRONTAL_ZONE: ZoneObject = {
  id: 'frontal',
  kind: 'zone',
  name: 'Frontal',
  colour: '#4cc9f0',
  hidden: false,
  locked: false,
  role: 'frontal',
  density: 150,
  softnessMm: 5,
  points: [
    { x: 300, y: 200 },
    { x: 900, y: 200 },
    { x: 900, y: 600 },
    { x: 300, y: 600 },
  ],
}

/** The design `DESIGN_ID` holding only that zone. */
export const FRONTAL_DESIGN: DesignDocument = { schema: 1, objects: [FRONTAL_ZONE] }

/** A done session with a 1RL 0.3 mm needle adding `amount` (a share of its target) to the zone. */
export const doneFrontalSession = (id: string, startsAt: string, amount: number): Session =>
  session({
    id,
    startsAt,
    needle: { config: '1RL', diameterMm: 0.3 },
    treatments: [share(DESIGN_ID, FRONTAL_ZONE.id, amount)],
    status: 'done',
  })
