/**
 * XMP properties that place a photo or name its camera: any GPS field, a latitude, longitude or
 * altitude (exif:, drone-dji:, Iptc4xmpExt:), the IPTC location fields (photoshop:City,
 * Iptc4xmpCore:Location, Iptc4xmpExt:LocationCreated/LocationShown and their parts), and
 * serial numbers and owner names (aux:, exifEX:). Matched by local name: prefixes are the writer's choice.
 */
const IDENTIFYING =
  /^(?:GPS\w*|Gps\w*|\w*Latitude|\w*Longitude|\w*Longtitude|\w*Altitude|City|State|Country|CountryCode|CountryName|Location|LocationCreated|LocationShown|ProvinceState|Sublocation|WorldRegion|\w*SerialNumber|\w*OwnerName)$/

const SPACE = 0x20
const NAME = '[A-Za-z_][\\w.-]*'
/** ` prefix:local="…"` or `'…'`: an attribute-form property. */
const ATTRIBUTE = new RegExp(`\\s${NAME}:(${NAME})\\s*=\\s*(["'])`, 'g')
/** `<prefix:local …>` that is not self-closing: an element-form property, its content up to `</prefix:local>`. */
const OPEN_TAG = new RegExp(`<(${NAME}):(${NAME})(?:\\s[^<>]*?)?(/?)>`, 'g')

/**
 * Blanks, in place, the values of the identifying properties of one XMP packet: attribute values
 * and element contents become spaces, so the packet keeps its length and stays well-formed XML,
 * and every other property is kept. Returns whether any value was blanked. The bytes are read one
 * to a character, which keeps offsets exact for UTF-8 (the names sought are ASCII).
 */
export function blankXmp(xmp: Uint8Array): boolean {
  let text = ''
  for (let at = 0; at < xmp.length; at += 0x8000)
    text += String.fromCharCode(...xmp.subarray(at, Math.min(at + 0x8000, xmp.length)))
  let removed = false
  const blank = (start: number, end: number) => {
    if (end > start && xmp.subarray(start, end).some((b) => b !== SPACE)) {
      xmp.fill(SPACE, start, end)
      removed = true
    }
  }
  for (const match of text.matchAll(ATTRIBUTE)) {
    if (!IDENTIFYING.test(match[1] as string)) continue
    const start = (match.index ?? 0) + match[0].length
    const end = text.indexOf(match[2] as string, start)
    if (end >= 0) blank(start, end)
  }
  for (const match of text.matchAll(OPEN_TAG)) {
    if (match[3] === '/' || !IDENTIFYING.test(match[2] as string)) continue
    const start = (match.index ?? 0) + match[0].length
    const end = text.indexOf(`</${match[1]}:${match[2]}>`, start)
    if (end >= 0) blank(start, end)
  }
  return removed
}

const XMP_START = '<x:xmpmeta'
const XMP_END = '</x:xmpmeta>'

/**
 * Every XMP packet in a file (`<x:xmpmeta` … `</x:xmpmeta>`), for containers whose XMP item is
 * not walked (HEIC): found by its text, each searched once, so a crafted file cannot make it loop.
 */
export function* xmpPackets(bytes: Uint8Array): Generator<Uint8Array> {
  const start = Buffer.from(XMP_START, 'latin1')
  const end = Buffer.from(XMP_END, 'latin1')
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (let at = file.indexOf(start); at >= 0; at = file.indexOf(start, at + 1)) {
    const close = file.indexOf(end, at)
    if (close < 0) return
    yield bytes.subarray(at, close + end.length)
    at = close
  }
}
