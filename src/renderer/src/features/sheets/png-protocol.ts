import type { PngChannels } from './png-format'

/**
 * Messages between the page and a PNG worker. A worker filters and deflates one horizontal part
 * of a picture (a job), given its rows band by band as the page reads them from the canvas.
 */
export type PngWorkerRequest =
  /** A new part; whatever the worker held of an earlier job is dropped. */
  | { type: 'start'; job: number; width: number; channels: PngChannels; last: boolean }
  /** The next rows of the part, RGBA as `getImageData` reads them. */
  | { type: 'rows'; job: number; rgba: ArrayBuffer; rows: number }
  | { type: 'end'; job: number }

export type PngWorkerReply =
  /**
   * The part as IDAT chunks of raw deflate, one after the other in one Blob, ending on a byte
   * boundary (a sync flush, or the final block for the last part), with the Adler-32 and length
   * of the scanlines they hold.
   */
  | { type: 'done'; job: number; idat: Blob; adler: number; length: number }
  /** A pixel of a part written without alpha is not opaque: the picture is to be written with it. */
  | { type: 'translucent'; job: number }
  | { type: 'failed'; job: number; message: string }
