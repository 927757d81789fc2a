import { type ReadResult, readDesignDocument } from '../../../shared/design/design-migrations'
import {
  DESIGN_SCHEMA_VERSION,
  type Design,
  type DesignDocument,
  type DesignSummary,
} from '../../../shared/design/design-types'

/** A `designs` row as SQLite returns it. */
export interface DesignRow {
  id: string
  patient_id: string
  photo_id: string
  document: string
  schema_version: number
  created_at: string
  updated_at: string
  revision: number
}

export interface DesignSummaryRow {
  id: string
  photo_id: string
  revision: number
  updated_at: string
  object_count: number
}

/**
 * What a summary query selects. The count comes from the JSON, not from a parse through the
 * schema, so a design this version cannot read still shows in the library.
 */
export const SUMMARY_COLUMNS = `id, photo_id, revision, updated_at,
  coalesce(json_array_length(document, '$.objects'), 0) AS object_count`

/** Column values for a document, named as the SQL statements bind them. */
export function documentParams(document: DesignDocument) {
  return { document: JSON.stringify(document), schema_version: document.schema }
}

/**
 * The stored document read up to today's format. A failure says whether the design is from a
 * newer Stipple (update to open it) or damaged, since the person's next step differs.
 */
export function storedDocument(row: DesignRow): ReadResult {
  const read = readDesignDocument(JSON.parse(row.document))
  if (read.ok || row.schema_version > DESIGN_SCHEMA_VERSION) return read
  return { ok: false, message: `The saved design is damaged and cannot be opened (${read.message}).` }
}

export function rowToDesign(row: DesignRow, document: DesignDocument): Design {
  return {
    id: row.id,
    patientId: row.patient_id,
    photoId: row.photo_id,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    document,
  }
}

export function rowToSummary(row: DesignSummaryRow): DesignSummary {
  return {
    id: row.id,
    photoId: row.photo_id,
    revision: row.revision,
    updatedAt: row.updated_at,
    objectCount: row.object_count,
  }
}
