import type { Size } from '../../canvas/viewport'
import type { ImageRect } from '../canvas/view-cache'

/** A bitmap of the design, `top` output pixels from the picture's top, the picture's width. */
export interface OverlayBand {
  top: number
  bitmap: ImageBitmap
}

/**
 * What a view's picture is composed from in its worker, in two messages: first the photo, fetched,
 * decoded and resampled while the dot renderer draws the pigment; then the session layers as
 * it drew them at the picture's scale (photo coordinates) and the design's bands.
 */
export type PictureRequest =
  | {
      type: 'photo'
      /** The photo's address, absolute: the worker fetches it, so the decode starts at once. */
      url: string
      /** The photo's pixel size, as its record gives it. */
      image: Size
      output: Size
    }
  | {
      type: 'compose'
      pigment: { rect: ImageRect; bitmap: ImageBitmap; over?: boolean }[] | null
      overlay: OverlayBand[]
      /**
       * Unpremultiplied RGBA rows as `getImageData` reads them, `bandRows` rows to a buffer (the
       * PNG encoder's bands, handed on to its workers uncopied), or a JPEG file for a sheet.
       */
      as: { bandRows: number } | 'image/jpeg'
    }

export type PictureReply =
  /** Every band of rows top to bottom, the last one shorter; `opaque` when no pixel has alpha below 255. */
  | { type: 'pixels'; bands: ArrayBuffer[]; opaque: boolean }
  | { type: 'file'; file: Blob }
  | { type: 'failed'; message: string }

/**
 * The photo baked at the picture's scale: its pixels across the picture's width, whole pixels
 * (a pixel more than the picture where the scale does not divide evenly). The page asks the dot
 * renderer for tiles of this size, the worker bakes the photo to it.
 */
export function bakedPhotoSize(image: Size, output: Size): Size & { scale: number } {
  const scale = output.width / image.width
  return {
    scale,
    width: Math.max(1, Math.ceil(image.width * scale)),
    height: Math.max(1, Math.ceil(image.height * scale)),
  }
}
