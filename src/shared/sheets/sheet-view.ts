import { type Design, SCAR_SHAPES, ZONE_ROLES } from '../design/design-types'
import { designReadouts } from '../design/readouts'
import { formatQuantity, pxPerMm } from '../photos/calibration'
import type { Photo } from '../photos/photo'
import { PHOTO_VIEWS } from '../photos/photo-fields'
import { dotColour } from '../plan/fade'
import { dayOf, formatDay } from '../plan/plan-dates'
import type { Pigment, Session } from '../plan/plan-types'
import { chronological } from '../plan/session-density'
import { designZoneFigures, treatedAndOutline } from '../plan/zone-figures'
import { type ScaleBar, scaleBarFor } from './scale-bar'

/** One entry of a view's legend: a colour and what it marks. */
export interface LegendEntry {
  kind: 'hairline' | 'zone' | 'scar' | 'layer'
  /** `#rrggbb`. */
  colour: string
  label: string
}

/** One line of a view's figures: what is measured, and its figures in words. */
export interface MeasurementRow {
  colour: string | null
  label: string
  figures: string
}

/** A chosen view: its photo with the design and the chosen sessions' layers, and what it measures. */
export interface SheetView {
  designId: string
  photo: Photo
  title: string
  pxPerMm: number | null
  scaleBar: ScaleBar | null
  legend: LegendEntry[]
  measurements: MeasurementRow[]
  /** The sessions of the plan that treat this design and are on the sheet, in date order. */
  sessionIds: string[]
  /** The day the layers are shown at: the last of those sessions; null shows the design alone. */
  day: string | null
}

export const viewLabel = (photo: Pick<Photo, 'view'>) =>
  PHOTO_VIEWS.find((v) => v.value === photo.view)?.label ?? photo.view

const labelIn = <T extends string>(options: readonly { value: T; label: string }[], value: T) =>
  options.find((o) => o.value === value)?.label ?? value

const hex = (rgb: readonly number[]) =>
  `#${rgb
    .map((c) =>
      Math.round(Math.min(1, Math.max(0, c)) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`

/** The colour a pigment's dots have when fresh: the shade diluted with water. */
export const freshDotColour = (pigment: Pigment) => hex(dotColour(pigment, 1))

const NOT_MEASURED = 'not measured: the photo is not calibrated'

/**
 * What the sheet says about one view: its legend (hairline, zones and scars as drawn, each
 * chosen session's layer in its pigment's colour, numbered as in the whole plan) and its figures
 * from the calibration. Hidden objects,
 * landmarks and note pins are the artist's working marks and stay off the sheet.
 */
export function sheetView(
  design: Design,
  photo: Photo,
  sessions: readonly Session[],
  chosen: ReadonlySet<string>,
  pigments: readonly Pigment[],
): SheetView {
  const scale = pxPerMm(photo.calibration)
  const objects = design.document.objects.filter((o) => !o.hidden)
  const readouts = designReadouts(design.document, scale)
  // Zones as the plan counts them: the same areas and impressions as its sessions, the designer and the layers.
  const zoneFigures = designZoneFigures(design.document, design.id, scale).zones
  const ordered = chronological(sessions)
  const order = new Map(ordered.map((s, i) => [s.id, i + 1]))
  const mine = ordered.filter(
    (s) => chosen.has(s.id) && s.status !== 'skipped' && s.treatments.some((t) => t.designId === design.id),
  )
  const legend: LegendEntry[] = []
  const measurements: MeasurementRow[] = []
  let totalArea = 0
  let totalImpressions = 0

  for (const object of objects) {
    if (object.kind === 'zone') {
      const counted = zoneFigures.get(object.id)
      const name = object.name.trim() || labelIn(ZONE_ROLES, object.role)
      legend.push({ kind: 'zone', colour: object.colour, label: name })
      const both = counted && treatedAndOutline(counted)
      const area = both
        ? `${both.treated} treated (outline ${both.outline}, ${both.why})`
        : counted?.treated && formatQuantity(counted.treated)
      const figures =
        counted?.treated && scale
          ? `${area} · target ${object.density}/cm² · ${(counted.impressions ?? 0).toLocaleString('en')} impressions`
          : NOT_MEASURED
      if (counted?.treated && scale) {
        totalArea += counted.treated.value
        totalImpressions += counted.impressions ?? 0
      }
      measurements.push({ colour: object.colour, label: `${name} zone`, figures })
    } else if (object.kind === 'hairline') {
      const readout = readouts.hairlines.get(object.id)
      legend.push({ kind: 'hairline', colour: object.colour, label: object.name.trim() || 'Hairline' })
      const parts =
        readout && scale
          ? [
              readout.tapeHeight && readout.height
                ? `${formatQuantity(readout.tapeHeight)} above the glabella over the forehead (${formatQuantity(readout.height)} flat on the photo)`
                : null,
              `${formatQuantity(readout.length)} long`,
              object.featherMm > 0 ? `soft edge ${object.featherMm} mm` : 'sharp edge',
            ]
          : [NOT_MEASURED]
      measurements.push({
        colour: object.colour,
        label: object.name.trim() || 'Hairline',
        figures: parts.filter(Boolean).join(' · '),
      })
    } else if (object.kind === 'scar') {
      const readout = readouts.scars.get(object.id)
      const shape = labelIn(SCAR_SHAPES, object.shape)
      legend.push({ kind: 'scar', colour: object.colour, label: object.name.trim() || shape })
      const parts = scale
        ? [
            readout?.length ? `${formatQuantity(readout.length)} long` : null,
            readout?.dots ? `${readout.dots} dots` : null,
            readout?.area ? formatQuantity(readout.area) : null,
          ]
        : [readout?.dots ? `${readout.dots} dots` : NOT_MEASURED]
      const name = object.name.trim()
      measurements.push({
        colour: object.colour,
        label: name && name.toLowerCase() !== shape.toLowerCase() ? `${name} (${shape.toLowerCase()})` : shape,
        figures: parts.filter(Boolean).join(' · ') || '—',
      })
    }
  }
  if (scale && readouts.zones.size > 1)
    measurements.push({
      colour: null,
      label: 'All zones',
      figures: `${formatQuantity({ value: totalArea, unit: 'cm²' })} · ${totalImpressions.toLocaleString('en')} impressions`,
    })

  for (const session of mine) {
    const pigment = pigments.find((p) => p.id === session.pigmentId)
    legend.push({
      kind: 'layer',
      colour: pigment ? freshDotColour(pigment) : '#808080',
      label: `Session ${order.get(session.id)} · ${formatDay(session.startsAt)}`,
    })
  }

  const last = mine.at(-1)
  return {
    designId: design.id,
    photo,
    title: `${viewLabel(photo)} view · photo of ${formatDay(photo.takenAt)}`,
    pxPerMm: scale,
    scaleBar: scaleBarFor(scale, photo.width),
    legend,
    measurements,
    sessionIds: mine.map((s) => s.id),
    day: last ? dayOf(last.startsAt) : null,
  }
}
