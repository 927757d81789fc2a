/**
 * IPTC-IIM datasets of the application record (2) that say where a photo was taken: content
 * location code (26) and name (27), city (90), sub-location (92), province/state (95), country
 * code (100) and country name (101).
 */
const LOCATION_DATASETS = new Set([26, 27, 90, 92, 95, 100, 101])

const SPACE = 0x20
const IPTC_RESOURCE = 0x0404
const EXIF_RESOURCE = 0x0422
const XMP_RESOURCE = 0x0424
const PHOTOSHOP = 'Photoshop 3.0\0'

/** Blanks (to spaces, keeping every length) the location datasets of one IPTC-IIM block. */
function blankIptc(iptc: Uint8Array): boolean {
  let removed = false
  let at = 0
  while (at + 5 <= iptc.length && iptc[at] === 0x1c) {
    const record = iptc[at + 1] ?? 0
    const dataset = iptc[at + 2] ?? 0
    const length = ((iptc[at + 3] ?? 0) << 8) | (iptc[at + 4] ?? 0)
    // An extended length (high bit set) is only used for large binary datasets; the rest is not read.
    if (length & 0x8000) break
    const start = at + 5
    const end = Math.min(start + length, iptc.length)
    if (record === 2 && LOCATION_DATASETS.has(dataset) && end > start) {
      iptc.fill(SPACE, start, end)
      removed = true
    }
    at = start + length
  }
  return removed
}

export interface PhotoshopBlocks {
  /** The IPTC-IIM block, blanked here. */
  iptcRemoved: boolean
  /** EXIF and XMP copies a Photoshop block can hold, for the caller to blank as it does the others. */
  tiffs: Uint8Array[]
  xmps: Uint8Array[]
}

/**
 * A JPEG APP13 payload ("Photoshop 3.0\0" and its 8BIM resources): the IPTC block's location
 * datasets blanked, and the EXIF and XMP resources it carries handed back. Every length is read
 * within the payload, so a crafted one cannot reach past it.
 */
export function photoshopBlocks(payload: Uint8Array): PhotoshopBlocks {
  const found: PhotoshopBlocks = { iptcRemoved: false, tiffs: [], xmps: [] }
  if (String.fromCharCode(...payload.subarray(0, PHOTOSHOP.length)) !== PHOTOSHOP) return found
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength)
  let at = PHOTOSHOP.length
  while (at + 12 <= payload.length && String.fromCharCode(...payload.subarray(at, at + 4)) === '8BIM') {
    const id = view.getUint16(at + 4)
    const nameLength = payload[at + 6] ?? 0
    // The name is a Pascal string padded to an even length, its length byte included.
    const sizeAt = at + 6 + nameLength + 1 + ((nameLength + 1) % 2)
    if (sizeAt + 4 > payload.length) break
    const size = view.getUint32(sizeAt)
    const data = payload.subarray(sizeAt + 4, Math.min(sizeAt + 4 + size, payload.length))
    if (id === IPTC_RESOURCE) found.iptcRemoved = blankIptc(data) || found.iptcRemoved
    else if (id === EXIF_RESOURCE) found.tiffs.push(data)
    else if (id === XMP_RESOURCE) found.xmps.push(data)
    at = sizeAt + 4 + size + (size % 2)
  }
  return found
}
