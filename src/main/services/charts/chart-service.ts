import type { Database } from 'better-sqlite3'
import sharp from 'sharp'
import {
  CHART_SIZE,
  chartCalibration,
  chartFileName,
  chartStartingDesign,
  type HeadChartView,
  headChartSvg,
  labelOfChart,
} from '../../../shared/charts/head-chart'
import type { Design } from '../../../shared/design/design-types'
import { takeOverDesign } from '../../../shared/design/takeover'
import type { PatientId } from '../../../shared/patients/patient'
import type { Photo, PhotoId } from '../../../shared/photos/photo'
import type { DesignService } from '../designs/design-service'
import type { PhotoService } from '../photos/photo-service'
import { ServiceError } from '../service-error'

export interface ChartService {
  /** The patient's head chart of that view, drawn and stored on first use, with its landmarks placed. */
  add(patientId: PatientId, view: HeadChartView): Promise<Photo>
  /** Carries the design on `fromPhotoId` (a chart, usually) onto `toPhotoId` by the landmarks both carry. */
  takeOver(fromPhotoId: PhotoId, toPhotoId: PhotoId): Design
}

/** The chart's pixels, rendered once per view: the same bytes each time, so a second add is the same photo. */
const rendered = new Map<HeadChartView, Promise<Buffer>>()
export function chartPng(view: HeadChartView): Promise<Buffer> {
  let png = rendered.get(view)
  if (!png) {
    png = sharp(Buffer.from(headChartSvg(view)), { density: 72 })
      .resize(CHART_SIZE.width, CHART_SIZE.height)
      .png({ compressionLevel: 9 })
      .toBuffer()
    rendered.set(view, png)
  }
  return png
}

export function createChartService(
  db: Database,
  deps: { photos: PhotoService; designs: DesignService },
  now: () => Date = () => new Date(),
): ChartService {
  const { photos, designs } = deps
  const markChart = db.prepare<{
    id: string
    chart: HeadChartView
    view: string
    caption: string
    calibration: string
    now: string
  }>(
    `UPDATE photos SET chart = @chart, view = @view, caption = @caption, calibration = @calibration,
       updated_at = @now, revision = revision + 1
     WHERE id = @id AND chart IS NULL`,
  )

  return {
    async add(patientId, view) {
      const bytes = await chartPng(view)
      const { photo } = await photos.import({
        patientId,
        name: chartFileName(view),
        lastModified: now().getTime(),
        bytes,
      })
      if (photo.chart !== null) return photo
      db.transaction(() => {
        markChart.run({
          id: photo.id,
          chart: view,
          view,
          caption: `Head chart, ${labelOfChart(view).toLowerCase()}: average adult proportions, drawn by Stipple`,
          calibration: JSON.stringify(chartCalibration()),
          now: now().toISOString(),
        })
        if (designs.forPhoto(photo.id) === null) designs.save(photo.id, null, chartStartingDesign(view))
      }).immediate()
      return photos.get(photo.id)
    },

    takeOver(fromPhotoId, toPhotoId) {
      if (fromPhotoId === toPhotoId)
        throw new ServiceError('invalid_input', 'Choose another picture to take the design from.')
      const source = designs.forPhoto(fromPhotoId)
      const from = photos.get(fromPhotoId)
      const to = photos.get(toPhotoId)
      if (from.patientId !== to.patientId)
        throw new ServiceError('invalid_input', 'A design can be taken over only from a picture of the same patient.')
      if (!source || source.document.objects.every((o) => o.kind === 'landmark'))
        throw new ServiceError('invalid_input', 'That picture has no design to take over yet.')
      const target = designs.forPhoto(toPhotoId)
      const result = takeOverDesign(source.document, target?.document ?? { ...source.document, objects: [] }, to)
      if (!result.ok) throw new ServiceError('invalid_input', result.reason)
      return designs.save(toPhotoId, target?.revision ?? null, result.document)
    },
  }
}
