/**
 * ISO timestamps that sort as time: two writes in one millisecond still get distinct,
 * ordered stamps, so "newest first" never ties.
 */
export function createStamp(now: () => Date = () => new Date()): () => string {
  let last = ''
  return () => {
    let iso = now().toISOString()
    if (iso <= last) iso = new Date(Date.parse(last) + 1).toISOString()
    last = iso
    return iso
  }
}
