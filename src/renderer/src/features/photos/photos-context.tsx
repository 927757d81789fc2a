import { createStoreContext } from '../../app/store-context'
import type { PhotosState } from './photos-store'

const photos = createStoreContext<PhotosState>('photos')

export const PhotosProvider = photos.Provider
export const usePhotos = photos.useSelect
export const usePhotoActions = photos.useActions
