import type { Photo } from '../../../../shared/photos/photo'
import { labelOfView, PHOTO_VIEWS } from '../../../../shared/photos/photo-fields'
import { formatDay } from '../../ui/format'

export type Grouping = 'view' | 'date'

export interface PhotoGroup {
  key: string
  title: string
  photos: Photo[]
}

/**
 * By view in the order artists shoot them (front, top, crown, …), or by the day they were
 * taken, newest first. Photos inside a group stay newest first.
 */
export function groupPhotos(photos: readonly Photo[], by: Grouping): PhotoGroup[] {
  const newestFirst = [...photos].sort(
    (a, b) => b.takenAt.localeCompare(a.takenAt) || b.importedAt.localeCompare(a.importedAt),
  )
  if (by === 'view') {
    return PHOTO_VIEWS.map((v) => ({
      key: v.value,
      title: labelOfView(v.value),
      photos: newestFirst.filter((p) => p.view === v.value),
    })).filter((g) => g.photos.length > 0)
  }
  const days = new Map<string, Photo[]>()
  for (const photo of newestFirst) {
    const day = photo.takenAt.slice(0, 10)
    days.set(day, [...(days.get(day) ?? []), photo])
  }
  return [...days].map(([day, list]) => ({ key: day, title: formatDay(day), photos: list }))
}
