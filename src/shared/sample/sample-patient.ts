import type { HeadChartView } from '../charts/head-chart'
import { CHART_PX_PER_MM, chartLandmarks } from '../charts/head-chart'
import type { DesignObject, ZoneObject } from '../design/design-types'
import type { Point } from '../geometry/point'
import { EMPTY_PATIENT_FIELDS, type PatientFields, type PatientId } from '../patients/patient'
import { CLINICAL_DEFAULTS } from '../settings/clinical-defaults'

/**
 * The sample patient: a made-up person designed on head charts (no photograph of anyone), so a
 * new user can see a whole case (design, temporary plan, layers, a review comment, a sheet)
 * before entering their own. Its pictures are the charts Stipple draws itself.
 */
export const SAMPLE_PATIENT_FIELDS: PatientFields = {
  ...EMPTY_PATIENT_FIELDS,
  fullName: 'Sample patient (Alex Morgan)',
  sex: 'male',
  fitzpatrick: 3,
  hairColour: 'dark-brown',
  hairLossPattern: 'norwood-3',
  goals: ['shaved-look', 'density'],
  notes:
    'A sample record to explore Stipple: not a real person. It was designed on head charts before any photo, with a temporary plan of three sessions. It is left out of backups’ patient counts and cannot be exported; remove it or bring it back from Help.',
}

/** A clinician's comment on each view of the sample, pinned at the first corner of its first zone. */
export const SAMPLE_REVIEW_COMMENTS: Partial<Record<HeadChartView, { author: string; body: string }>> = {
  front: {
    author: 'Sample reviewer',
    body: 'Temples look balanced. Consider softening the hairline band by a millimetre before Day 2.',
  },
  top: {
    author: 'Sample reviewer',
    body: 'Crown reads well. Consider softening the edge toward the mid-scalp before Day 2.',
  },
}

const mm = (v: number) => v * CHART_PX_PER_MM
const D = CLINICAL_DEFAULTS

function zone(id: string, role: ZoneObject['role'], name: string, colour: string, points: Point[]): ZoneObject {
  return {
    id,
    kind: 'zone',
    role,
    name,
    colour,
    hidden: false,
    locked: false,
    points,
    density: D.zoneDensity[role],
    softnessMm: D.zoneSoftnessMm,
  }
}

/** The design objects drawn on each chart of the sample (its landmarks come with the chart). */
export function sampleDesignObjects(view: HeadChartView): DesignObject[] {
  const marks = chartLandmarks(view)
  const glabella = marks.glabella?.[0]
  if (!glabella) return []
  if (view === 'front') {
    const hairlineY = glabella.y - mm(D.midFrontalHeightCm * 10)
    const templeX = mm(D.frontoTemporalOffsetCm * 10)
    const cx = glabella.x
    // With mirror on, the points run from the outer end toward the midline (the other half is their reflection).
    const hairline: DesignObject = {
      id: 'sample-hairline',
      kind: 'hairline',
      name: 'Hairline',
      colour: '#f59e0b',
      hidden: false,
      locked: false,
      mirror: true,
      featherMm: D.hairlineFeatherMm,
      irregularity: D.hairlineIrregularity,
      points: [
        { x: cx - templeX, y: hairlineY + mm(22) },
        { x: cx - templeX * 0.6, y: hairlineY + mm(6) },
        { x: cx - templeX * 0.25, y: hairlineY + mm(1) },
        { x: cx, y: hairlineY },
      ],
    }
    const band = zone('sample-band', 'hairline-band', 'Hairline band', '#ef4444', [
      { x: cx - templeX, y: hairlineY + mm(22) },
      { x: cx, y: hairlineY },
      { x: cx + templeX, y: hairlineY + mm(22) },
      { x: cx + templeX, y: hairlineY + mm(8) },
      { x: cx, y: hairlineY - mm(14) },
      { x: cx - templeX, y: hairlineY + mm(8) },
    ])
    const frontal = zone('sample-frontal', 'frontal', 'Frontal', '#3b82f6', [
      { x: cx - templeX, y: hairlineY + mm(8) },
      { x: cx, y: hairlineY - mm(14) },
      { x: cx + templeX, y: hairlineY + mm(8) },
      { x: cx + templeX * 0.85, y: hairlineY - mm(24) },
      { x: cx, y: hairlineY - mm(36) },
      { x: cx - templeX * 0.85, y: hairlineY - mm(24) },
    ])
    return [hairline, band, frontal]
  }
  if (view === 'top') {
    const vertex = marks.vertex?.[0] ?? glabella
    const crown = Array.from({ length: 10 }, (_, i) => {
      const a = (i / 10) * Math.PI * 2
      return { x: vertex.x + Math.cos(a) * mm(38), y: vertex.y + Math.sin(a) * mm(32) }
    })
    const midScalp = zone('sample-mid', 'mid-scalp', 'Mid-scalp', '#22c55e', [
      { x: glabella.x - mm(55), y: glabella.y + mm(70) },
      { x: glabella.x + mm(55), y: glabella.y + mm(70) },
      { x: glabella.x + mm(50), y: vertex.y - mm(34) },
      { x: glabella.x - mm(50), y: vertex.y - mm(34) },
    ])
    return [midScalp, zone('sample-crown', 'crown', 'Crown', '#a855f7', crown)]
  }
  return []
}

/** The sample's temporary plan starts this many days after the sample is made, so every session is still to come. */
export const SAMPLE_PLAN_STARTS_IN_DAYS = 7

export interface SampleStatus {
  /** The sample patient's record, or null when there is none (never made, or removed). */
  patientId: PatientId | null
}
