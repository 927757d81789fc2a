import fs from 'node:fs'
import exifReader from 'exif-reader'
import type { ViewHint } from '../../../shared/photos/suggest-view'
import { loadSharp } from './image-pipeline'

/**
 * What a photo's own metadata says about the view, where it can say anything reliably. Only the
 * camera's tilt can: pointed straight down at the head it shows the top. Held level, the same
 * camera shows the front, a side or the back, and nothing in the file tells those apart (the
 * EXIF orientation only says how the picture is turned, the aspect only how it was framed), so
 * then there is no hint at all rather than a guess.
 */

/** Within 30° of straight down: a photo of the top of the head, whichever way the phone was turned. */
const LOOKING_DOWN_DEGREES = -60
const VERTICAL_AXIS_SHARE = Math.cos((30 * Math.PI) / 180)

/** The camera's pitch, degrees above the horizon, as panorama (GPano) and drone (DJI) XMP give it. */
const PITCH = /(?:GPano:PosePitchDegrees|drone-dji:GimbalPitchDegree)\s*(?:=\s*["']|>)\s*([+-]?\d+(?:\.\d+)?)/

function xmpPitch(xmp: Buffer | undefined): number | null {
  const match = xmp ? PITCH.exec(xmp.toString('utf8')) : null
  return match ? Number(match[1]) : null
}

const APPLE = 'Apple iOS\0'
const ACCELERATION_VECTOR = 0x0008
const SRATIONAL = 10

/**
 * The acceleration an iPhone measured when it took the photo, in g along its own axes (Apple's
 * maker note, tag 8; its offsets count from the note's start): x and y in the screen's plane, z
 * through it, along the camera's axis. Null when the note is not Apple's or has none.
 */
export function appleAcceleration(note: Uint8Array): [number, number, number] | null {
  if (String.fromCharCode(...note.subarray(0, APPLE.length)) !== APPLE) return null
  if (note[12] !== 0x4d || note[13] !== 0x4d || note.length < 16) return null
  const view = new DataView(note.buffer, note.byteOffset, note.byteLength)
  const count = Math.min(view.getUint16(14), Math.floor((note.length - 16) / 12))
  for (let i = 0; i < count; i++) {
    const entry = 16 + i * 12
    if (view.getUint16(entry) !== ACCELERATION_VECTOR) continue
    const at = view.getUint32(entry + 8)
    if (view.getUint16(entry + 2) !== SRATIONAL || view.getUint32(entry + 4) !== 3 || at + 24 > note.length) return null
    const value = (k: number) => {
      const denominator = view.getInt32(at + k * 8 + 4)
      return denominator === 0 ? Number.NaN : view.getInt32(at + k * 8) / denominator
    }
    const vector: [number, number, number] = [value(0), value(1), value(2)]
    return vector.every(Number.isFinite) ? vector : null
  }
  return null
}

/** The hint from a photo's EXIF and XMP blocks (as sharp reads them), or null when they cannot tell. */
export function viewHintFromMetadata(metadata: { exif?: Buffer; xmp?: Buffer }): ViewHint | null {
  const pitch = xmpPitch(metadata.xmp)
  if (pitch !== null)
    return pitch <= LOOKING_DOWN_DEGREES
      ? { view: 'top', reason: `the camera pointed down at ${Math.round(-pitch)}° (its XMP pitch)` }
      : null
  let note: unknown
  try {
    note = metadata.exif ? exifReader(metadata.exif).Photo?.MakerNote : undefined
  } catch {
    return null
  }
  const acceleration = note instanceof Uint8Array ? appleAcceleration(note) : null
  if (!acceleration) return null
  const [x, y, z] = acceleration
  const along = Math.abs(z) / Math.hypot(x, y, z)
  // Sign aside: a camera pointing straight up at a head is no way to photograph a scalp.
  return along >= VERTICAL_AXIS_SHARE
    ? { view: 'top', reason: 'the phone was held flat over the head (its motion sensor)' }
    : null
}

/** Cameras write EXIF and XMP at the start of a file; this much is read, never the whole picture. */
const HEAD_BYTES = 512 * 1024

/** The hint from a stored original's header; a file missing or unreadable gives none. */
export async function viewHintOfFile(file: string): Promise<ViewHint | null> {
  try {
    const handle = await fs.promises.open(file, 'r')
    try {
      const head = Buffer.alloc(HEAD_BYTES)
      const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0)
      const sharp = await loadSharp()
      const { exif, xmp } = await sharp(head.subarray(0, bytesRead), { limitInputPixels: false }).metadata()
      return viewHintFromMetadata({ exif, xmp })
    } finally {
      await handle.close()
    }
  } catch {
    return null
  }
}
