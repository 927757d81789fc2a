import { type DesignDocument, OBJECT_KINDS, type ObjectKind } from '../../../shared/design/design-types'
import type { Point } from '../../../shared/geometry/point'
import type { ClinicalSettings } from '../../../shared/settings/clinical-defaults'

/** The settings new objects start from: the user's clinical settings, editable in Settings. */
export type ObjectDefaults = Pick<
  ClinicalSettings,
  | 'zoneDensity'
  | 'zoneSoftnessMm'
  | 'hairlineFeatherMm'
  | 'hairlineIrregularity'
  | 'futStripWidthMm'
  | 'fueScarDiameterMm'
  | 'midFrontalHeightCm'
  | 'frontoTemporalOffsetCm'
  | 'foreheadRadiusCm'
  | 'lowestHairlineCm'
>

export const newId = (): string => crypto.randomUUID()

export const labelOf = <T extends string>(list: readonly { value: T; label: string }[], value: T): string =>
  list.find((entry) => entry.value === value)?.label ?? value

/** "Frontal", then "Frontal 2", … so names in the objects panel tell objects apart. */
function uniqueName(document: DesignDocument, base: string): string {
  const taken = new Set(document.objects.map((o) => o.name))
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n}`)) return `${base} ${n}`
}

/** What every new object starts with: a fresh id, a name no other object has, shown and unlocked. */
export const objectBase = (document: DesignDocument, name: string, colour: string, points: Point[]) => ({
  id: newId(),
  name: uniqueName(document, name),
  colour,
  hidden: false,
  locked: false,
  points,
})

/** The kind's names, as main's history also writes them. */
export function kindNames(kind: ObjectKind): { label: string; plural: string } {
  const names = OBJECT_KINDS.find((k) => k.kind === kind)
  return { label: names?.label ?? kind, plural: names?.plural ?? kind }
}
