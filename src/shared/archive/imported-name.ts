import { FIELD_LIMITS } from '../patients/patient-fields'

/**
 * The name a copy of an imported record gets, so it never passes for the record beside it:
 * "Ana Ruiz (imported 2026-11-21)". The original name is shortened, never the mark, when the
 * two would not fit the field.
 */
export function importedName(fullName: string, day: string, max: number = FIELD_LIMITS.fullName): string {
  const mark = ` (imported ${day})`
  const room = Math.max(1, max - mark.length)
  const base = Array.from(fullName.trim()).slice(0, room).join('').trim()
  return `${base}${mark}`
}
