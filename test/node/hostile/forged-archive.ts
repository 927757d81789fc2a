import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { unzipSync, zipSync } from 'fflate'
import { mutated } from './mutate'

const MANIFEST = 'manifest.json'
const RECORDS = 'records.json'

const decode = (bytes: Uint8Array | undefined): unknown => JSON.parse(new TextDecoder().decode(bytes))
/** JSON as a forger would write it; a value JSON has no form for (a BigInt) is written as text. */
const encode = (value: unknown) =>
  new TextEncoder().encode(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? String(v) : v)) ?? 'null')

/**
 * Archives a forger made from a real one: the records or the manifest mutated as any payload is
 * (mutate.ts), with the manifest's sizes and checksums made to match again, so the import's
 * own checks of the records are what stands in the way.
 */
export function forgedArchives(archive: Uint8Array): fc.Arbitrary<Uint8Array<ArrayBuffer>> {
  const files = unzipSync(archive)
  const repack = (records: unknown, manifest: unknown) => {
    const forged: Record<string, Uint8Array> = { ...files, [RECORDS]: encode(records) }
    // A mutated manifest may be null or undefined, which a forger writes as such.
    const entries = (manifest as { entries?: unknown } | null | undefined)?.entries
    if (Array.isArray(entries))
      for (const entry of entries) {
        const bytes = typeof entry?.path === 'string' ? forged[entry.path] : undefined
        if (!bytes) continue
        entry.size = bytes.byteLength
        entry.sha256 = createHash('sha256').update(bytes).digest('hex')
      }
    forged[MANIFEST] = encode(manifest)
    return zipSync(forged) as Uint8Array<ArrayBuffer>
  }
  return fc.oneof(
    mutated(fc.constant(decode(files[RECORDS]))).map((records) => repack(records, decode(files[MANIFEST]))),
    mutated(fc.constant(decode(files[MANIFEST]))).map((manifest) => repack(decode(files[RECORDS]), manifest)),
  )
}
