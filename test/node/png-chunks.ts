/** The chunk types of a PNG in file order (IHDR, IDAT…, IEND), read from its bytes; throws on a non-PNG. */
export function pngChunkTypes(bytes: Uint8Array): string[] {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error('not a PNG')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const types: string[] = []
  for (let at = 8; at + 8 <= bytes.byteLength; ) {
    const length = view.getUint32(at)
    types.push(String.fromCharCode(...bytes.subarray(at + 4, at + 8)))
    at += 12 + length
  }
  return types
}

/** Chunks that can carry words or camera data: text of any kind, EXIF, a timestamp. */
export const PNG_METADATA_CHUNKS = ['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']
