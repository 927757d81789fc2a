import type { ClinicDetails } from '../clinic/clinic-details'
import { ageOn } from '../dates'
import type { Design } from '../design/design-types'
import { type ClinicalWarning, clinicalWarnings } from '../patients/contraindications'
import type { Patient } from '../patients/patient'
import { FITZPATRICK_TYPES, GOALS, HAIR_COLOURS, HAIR_LOSS_PATTERNS, labelOf } from '../patients/patient-fields'
import type { Photo } from '../photos/photo'
import { formatDay } from '../plan/plan-dates'
import { hairlineWarnings, planHairlines } from '../plan/plan-hairlines'
import {
  type Pigment,
  type PlanDraft,
  SESSION_STATUSES,
  type Session,
  TECHNIQUES,
  type ZoneTreatment,
} from '../plan/plan-types'
import { planZones } from '../plan/plan-zones'
import { addedDensity, chronological, sessionDensities } from '../plan/session-density'
import type { ClinicalSettings } from '../settings/clinical-defaults'
import type { Page } from './paper'
import { estimatePrice, type PriceEstimate } from './price-estimate'
import { freshDotColour, type SheetView, sheetView, viewLabel } from './sheet-view'

/** What the user chose for a sheet. */
export interface SheetOptions extends Page {
  /** The designs (one per photo, so one per view) shown, in this order. */
  designIds: string[]
  /** The sessions of the plan the sheet presents. */
  sessionIds: string[]
}

/** Everything a sheet is made from. */
export interface SheetSource {
  patient: Patient
  photos: readonly Photo[]
  designs: readonly Design[]
  draft: PlanDraft
  pigments: readonly Pigment[]
  settings: ClinicalSettings
  clinic: ClinicDetails
  /** The sheet's date, `YYYY-MM-DD`. */
  today: string
}

export interface SheetSessionZone {
  name: string
  /** "+45/cm²". */
  added: string
  impressions: number | null
  /** The zone's own needle, pigment and mix where they differ from the session's: "1RL · 0.25 mm, 60% water"; else null. */
  tools: string | null
}

export interface SheetSession {
  id: string
  /** Its place in the whole plan, as the plan names it. */
  number: number
  /** The user's name for the session; empty when it has none. */
  name: string
  date: string
  time: string
  status: string
  pigment: { name: string; colour: string } | null
  /** The ink's lot and expiry, for tracing it: "Lot 24-117 · expires 3 Mar 2027", or "Lot not recorded". */
  lot: string
  needle: string
  zones: SheetSessionZone[]
}

export interface SheetModel {
  page: Page
  date: string
  clinic: {
    name: string
    addressLines: string[]
    /** Phone, email and website, those given. */
    contact: string[]
    logo: string | null
  }
  patient: {
    name: string
    /** Label and value, in the order printed. */
    facts: [string, string][]
    warnings: ClinicalWarning[]
  }
  technique: string
  views: SheetView[]
  sessions: SheetSession[]
  estimate: PriceEstimate
  aftercare: string[]
  consent: string
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

function birth(dateOfBirth: string | null, today: string): string {
  return dateOfBirth ? `${formatDay(dateOfBirth)} (age ${ageOn(dateOfBirth, today)})` : 'Not recorded'
}

/**
 * The content of a design sheet, from the patient's record, designs and plan and the user's
 * choices. Only what is printed is taken from the record: no phone, email, notes or medical
 * history beyond the warnings the practitioner must see, so nothing else can reach the file.
 */
/** "Lot 24-117 · expires 3 Mar 2027": what traces the ink put in the skin. */
function lotText(session: Session): string {
  const lot = session.pigmentLot.trim()
  const expiry = session.pigmentExpires ? `expires ${formatDay(session.pigmentExpires)}` : null
  if (!lot && !expiry) return 'Lot not recorded'
  return [lot ? `Lot ${lot}` : 'Lot not recorded', expiry].filter(Boolean).join(' · ')
}

/** A zone's own needle, pigment and mix, where they differ from the session's. */
function zoneTools(treatment: ZoneTreatment, pigments: readonly Pigment[]): string | null {
  const parts = [
    treatment.needle && `${treatment.needle.config} · ${treatment.needle.diameterMm} mm`,
    treatment.pigmentId &&
      (pigments.find((p) => p.id === treatment.pigmentId)?.name ?? 'a pigment not in the catalogue'),
    treatment.dilution !== undefined && `${Math.round(treatment.dilution * 100)}% water`,
  ].filter(Boolean)
  return parts.length > 0 ? parts.join(', ') : null
}

export function buildSheet(source: SheetSource, options: SheetOptions): SheetModel {
  const { patient, photos, designs, draft, pigments, settings, clinic, today } = source
  const chosenSessions = new Set(options.sessionIds)
  const photoById = new Map(photos.map((p) => [p.id, p]))
  const chosenDesigns = options.designIds.flatMap((id) => {
    const design = designs.find((d) => d.id === id)
    const photo = design && photoById.get(design.photoId)
    return design && photo ? [{ design, photo }] : []
  })
  const views = chosenDesigns.map(({ design, photo }) =>
    sheetView(design, photo, draft.sessions, chosenSessions, pigments),
  )

  const zones = planZones(designs, photos)
  const zoneByKey = new Map(zones.map((z) => [z.key, z]))
  const manyViews = new Set(zones.map((z) => z.designId)).size > 1
  const viewOf = new Map(designs.map((d) => [d.id, photoById.get(d.photoId)]))
  const densities = sessionDensities(draft, zones, settings)
  const ordered = chronological(draft.sessions)
  const sessions: SheetSession[] = ordered.flatMap((session, index) => {
    if (!chosenSessions.has(session.id)) return []
    const pigment = pigments.find((p) => p.id === session.pigmentId)
    return [
      {
        id: session.id,
        number: index + 1,
        name: session.name.trim(),
        date: formatDay(session.startsAt),
        time: session.startsAt.slice(11, 16),
        status: SESSION_STATUSES.find((s) => s.value === session.status)?.label ?? session.status,
        pigment: pigment ? { name: pigment.name, colour: freshDotColour(pigment) } : null,
        lot: lotText(session),
        needle: `${session.needle.config} · ${session.needle.diameterMm} mm`,
        zones: session.treatments.flatMap((t) => {
          const zone = zoneByKey.get(`${t.designId}:${t.zoneId}`)
          if (!zone) return []
          const photo = viewOf.get(t.designId)
          const row = densities.find((d) => d.sessionId === session.id && d.zoneKey === zone.key)
          return [
            {
              name: manyViews && photo ? `${zone.name} (${viewLabel(photo).toLowerCase()})` : zone.name,
              added: `+${Math.round(addedDensity(t.amount, zone.targetDensity))}/cm²`,
              impressions: session.status === 'skipped' ? null : (row?.impressions ?? null),
              tools: zoneTools(t, pigments),
            },
          ]
        }),
      },
    ]
  })

  // The estimate prices what the sheet shows: the zones its sessions treat in its views, and its views' scars.
  const shownDesigns = new Set(chosenDesigns.map(({ design }) => design.id))
  const treated = new Set(
    ordered
      .filter((s) => chosenSessions.has(s.id) && s.status !== 'skipped')
      .flatMap((s) => s.treatments.map((t) => `${t.designId}:${t.zoneId}`)),
  )
  const treatedZones = zones.filter((z) => treated.has(z.key) && shownDesigns.has(z.designId))
  const scars = chosenDesigns.reduce(
    (n, { design }) => n + design.document.objects.filter((o) => o.kind === 'scar' && !o.hidden).length,
    0,
  )
  const estimate = estimatePrice(settings.pricing, {
    treatedAreaCm2: treatedZones.reduce((sum, z) => sum + (z.areaCm2 ?? 0), 0),
    unmeasuredZones: treatedZones.filter((z) => z.areaCm2 === null).length,
    scars,
  })

  return {
    page: { paper: options.paper, orientation: options.orientation },
    date: formatDay(today),
    clinic: {
      name: clinic.name,
      addressLines: lines(clinic.address),
      contact: [clinic.phone, clinic.email, clinic.website].map((c) => c.trim()).filter(Boolean),
      logo: clinic.logo,
    },
    patient: {
      name: patient.fullName,
      facts: [
        ['Date of birth', birth(patient.dateOfBirth, today)],
        [
          'Skin type',
          patient.fitzpatrick ? `Fitzpatrick ${labelOf(FITZPATRICK_TYPES, patient.fitzpatrick)}` : 'Not recorded',
        ],
        ['Natural hair colour', labelOf(HAIR_COLOURS, patient.hairColour)],
        ['Hair-loss pattern', labelOf(HAIR_LOSS_PATTERNS, patient.hairLossPattern)],
        ['Goals', patient.goals.map((g) => labelOf(GOALS, g)).join(', ') || 'Not recorded'],
      ],
      // A hairline drawn too low for the patient stands beside the contraindications.
      warnings: [
        ...clinicalWarnings(patient.medical),
        ...hairlineWarnings(
          planHairlines(
            chosenDesigns.map(({ design }) => design),
            photos,
            settings,
          ),
          patient,
          today,
          settings,
        ).map(({ level, title, detail }) => ({ level, title, detail })),
      ],
    },
    technique: TECHNIQUES.find((t) => t.value === draft.technique)?.label ?? draft.technique,
    views,
    sessions,
    estimate,
    aftercare: lines(clinic.aftercare),
    consent: clinic.consent.trim(),
  }
}

/** The sessions and designs a new sheet starts with: every view that has a design, every session. */
export function defaultSheetOptions(designs: readonly Design[], draft: PlanDraft, page: Page): SheetOptions {
  return {
    ...page,
    designIds: designs.filter((d) => d.document.objects.some((o) => !o.hidden)).map((d) => d.id),
    sessionIds: chronological(draft.sessions).map((s) => s.id),
  }
}
