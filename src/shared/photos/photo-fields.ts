/** The closed vocabularies and limits of the photo library, free of any schema library. */

/** The standard SMP photo views (domain notes, "Photos"); `close-up` for scars and detail. */
export const PHOTO_VIEWS = [
  { value: 'front', label: 'Front' },
  { value: 'top', label: 'Top' },
  { value: 'crown', label: 'Crown' },
  { value: 'left', label: 'Left' },
  { value: 'right', label: 'Right' },
  { value: 'back', label: 'Back' },
  { value: 'donor', label: 'Donor area' },
  { value: 'close-up', label: 'Close-up' },
  { value: 'other', label: 'Other' },
] as const
export type PhotoView = (typeof PHOTO_VIEWS)[number]['value']

export const PHOTO_FORMATS = [
  { value: 'jpeg', label: 'JPEG', mime: 'image/jpeg', extension: 'jpg' },
  { value: 'png', label: 'PNG', mime: 'image/png', extension: 'png' },
  { value: 'webp', label: 'WebP', mime: 'image/webp', extension: 'webp' },
  { value: 'heic', label: 'HEIC/HEIF', mime: 'image/heic', extension: 'heic' },
] as const
export type PhotoFormat = (typeof PHOTO_FORMATS)[number]['value']

/** What the file picker offers; the importer still checks every file's bytes, never its name. */
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic,.heif'

export const PHOTO_LIMITS = {
  /** A 50 MP PNG straight from a camera fits; anything larger is not a scalp photo. */
  maxBytes: 200 * 1024 * 1024,
  /** Declared pixels above this are refused before decoding: a decompression bomb fits in a few KB. */
  maxMegapixels: 100,
  /**
   * HEIC is decoded whole into memory (about 32 MB and 14 bytes a pixel on the way), and a progressive
   * JPEG or interlaced PNG keeps every pixel's data until its last pass: lower caps keep one such
   * photo within a few hundred MB. 25 MP holds a 24 MP iPhone photo.
   */
  maxHeicMegapixels: 25,
  maxProgressiveMegapixels: 50,
  /**
   * Decoding one photo and making its drawn copies is stopped after this long: far beyond the
   * second or two a 24 MP photo takes, so only a stuck or crafted file meets it, even on a slow machine.
   */
  decodeSeconds: 20,
  /** The drawn working copy; 4096 px keeps a 24 MP photo sharp at 100 % on a 5K screen and smooth to pan. */
  workingLongSide: 4096,
  thumbnailLongSide: 320,
  caption: 500,
  fileName: 255,
  measurementLabel: 120,
  /** Points in one area measurement; a hand-drawn outline never needs more. */
  polygonPoints: 500,
  /** A ruler line shorter than this on screen cannot be placed precisely enough to calibrate. */
  minCalibrationPx: 20,
  maxCalibrationMm: 1000,
} as const

export const labelOfView = (view: PhotoView) => PHOTO_VIEWS.find((v) => v.value === view)?.label ?? view
