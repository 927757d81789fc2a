import { labelOfChart } from '../../../../shared/charts/head-chart'
import type { Photo } from '../../../../shared/photos/photo'

/** What tells one photo from another at a glance: a chart's view, else the file's own name. */
export function photoName(photo: Pick<Photo, 'chart' | 'originalName'>): string {
  return photo.chart ? `Head chart, ${labelOfChart(photo.chart).toLowerCase()}` : photo.originalName
}
