import { randomUUID } from 'node:crypto'
import type { ArchiveRecords } from '../../../shared/archive/archive-records'
import { importedName } from '../../../shared/archive/imported-name'

export interface RecordsCopy {
  records: ArchiveRecords
  /** Each archive id to the id it has in the copy. */
  ids: ReadonlyMap<string, string>
}

/**
 * The records under new ids everywhere, every reference between them following, and the name
 * marked with the day of the import, so the copy sits beside the record already here without
 * touching it. Timestamps and revisions stay as they were: the copy is that record's history.
 * The audit trail keeps its ids: it is what happened to the original.
 */
export function copyWithNewIds(records: ArchiveRecords, day: string, newId: () => string = randomUUID): RecordsCopy {
  const ids = new Map<string, string>()
  const fresh = (id: string) => {
    const made = newId()
    ids.set(id, made)
    return made
  }
  const mapped = (id: string) => ids.get(id) ?? id
  const mappedOrNull = (id: string | null) => (id === null ? null : mapped(id))

  const patientId = fresh(records.patient.id)
  const sessions = records.sessions.map((s) => ({ ...s, id: fresh(s.id), patient_id: patientId }))
  const photos = records.photos.map((p) => ({
    ...p,
    id: fresh(p.id),
    patient_id: patientId,
    session_id: mappedOrNull(p.session_id),
  }))
  const designs = records.designs.map((d) => ({
    ...d,
    id: fresh(d.id),
    patient_id: patientId,
    photo_id: mapped(d.photo_id),
  }))
  return {
    ids,
    records: {
      ...records,
      patient: { ...records.patient, id: patientId, full_name: importedName(records.patient.full_name, day) },
      photos,
      measurements: records.measurements.map((m) => ({ ...m, id: fresh(m.id), photo_id: mapped(m.photo_id) })),
      designs,
      plan: records.plan && { ...records.plan, patient_id: patientId },
      sessions,
      treatments: records.treatments.map((t) => ({
        ...t,
        session_id: mapped(t.session_id),
        design_id: mapped(t.design_id),
      })),
      comments: records.comments.map((c) => ({ ...c, id: fresh(c.id), design_id: mapped(c.design_id) })),
    },
  }
}
