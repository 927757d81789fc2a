import type { z } from 'zod'
import { designDocumentSchema } from './design-schema'
import { DESIGN_SCHEMA_VERSION, type DesignDocument } from './design-types'

/** One step of a document's format: turns a version-n document into version n + 1. */
export interface DocumentMigration {
  from: number
  up(document: Record<string, unknown>): Record<string, unknown>
}

/**
 * The document format's history, oldest first. Version 1 is the first format, so the list is
 * empty; a change to the format appends a step here and never edits an old one.
 */
export const DOCUMENT_MIGRATIONS: readonly DocumentMigration[] = []

/** The format a reader reads up to: today's, or a made-up one in the migration tests. */
export interface DocumentFormat {
  migrations: readonly DocumentMigration[]
  current: number
  schema: z.ZodType<DesignDocument>
}

const CURRENT_FORMAT: DocumentFormat = {
  migrations: DOCUMENT_MIGRATIONS,
  current: DESIGN_SCHEMA_VERSION,
  schema: designDocumentSchema,
}

export type ReadResult = { ok: true; document: DesignDocument; migrated: boolean } | { ok: false; message: string }

/**
 * Reads a stored or received document of any known version: migrates it step by step to the
 * current format, then validates it. A document from a newer Stipple is refused, not guessed at.
 */
export function readDesignDocument(raw: unknown, format: DocumentFormat = CURRENT_FORMAT): ReadResult {
  const { migrations, current, schema } = format
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, message: 'Not a design document' }
  let document = raw as Record<string, unknown>
  const version = document.schema
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { ok: false, message: 'The design document has no valid format version' }
  if (version > current)
    return {
      ok: false,
      message: `This design was saved by a newer version of Stipple (format ${version}; this version reads up to ${current}). Update Stipple to open it.`,
    }
  for (let from = version; from < current; from++) {
    const step = migrations.find((m) => m.from === from)
    if (!step) return { ok: false, message: `No way to read design format ${from}` }
    document = { ...step.up(document), schema: from + 1 }
  }
  const parsed = schema.safeParse(document)
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues[0]?.message ?? 'The design document is not valid' }
  return { ok: true, document: parsed.data, migrated: version !== current }
}
