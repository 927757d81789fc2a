import type { SavedPigment } from '../../../shared/bridge/contract'
import type { FadeModel, Pigment, Technique } from '../../../shared/plan/plan-types'

/** A `pigments` row as SQLite returns it. */
export interface PigmentRow {
  id: string
  name: string
  shade: string
  dilution: number
  family: Technique
  carbon_black: number
  fade: string
  drift: number
  drift_colour: string
  retired: number
  position: number
  created_at: string
  updated_at: string
  revision: number
}

/** Column values for a pigment's editable fields, named as the SQL statements bind them. */
export function pigmentParams(pigment: Omit<Pigment, 'id'>) {
  return {
    name: pigment.name,
    shade: pigment.shade,
    dilution: pigment.dilution,
    family: pigment.family,
    carbon_black: Number(pigment.carbonBlack),
    fade: JSON.stringify(pigment.fade),
    drift: pigment.drift,
    drift_colour: pigment.driftColour,
    retired: Number(pigment.retired),
  }
}

// The text columns were written only from validated pigments, so they narrow to its types.
export function rowToPigment(row: PigmentRow): SavedPigment {
  return {
    id: row.id,
    name: row.name,
    shade: row.shade,
    dilution: row.dilution,
    family: row.family,
    carbonBlack: row.carbon_black === 1,
    fade: JSON.parse(row.fade) as FadeModel,
    drift: row.drift,
    driftColour: row.drift_colour,
    retired: row.retired === 1,
    revision: row.revision,
  }
}
