import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { HeadChartView } from '../../../shared/charts/head-chart'
import type { Design } from '../../../shared/design/design-types'
import type { PatientId } from '../../../shared/patients/patient'
import { planZones } from '../../../shared/plan/plan-zones'
import { applyTemplate } from '../../../shared/plan/protocols'
import {
  SAMPLE_PATIENT_FIELDS,
  SAMPLE_PLAN_STARTS_IN_DAYS,
  SAMPLE_REVIEW_COMMENTS,
  type SampleStatus,
  sampleDesignObjects,
} from '../../../shared/sample/sample-patient'
import type { ChartService } from '../charts/chart-service'
import type { CommentService } from '../comments/comment-service'
import type { DesignService } from '../designs/design-service'
import type { PatientService } from '../patients/patient-service'
import type { PhotoService } from '../photos/photo-service'
import type { PigmentService } from '../pigments/pigment-service'
import type { PlanService } from '../plans/plan-service'
import type { SettingsService } from '../settings/settings-service'

export interface SampleService {
  status(): SampleStatus
  /** The sample patient, made on first use (or again after a removal). */
  open(): Promise<SampleStatus & { patientId: PatientId }>
  /**
   * Removes the sample patient and everything of it, its history too: that is kept outside the
   * hash-chained trail (see `createAuditLog`), so the real patients' chain still verifies.
   */
  remove(): Promise<SampleStatus>
}

const pad = (n: number) => String(n).padStart(2, '0')
const wallClockMinute = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`

const SAMPLE_VIEWS: readonly HeadChartView[] = ['front', 'top']

export function createSampleService(
  db: Database,
  deps: {
    patients: PatientService
    photos: PhotoService
    designs: DesignService
    charts: ChartService
    plans: PlanService
    pigments: PigmentService
    settings: SettingsService
    comments: CommentService
  },
  now: () => Date = () => new Date(),
): SampleService {
  const sampleRow = db.prepare<[], { id: string }>('SELECT id FROM patients WHERE sample = 1 LIMIT 1')
  const deleteRows = db.transaction((patientId: string) => {
    for (const sql of [
      'DELETE FROM sessions WHERE patient_id = ?',
      'DELETE FROM treatment_plans WHERE patient_id = ?',
      'DELETE FROM designs WHERE patient_id = ?',
    ])
      db.prepare(sql).run(patientId)
  })
  const deletePatient = db.transaction((patientId: string) => {
    if (db.prepare<[string]>('DELETE FROM patients WHERE id = ? AND sample = 1').run(patientId).changes === 0) return
    db.prepare<[string]>('DELETE FROM sample_audit_log WHERE patient_id = ?').run(patientId)
  })

  const status = (): SampleStatus => ({ patientId: sampleRow.get()?.id ?? null })

  async function removeSample(patientId: string) {
    deleteRows.immediate(patientId)
    for (const photo of deps.photos.list(patientId)) await deps.photos.remove(photo.id)
    deletePatient.immediate(patientId)
  }

  async function build(): Promise<PatientId> {
    const patient = deps.patients.create(SAMPLE_PATIENT_FIELDS, 'sample')
    try {
      const designs: Design[] = []
      for (const view of SAMPLE_VIEWS) {
        const chart = await deps.charts.add(patient.id, view)
        const design = deps.designs.forPhoto(chart.id)
        if (!design) continue
        const objects = sampleDesignObjects(view)
        const saved = deps.designs.save(chart.id, design.revision, {
          ...design.document,
          objects: [...design.document.objects, ...objects],
        })
        designs.push(saved)
        const zone = objects.find((o) => o.kind === 'zone')
        const comment = SAMPLE_REVIEW_COMMENTS[view]
        if (zone?.points[0] && comment) deps.comments.add({ designId: saved.id, at: zone.points[0], ...comment })
      }
      const { settings } = deps.settings.get()
      // The sample follows the user's own temporary protocol, so its plan reads as theirs would.
      const today = now()
      const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() + SAMPLE_PLAN_STARTS_IN_DAYS, 10, 0)
      const template = settings.protocols.temporary
      const sessions = applyTemplate(template, {
        start: wallClockMinute(start),
        zones: planZones(designs, deps.photos.list(patient.id)),
        pigmentId: 'trico-dark-brown',
        needle: settings.needle,
        practitioner: 'Sample artist',
        pigments: deps.pigments.list(true),
        settings,
        newId: randomUUID,
      })
      deps.plans.save(patient.id, 0, { technique: 'temporary', sessions })
      return patient.id
    } catch (error) {
      await removeSample(patient.id)
      throw error
    }
  }

  let building: Promise<PatientId> | null = null

  return {
    status,
    async open() {
      const existing = status().patientId
      if (existing) return { patientId: existing }
      building ??= build().finally(() => {
        building = null
      })
      return { patientId: await building }
    },
    async remove() {
      const existing = status().patientId
      if (existing) await removeSample(existing)
      return status()
    },
  }
}
