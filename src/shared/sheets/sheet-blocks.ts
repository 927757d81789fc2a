import type { SheetModel } from './sheet-model'

/** One block of a sheet in reading order; blocks with `rows` may break across pages between them. */
export type SheetBlock =
  | { id: 'header'; kind: 'header' }
  | { id: 'patient'; kind: 'patient' }
  | { id: string; kind: 'view'; view: number }
  | { id: string; kind: 'measurements'; view: number; rows: number }
  | { id: 'sessions'; kind: 'sessions'; rows: number }
  | { id: 'estimate'; kind: 'estimate' }
  | { id: 'aftercare'; kind: 'aftercare'; rows: number }
  | { id: 'consent'; kind: 'consent' }

/**
 * The sheet's blocks in the order a clinic walks a patient through them: who it is for, each
 * view with its figures, the sessions, the cost, aftercare, then consent and signatures last.
 * Empty sections are left out rather than printed empty.
 */
export function sheetBlocks(model: SheetModel): SheetBlock[] {
  const blocks: SheetBlock[] = [
    { id: 'header', kind: 'header' },
    { id: 'patient', kind: 'patient' },
  ]
  model.views.forEach((view, i) => {
    blocks.push({ id: `view-${i}`, kind: 'view', view: i })
    if (view.measurements.length > 0)
      blocks.push({ id: `measurements-${i}`, kind: 'measurements', view: i, rows: view.measurements.length })
  })
  if (model.sessions.length > 0) blocks.push({ id: 'sessions', kind: 'sessions', rows: model.sessions.length })
  blocks.push({ id: 'estimate', kind: 'estimate' })
  if (model.aftercare.length > 0) blocks.push({ id: 'aftercare', kind: 'aftercare', rows: model.aftercare.length })
  blocks.push({ id: 'consent', kind: 'consent' })
  return blocks
}
