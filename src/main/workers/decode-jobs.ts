import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { PhotoFormat } from '../../shared/photos/photo-fields'
import { openArchive, type ProvenArchive } from '../services/archive/archive-open'
import { type PatientPack, packPatient } from '../services/archive/archive-pack-patient'
import { percentReporter } from '../services/archive/archive-progress'
import { fileSource } from '../services/archive/zip-entries'
import type { ByFile, Spilled } from '../services/isolation/spilled-bytes'
import { ImageRejected, prepareImage } from '../services/photos/image-pipeline'
import { stripLocation } from '../services/photos/strip-location'
import { ServiceError } from '../services/service-error'

/**
 * The jobs that read untrusted files (decoding, inflating, hashing), and packing an archive, too
 * long for main's event loop: each takes and returns plain data and byte arrays, and throws a
 * `ServiceError` for a refusal the user should read. They run in a decode process
 * (services/isolation), whose memory the OS can take back by ending it.
 */
export const DECODE_JOBS = {
  /** The drawn copies of a photo; a file that is not a sound image is refused with why, as `invalid_input`. */
  async prepareImage(input: { bytes: Uint8Array; format: PhotoFormat }) {
    try {
      return await prepareImage(input.bytes, input.format)
    } catch (error) {
      if (error instanceof ImageRejected) throw new ServiceError('invalid_input', error.message)
      throw error
    }
  },
  sha256(input: { bytes: Uint8Array }) {
    return createHash('sha256').update(input.bytes).digest('hex')
  },
  /**
   * The original as it will be stored, with its hash: its GPS block blanked unless the clinic
   * keeps it. The hash is of the stored bytes, and blanking is deterministic, so the same
   * camera file imported twice still names one stored file.
   */
  storedOriginal(input: { bytes: Uint8Array; format: PhotoFormat; removeLocation: boolean }) {
    const { bytes, removed } = input.removeLocation
      ? stripLocation(input.bytes, input.format)
      : { bytes: input.bytes, removed: false }
    return { bytes, locationRemoved: removed, sha256: createHash('sha256').update(bytes).digest('hex') }
  },
  /**
   * An archive proven sound, read from its file a range at a time (never held whole), with its
   * photos' copies made again; its stored entries (every photo's original) answered by their
   * place in the archive main sent. What it holds is told (`ProvenArchive`) as soon as it is
   * proven, while copies are still being made.
   */
  async openArchive(
    input: { archive: ByFile; latestSchema: number },
    report: (percent: number) => void,
    _dir: string,
    tell: (proven: ProvenArchive) => void,
  ) {
    if (!('file' in input.archive)) throw new Error('openArchive reads its archive from a file')
    const fd = fs.openSync(input.archive.file, 'r')
    try {
      return await openArchive(fileSource(fd), input.latestSchema, report, tell)
    } finally {
      fs.closeSync(fd)
    }
  },
  /**
   * A patient's archive, from the photo files linked into the job's folder (`packPatient`), zipped
   * straight into a file there, which main reads as the answer's bytes; `report` hears how far
   * it has got, in whole percent.
   */
  packArchive(input: PatientPack, report: (percent: number) => void, dir: string): Spilled {
    const file = path.join(dir, 'archive.stipple')
    const fd = fs.openSync(file, 'wx')
    try {
      packPatient(input, (chunk) => writeWhole(fd, chunk), percentReporter(report))
    } finally {
      fs.closeSync(fd)
    }
    return { $file: file }
  },
}

function writeWhole(fd: number, chunk: Uint8Array) {
  for (let at = 0; at < chunk.byteLength; ) at += fs.writeSync(fd, chunk, at)
}

export type DecodeJobs = typeof DECODE_JOBS
export type DecodeJobName = keyof DecodeJobs
