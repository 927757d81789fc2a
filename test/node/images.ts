import { crc32, deflateSync } from 'node:zlib'
import sharp, { type Exif } from 'sharp'

/** Real images made on the fly, and ways to read pixels back, for the photo library tests. */

export type Rgb = readonly [number, number, number]

/** Colours far apart, so JPEG noise can never turn one into another. */
export const PALETTE = {
  red: [230, 20, 20],
  green: [20, 200, 20],
  blue: [20, 20, 230],
  white: [240, 240, 240],
  grey: [128, 128, 128],
  black: [10, 10, 10],
} as const satisfies Record<string, Rgb>
export type ColourName = keyof typeof PALETTE

export interface RawImage {
  data: Buffer
  width: number
  height: number
  channels: 3 | 4
}

/** Pixels from a function of their position: RGB, or RGBA when the function returns four values. */
export function rawImage(
  width: number,
  height: number,
  colourAt: (x: number, y: number) => readonly number[],
  channels: 3 | 4 = 3,
): RawImage {
  const data = Buffer.alloc(width * height * channels)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(colourAt(x, y).slice(0, channels), (y * width + x) * channels)
  }
  return { data, width, height, channels }
}

export const fromRaw = (raw: RawImage) =>
  sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } })

/** A JPEG of one flat colour, made without any per-pixel loop (fast even at camera sizes). */
export function flatJpeg(width: number, height: number, colour: Rgb = PALETTE.grey): Promise<Buffer> {
  const [r, g, b] = colour
  return sharp({ create: { width, height, channels: 3, background: { r, g, b } } })
    .jpeg({ quality: 90 })
    .toBuffer()
}

/** A flat JPEG carrying a camera's GPS position (51°30′N, 0°7′W) in its EXIF, as phones write it. */
export function jpegWithGps(width: number, height: number, colour: Rgb = PALETTE.grey): Promise<Buffer> {
  const [r, g, b] = colour
  return sharp({ create: { width, height, channels: 3, background: { r, g, b } } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'Canon' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '51/1 30/1 2628/100',
        GPSLongitudeRef: 'W',
        GPSLongitude: '0/1 7/1 3960/100',
      },
    })
    .toBuffer()
}

/** Encodes pixels as a JPEG that keeps colour edges crisp; `orientation` writes the EXIF tag only. */
export function jpegOf(raw: RawImage, options: { orientation?: number; exif?: Exif } = {}): Promise<Buffer> {
  let image = fromRaw(raw).jpeg({ quality: 95, chromaSubsampling: '4:4:4' })
  if (options.exif) image = image.withExif(options.exif)
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation })
  return image.toBuffer()
}

export interface Decoded {
  width: number
  height: number
  /** The colour at a pixel, alpha dropped. */
  at(x: number, y: number): Rgb
}

/** Decodes a stored file (or bytes) as it is, with no EXIF rotation applied. */
export async function decode(input: string | Buffer): Promise<Decoded> {
  const { data, info } = await sharp(input).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  return {
    width: info.width,
    height: info.height,
    at(x, y) {
      const i = (y * info.width + x) * info.channels
      return [data[i] as number, data[i + 1] as number, data[i + 2] as number]
    },
  }
}

/** The palette colour a pixel is, or a description of it when it is near none of them. */
export function colourName(pixel: Rgb): ColourName | string {
  let best: [string, number] = ['', Number.POSITIVE_INFINITY]
  for (const [name, colour] of Object.entries(PALETTE)) {
    const d = Math.max(...colour.map((c, i) => Math.abs(c - (pixel[i] as number))))
    if (d < best[1]) best = [name, d]
  }
  return best[1] <= 48 ? best[0] : `rgb(${pixel.join(', ')})`
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * A few hundred bytes of PNG whose header claims `width` × `height` pixels: the shape of a
 * decompression bomb. Every chunk has a valid CRC; the IDAT holds one compressed row only.
 */
export function pngDeclaring(
  width: number,
  height: number,
  /** 8-bit greyscale, not interlaced, unless told; `padding` bytes of a private chunk make the file that much larger. */
  { bitDepth = 8, colourType = 0, interlaced = false, padding = 0 } = {},
): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = bitDepth
  ihdr[9] = colourType // 0 greyscale, 2 RGB, 6 RGBA
  ihdr[10] = 0 // deflate
  ihdr[11] = 0 // adaptive filtering
  ihdr[12] = interlaced ? 1 : 0 // Adam7
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    ...(padding > 0 ? [pngChunk('prVt', Buffer.alloc(padding))] : []),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1 + width))),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}
