import type { Database } from 'better-sqlite3'
import type { PhotoNote } from '../../../shared/audit/audit-types'
import type { Design, DesignDocument } from '../../../shared/design/design-types'
import type { PhotoView } from '../../../shared/photos/photo-fields'
import { createAuditLog } from './audit-log'
import { designChanges } from './design-changes'

/** The design service's entries; each call belongs inside the transaction of its save. */
export function createDesignAudit(db: Database) {
  const log = createAuditLog(db)
  const photoOf = db.prepare<[string], { original_name: string; view: PhotoView; taken_at: string }>(
    'SELECT original_name, view, taken_at FROM photos WHERE id = ?',
  )
  const photoNote = (photoId: string): PhotoNote => {
    // The save has just checked the photo, in the same transaction.
    const photo = photoOf.get(photoId) as { original_name: string; view: PhotoView; taken_at: string }
    return { name: photo.original_name, view: photo.view, takenAt: photo.taken_at }
  }
  return {
    /** `before` is the document the save replaced, null for the photo's first design; a save that changed nothing is no change. */
    saved(before: DesignDocument | null, saved: Design) {
      const changes = designChanges(before?.objects ?? [], saved.document.objects)
      if (before && !changes) return
      log.append({
        at: saved.updatedAt,
        patientId: saved.patientId,
        entityId: saved.id,
        entity: 'design',
        action: before ? 'changed' : 'created',
        detail: {
          photo: photoNote(saved.photoId),
          ...(changes ?? { added: [], removed: [], changed: [], reordered: false }),
        },
      })
    },
  }
}
