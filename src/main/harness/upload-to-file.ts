import fs from 'node:fs'
import type http from 'node:http'
import { decodeFrameJson } from '../../shared/bridge/binary-frame'
import { HeldFile } from '../../shared/files/held-file'

/** A framed call's fields: its JSON, a few hundred bytes for an archive call, kept in memory. */
const MAX_FRAME_JSON_BYTES = 1024 * 1024
/** How much of the body may wait in memory for the disk before the socket is paused. */
const WRITE_AHEAD_BYTES = 4 * 1024 * 1024

export type ReceivedToFile =
  /** `input` is the call's input, its byte array the file; null when the frame is malformed. */
  | { kind: 'held'; input: unknown }
  | { kind: 'too_large' }
  | { kind: 'aborted' }
  | { kind: 'unwritable'; error: unknown }

/**
 * Receives a framed call whose one byte array is a whole file (an archive) straight into `file`,
 * against `limit` as it arrives: only the frame's JSON is kept in memory, and the call's input
 * names the file as a `HeldFile`. A body over its limit, a client that goes away half way or a
 * disk that refuses the write leave no file behind; the caller removes the file once the call
 * is answered.
 */
export function receiveFrameToFile(req: http.IncomingMessage, limit: number, file: string): Promise<ReceivedToFile> {
  const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length'])
  if (declared !== null && !(declared <= limit)) return Promise.resolve({ kind: 'too_large' })
  return new Promise((resolve) => {
    const out = fs.createWriteStream(file, { flags: 'wx', mode: 0o600, highWaterMark: WRITE_AHEAD_BYTES })
    let head = Buffer.alloc(0)
    let jsonLength: number | null = null
    let size = 0
    let dataLength = 0
    let settled = false
    let writeError: unknown = null
    const detach = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      req.off('close', onClose)
    }
    const closed = () =>
      new Promise<void>((done) => {
        if (out.closed) return done()
        out.once('close', () => done())
        out.destroy()
      })
    const removed = () => closed().then(() => fs.promises.rm(file, { force: true }))
    const fail = (received: Exclude<ReceivedToFile, { kind: 'held' }>) => {
      if (settled) return
      settled = true
      detach()
      void removed().then(() => resolve(received))
    }
    const write = (chunk: Buffer) => {
      if (chunk.byteLength === 0) return
      dataLength += chunk.byteLength
      if (out.write(chunk)) return
      req.pause()
      out.once('drain', () => req.resume())
    }
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength
      if (size > limit) return fail({ kind: 'too_large' })
      if (jsonLength !== null && head.byteLength >= 4 + jsonLength) return write(chunk)
      head = Buffer.concat([head, chunk])
      if (jsonLength === null && head.byteLength >= 4) jsonLength = head.readUInt32BE(0)
      if (jsonLength === null) return
      if (jsonLength > MAX_FRAME_JSON_BYTES) return fail({ kind: 'too_large' })
      if (head.byteLength < 4 + jsonLength) return
      write(head.subarray(4 + jsonLength))
      head = Buffer.from(head.subarray(0, 4 + jsonLength))
    }
    const onEnd = () => {
      if (settled) return
      settled = true
      detach()
      out.end()
      void new Promise<void>((done) => out.once('close', () => done())).then(async () => {
        if (writeError) {
          await fs.promises.rm(file, { force: true })
          return resolve({ kind: 'unwritable', error: writeError })
        }
        const json = jsonLength !== null && head.byteLength >= 4 + jsonLength ? head.subarray(4) : null
        const input =
          json &&
          decodeFrameJson(json, (start, length) =>
            start === 0 && length === dataLength ? new HeldFile(file, length) : null,
          )
        resolve({ kind: 'held', input: input ?? null })
      })
    }
    const onError = () => fail({ kind: 'aborted' })
    const onClose = () => {
      if (!req.complete) fail({ kind: 'aborted' })
    }
    out.on('error', (error) => {
      writeError = error
      fail({ kind: 'unwritable', error })
    })
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
    req.on('close', onClose)
  })
}
