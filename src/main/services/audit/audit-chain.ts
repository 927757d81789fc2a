import { createHash } from 'node:crypto'
import type { AuditEntity } from '../../../shared/audit/audit-types'
import { canonicalJson } from './canonical-json'

/** What the first entry follows; schema v5 starts the head at it. */
export const GENESIS_HASH = '0'.repeat(64)

/** An entry's columns as stored, `detail` being its JSON text. */
export interface ChainRow {
  seq: number
  at: string
  patient_id: string
  entity: AuditEntity
  entity_id: string
  action: string
  detail: string
  prev_hash: string
}

/**
 * SHA-256 over the previous entry's hash and this entry in canonical JSON. The detail is hashed
 * as a value, not as text, so only a change of meaning breaks the chain.
 */
export function entryHash(row: ChainRow): string {
  const material = canonicalJson([
    row.prev_hash,
    row.seq,
    row.at,
    row.patient_id,
    row.entity,
    row.entity_id,
    row.action,
    JSON.parse(row.detail),
  ])
  return createHash('sha256').update(material, 'utf8').digest('hex')
}
