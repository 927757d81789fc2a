import type { OfflineReview } from '../../../shared/review-file/offline-review'
import { type BridgeClient, createBridgeClient } from './bridge-client'
import { embeddedPhotoUrls } from './offline-photos'
import { offlineTransport } from './offline-transport'

/** The bridge client of an offline review file: its read-only transport and its embedded photos. */
export function offlineBridge(review: OfflineReview, doc: Document): BridgeClient {
  return { ...createBridgeClient(offlineTransport(review)), photoUrl: embeddedPhotoUrls(doc) }
}
