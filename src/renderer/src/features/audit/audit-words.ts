import type { AuditValue, PhotoNote } from '../../../../shared/audit/audit-types'
import { LANDMARK_ROLES, SCAR_SHAPES, ZONE_ROLES } from '../../../../shared/design/design-types'
import { labelOf, MEDICAL_FLAGS, NOT_RECORDED } from '../../../../shared/patients/patient-fields'
import { labelOfView, type PhotoView } from '../../../../shared/photos/photo-fields'
import {
  NEEDLE_CONFIGS,
  SESSION_KINDS,
  SESSION_STATUSES,
  TECHNIQUES,
  type TreatmentAmount,
} from '../../../../shared/plan/plan-types'
import { formatDay, formatDayTime } from '../../ui/format'
import { type ChoiceField, choiceWords, goalsWords, PATIENT_LABELS } from '../patients/patient-words'
import { percent } from '../plan/plan-format'

/** How one field is named and how its values read, as the form that edits it says them. */
interface FieldWords {
  label: string
  value(value: AuditValue): string
}

const text =
  (empty = NOT_RECORDED) =>
  (value: AuditValue) =>
    typeof value === 'string' && value.trim() !== '' ? value : empty

const yesNo = (value: AuditValue) => (value === true ? 'Yes' : 'No')

const option =
  <T extends string | number>(options: readonly { value: T; label: string }[]) =>
  (value: AuditValue) =>
    value === null ? NOT_RECORDED : labelOf(options, value as T)

const day = (value: AuditValue) => (typeof value === 'string' ? formatDay(value) : NOT_RECORDED)

const unit = (suffix: string) => (value: AuditValue) => (typeof value === 'number' ? `${value} ${suffix}` : '—')

const choice = (field: ChoiceField): FieldWords => ({
  label: PATIENT_LABELS[field],
  value: (value) => choiceWords(field, value as string | number | null),
})

const PATIENT_FIELDS: Record<string, FieldWords> = {
  fullName: { label: PATIENT_LABELS.fullName, value: text() },
  dateOfBirth: { label: PATIENT_LABELS.dateOfBirth, value: day },
  sex: choice('sex'),
  phone: { label: PATIENT_LABELS.phone, value: text() },
  email: { label: PATIENT_LABELS.email, value: text() },
  fitzpatrick: choice('fitzpatrick'),
  hairColour: choice('hairColour'),
  hairLossPattern: choice('hairLossPattern'),
  goals: {
    label: PATIENT_LABELS.goals,
    value: (value) => (Array.isArray(value) ? goalsWords(value as string[]) : '') || NOT_RECORDED,
  },
  ...Object.fromEntries(MEDICAL_FLAGS.map((flag) => [`medical.${flag.value}`, { label: flag.label, value: yesNo }])),
  'medical.other': { label: PATIENT_LABELS['medical.other'], value: text(NOT_RECORDED) },
  transplantDate: { label: PATIENT_LABELS.transplantDate, value: day },
  notes: { label: PATIENT_LABELS.notes, value: text(NOT_RECORDED) },
}

const PHOTO_FIELDS: Record<string, FieldWords> = {
  view: { label: 'View', value: (value) => labelOfView(value as PhotoView) },
  caption: { label: 'Caption', value: text('No caption') },
  session: {
    label: 'Taken at session',
    value: (value) => (typeof value === 'string' ? formatDayTime(value) : NOT_RECORDED),
  },
}

const roleLabel = (value: AuditValue) =>
  [...ZONE_ROLES, ...LANDMARK_ROLES].find((r) => r.value === value)?.label ?? String(value)

const OBJECT_FIELDS: Record<string, FieldWords> = {
  name: { label: 'Name', value: text('No name') },
  colour: { label: 'Colour', value: (value) => String(value) },
  hidden: { label: 'Visibility', value: (value) => (value === true ? 'Hidden' : 'Shown') },
  locked: { label: 'Locked', value: yesNo },
  points: { label: 'Points', value: (value) => (value === 1 ? '1 point' : `${value} points`) },
  mirror: { label: 'Mirrored about the midline', value: yesNo },
  featherMm: { label: 'Soft edge', value: unit('mm') },
  irregularity: { label: 'Irregularity', value: (value) => (typeof value === 'number' ? percent(value) : '—') },
  role: { label: 'Role', value: roleLabel },
  density: { label: 'Target density', value: (value) => (typeof value === 'number' ? `${value}/cm²` : '—') },
  softnessMm: { label: 'Edge softness', value: unit('mm') },
  shape: { label: 'Shape', value: option(SCAR_SHAPES) },
  widthMm: { label: 'Strip width', value: unit('mm') },
  dotMm: { label: 'Dot size', value: unit('mm') },
  note: { label: 'Note', value: text('No note') },
}

const SESSION_FIELDS: Record<string, FieldWords> = {
  name: { label: 'Name', value: text('None') },
  kind: { label: 'Kind of session', value: option(SESSION_KINDS) },
  startsAt: { label: 'Starts', value: (value) => (typeof value === 'string' ? formatDayTime(value) : '—') },
  durationMin: { label: 'Duration', value: unit('min') },
  practitioner: { label: 'Practitioner', value: text() },
  pigment: { label: 'Pigment', value: text(NOT_RECORDED) },
  needle: { label: 'Needle', value: option(NEEDLE_CONFIGS) },
  needleMm: { label: 'Needle diameter', value: unit('mm') },
  pigmentLot: { label: 'Pigment lot', value: text('Not recorded') },
  pigmentExpires: { label: 'Lot expires', value: text('Not recorded') },
  zoneTools: { label: 'Per-zone needle and pigment', value: text('Same for every zone') },
  clearance: { label: 'Medical clearance', value: text('Not recorded') },
  status: { label: 'Status', value: option(SESSION_STATUSES) },
  notes: { label: 'Notes', value: text(NOT_RECORDED) },
  technique: { label: 'Technique', value: option(TECHNIQUES) },
}

export type FieldGroup = 'patient' | 'photo' | 'object' | 'session'
const GROUPS: Record<FieldGroup, Record<string, FieldWords>> = {
  patient: PATIENT_FIELDS,
  photo: PHOTO_FIELDS,
  object: OBJECT_FIELDS,
  session: SESSION_FIELDS,
}

/** A field's label and a value's words; a field this version does not know reads as written. */
export function fieldWords(group: FieldGroup, field: string): FieldWords {
  return (
    GROUPS[group][field] ?? {
      label: field,
      value: (value) => (typeof value === 'string' ? value : JSON.stringify(value)),
    }
  )
}

/** "crown.jpg (Crown, taken 3 Mar 2026, 09:41)". */
export function photoWords(photo: PhotoNote): string {
  return `${photo.name} (${labelOfView(photo.view)}, taken ${formatDayTime(photo.takenAt)})`
}

export function amountWords(amount: TreatmentAmount | null): string {
  if (!amount) return 'Not treated'
  return amount.unit === 'share' ? `${percent(amount.value)} of target` : `${amount.value}/cm²`
}
