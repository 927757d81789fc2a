/**
 * A file's bytes that main keeps in a file of its own (a received upload, a copy of a chosen
 * archive) rather than in memory. Only main makes one: neither IPC's structured clone nor a
 * request's JSON can carry this class, so no page can name a file through it.
 */
export class HeldFile {
  constructor(
    readonly path: string,
    readonly byteLength: number,
  ) {}
}
