import { labelOfChart } from '../../../../shared/charts/head-chart'
import type { Photo } from '../../../../shared/photos/photo'
import { formatDate } from '../patients/format'

/** What tells one photo from another at a glance: a chart's view, else the file's own name. */
export function photoName(photo: Pick<Photo, 'chart' | 'originalName'>): string {
  return photo.chart ? `Head chart, ${labelOfChart(photo.chart).toLowerCase()}` : photo.originalName
}

/** "14 Mar 2026, 09:41": the camera's own wall-clock time, never shifted by time zone. */
export function formatTakenAt(takenAt: string): string {
  return `${formatDate(takenAt)}, ${takenAt.slice(11, 16)}`
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
