declare module 'heic-decode' {
  interface DecodedHeic {
    width: number
    height: number
    /** RGBA, 8 bits per channel, transforms (rotation, mirroring) already applied. */
    data: Uint8ClampedArray
  }
  function decode(options: { buffer: Uint8Array }): Promise<DecodedHeic>
  export default decode
}
