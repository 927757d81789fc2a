/** A file main made for the renderer to save (`saveFile`): a name safe on every OS, and its bytes. */
export interface MadeFile {
  suggestedName: string
  bytes: Uint8Array<ArrayBuffer>
}
