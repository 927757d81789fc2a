import fs from 'node:fs'
import { localToday } from '../../../shared/dates'
import type { MadeFile } from '../../../shared/files/made-file'
import { safeFileName } from '../../../shared/files/safe-file-name'
import type { PatientId } from '../../../shared/patients/patient'
import type { PhotoVariant } from '../../../shared/photos/photo'
import { offlinePhotoKey } from '../../../shared/review-file/offline-review'
import type { Services } from '../../bridge/services'
import { ServiceError } from '../service-error'
import { readRendererBundle } from './renderer-bundle'
import { assembleReviewPage, type EmbeddedPhoto } from './review-page'
import { reviewSnapshot } from './review-snapshot'

/**
 * Largest review file made: a browser holds the whole page and its decoded photos in memory,
 * and a string this long is still well inside what a JavaScript engine can build.
 */
export const MAX_REVIEW_FILE_BYTES = 400 * 1024 * 1024

export interface ReviewFileService {
  /** One self-contained HTML page reviewing the patient's designs, sessions and photos. */
  exportFile(patientId: PatientId): Promise<MadeFile>
}

const VARIANTS: PhotoVariant[] = ['working', 'thumbnail']

/**
 * The offline review file: the built renderer (from `rendererDir`, null when there is none, as
 * under the development server) packed with the patient's review data into one HTML page.
 */
export function createReviewFileService(
  services: Services,
  options: { rendererDir: string | null; appVersion: string; now?: () => Date },
): ReviewFileService {
  const now = options.now ?? (() => new Date())

  const readPhotos = async (shas: readonly string[]): Promise<EmbeddedPhoto[]> => {
    const files = shas.flatMap((sha256) =>
      VARIANTS.map((variant) => ({
        key: offlinePhotoKey(variant, sha256),
        file: services.photos.fileFor(sha256, variant),
      })),
    )
    const sizes = files.map(({ file }) => (file ? (fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) : 0))
    // Base64 takes four characters for every three bytes.
    if (sizes.reduce((a, b) => a + b, 0) * (4 / 3) > MAX_REVIEW_FILE_BYTES)
      throw new ServiceError(
        'invalid_input',
        `This patient's photos come to more than ${MAX_REVIEW_FILE_BYTES / 1024 / 1024} MB, too much for one review file a browser can open.`,
      )
    return Promise.all(
      files.map(async ({ key, file }) => {
        const bytes = file && (await fs.promises.readFile(file).catch(() => null))
        if (!bytes)
          throw new ServiceError('not_found', 'A photo file of this patient is missing from the photo folder.')
        return { key, bytes }
      }),
    )
  }

  return {
    async exportFile(patientId) {
      const bundle = readRendererBundle(options.rendererDir)
      const made = now()
      const review = reviewSnapshot(services, patientId, { now: made, appVersion: options.appVersion })
      const photos = await readPhotos([...new Set(review.photos.map((p) => p.sha256))])
      return {
        suggestedName: safeFileName(`${review.patient.fullName} review ${localToday(made)}`, 'html'),
        bytes: Buffer.from(assembleReviewPage({ bundle, review, photos }), 'utf8'),
      }
    },
  }
}
