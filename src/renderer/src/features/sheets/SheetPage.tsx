import { type CSSProperties, type ReactNode, useEffect, useMemo, useRef, useState } from 'react'
import type { AppInfo } from '../../../../shared/bridge/contract'
import type { ClinicDetails } from '../../../../shared/clinic/clinic-details'
import { localToday } from '../../../../shared/dates'
import type { Patient } from '../../../../shared/patients/patient'
import type { PlanDraft } from '../../../../shared/plan/plan-types'
import { PAPER_SIZES, type PaperSize, PX_PER_MM } from '../../../../shared/sheets/paper'
import { figureSize, sheetFrame } from '../../../../shared/sheets/sheet-layout'
import { buildSheet, defaultSheetOptions, type SheetOptions } from '../../../../shared/sheets/sheet-model'
import { errorMessage } from '../../bridge/bridge-client'
import { useBridge } from '../../bridge/bridge-context'
import { Banner } from '../../ui/Banner'
import { Loading } from '../../ui/Loading'
import { useArrivalFocus } from '../../ui/use-arrival-focus'
import { usePlan, usePlanActions } from '../plan/plan-context'
import type { PlanWorld } from '../plan/plan-world'
import { SheetDocument } from './SheetDocument'
import { SheetOptionsPanel } from './SheetOptionsPanel'
import { savePdf, sheetFileName } from './sheet-export'
import { useClinicDetails } from './use-clinic-details'
import { useViewImages } from './use-view-images'
import { ViewPngExport } from './ViewPngExport'
import { requestKey, sheetPigment, viewRequest } from './view-requests'
import './sheets.css'

/** Space between pages in the preview, px. */
const PREVIEW_GAP = 24

/** Letter where the locale's printers hold it, A4 everywhere else. */
function localPaper(): PaperSize {
  return /-(US|CA|MX|PH|CL|CO|VE)$/i.test(navigator.language) ? 'letter' : 'a4'
}

/**
 * The printed file's title is the page's: neutral while the sheet is open, so no patient's name
 * is written into the PDF's metadata.
 */
function useNeutralTitle() {
  useEffect(() => {
    const before = document.title
    document.title = 'Design sheet'
    return () => {
      document.title = before
    }
  }, [])
}

/** A patient's design sheet: what goes on it, and a true-size preview of what prints. */
export function SheetPage({ patient, onClose }: { patient: Patient; onClose(): void }) {
  const status = usePlan((s) => s.status)
  const message = usePlan((s) => s.message)
  const world = usePlan((s) => s.world)
  const draft = usePlan((s) => s.draft)
  const { refreshWorld } = usePlanActions()
  const clinic = useClinicDetails()
  const [fresh, setFresh] = useState(false)
  useNeutralTitle()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const ready = !!world && fresh && clinic.load.status === 'ready'
  useArrivalFocus(headingRef, ready || status === 'error' || clinic.load.status === 'error')
  // Designs drawn since the plan was loaded belong on the sheet too, chosen from the start.
  useEffect(() => {
    void refreshWorld().finally(() => setFresh(true))
  }, [refreshWorld])

  const header = (
    <header className="page-header sheet-screen__header">
      <div>
        <h1 className="page-title" ref={headingRef} tabIndex={-1}>
          Design sheet
        </h1>
        <p className="page-subtitle">{patient.fullName}</p>
      </div>
      <div className="page-actions">
        <button type="button" className="button" onClick={onClose}>
          Back to record
        </button>
      </div>
    </header>
  )
  if (status === 'error' || clinic.load.status === 'error')
    return (
      <div className="page-pad sheet-screen__message">
        {header}
        <Banner tone="error" title="The design sheet could not be prepared">
          <p>{status === 'error' ? message : clinic.load.status === 'error' && clinic.load.message}</p>
        </Banner>
      </div>
    )
  if (!ready || !world || clinic.load.status !== 'ready') return <Loading>Preparing the design sheet…</Loading>
  return <SheetWorkspace patient={patient} world={world} draft={draft} clinic={clinic.load.details} header={header} />
}

function SheetWorkspace(props: {
  patient: Patient
  world: PlanWorld
  draft: PlanDraft
  clinic: ClinicDetails
  header: ReactNode
}) {
  const { patient, world, draft, clinic } = props
  const bridge = useBridge()
  const [shell, setShell] = useState<AppInfo['shell'] | null>(null)
  const [options, setOptions] = useState<SheetOptions>(() =>
    defaultSheetOptions(world.designs, draft, { paper: localPaper(), orientation: 'portrait' }),
  )
  const [pageCount, setPageCount] = useState(0)
  const [exporting, setExporting] = useState(false)
  const [outcome, setOutcome] = useState<{ tone: 'info' | 'error'; text: string } | null>(null)
  const today = localToday()

  useEffect(() => {
    bridge.call('app.info', {}).then(
      (info) => setShell(info.shell),
      () => setShell('web'),
    )
  }, [bridge])

  const model = useMemo(
    () =>
      buildSheet(
        {
          patient,
          photos: world.photos,
          designs: world.designs,
          draft,
          pigments: world.pigments,
          settings: world.settings,
          clinic,
          today,
        },
        options,
      ),
    [patient, world, draft, clinic, today, options],
  )
  const frame = useMemo(
    () => sheetFrame({ paper: options.paper, orientation: options.orientation }),
    [options.paper, options.orientation],
  )
  const figures = useMemo(() => {
    const chosen = new Set(options.sessionIds)
    return model.views.flatMap((view) => {
      const design = world.designs.find((d) => d.id === view.designId)
      if (!design) return []
      const size = figureSize(frame, view.photo)
      const pigment = sheetPigment(view, design, chosen, { draft, pigments: world.pigments, settings: world.settings })
      const output = { width: size.widthPx, height: size.heightPx }
      const request = viewRequest(bridge, view, design, pigment, output, size.widthMm * PX_PER_MM)
      return [{ key: requestKey(request), size, request }]
    })
  }, [model, world, draft, options.sessionIds, frame, bridge])
  const requests = useMemo(() => new Map(figures.map((f) => [f.key, f.request])), [figures])
  const images = useViewImages(requests)
  const drawn = figures.filter((f) => images.get(f.key)?.status === 'ready').length
  const failed = figures.some((f) => images.get(f.key)?.status === 'error')
  const ready = drawn === figures.length && pageCount > 0
  const context = useMemo(() => ({ model, images, figures }), [model, images, figures])

  async function exportSheet() {
    setOutcome(null)
    if (shell !== 'desktop') {
      // The browser's own print dialog prints this very view; "Save as PDF" is one of its printers.
      window.print()
      return
    }
    setExporting(true)
    try {
      const saved = await savePdf(bridge, model.page, sheetFileName(patient.fullName, today))
      if (saved) setOutcome({ tone: 'info', text: `Saved ${saved}.` })
    } catch (error) {
      setOutcome({ tone: 'error', text: errorMessage(error) })
    } finally {
      setExporting(false)
    }
  }

  const progress = !ready
    ? failed
      ? 'A view could not be drawn; see the preview.'
      : `Drawing views: ${drawn} of ${figures.length}…`
    : `${pageCount} page${pageCount === 1 ? '' : 's'}, ${PAPER_SIZES.find((p) => p.value === options.paper)?.label} ${options.orientation}`

  return (
    <div className="sheet-screen">
      {props.header}
      <div className="sheet-screen__body">
        <aside className="sheet-options" aria-label="Sheet options">
          <SheetOptionsPanel
            options={options}
            onChange={setOptions}
            designs={world.designs}
            photos={world.photos}
            sessions={draft.sessions}
          />
          <fieldset className="option-group">
            <legend>Export</legend>
            <p className="status-line" role="status">
              {!ready && !failed && <span className="spinner" aria-hidden="true" />} {progress}
            </p>
            <button
              type="button"
              className="button button--primary"
              disabled={!ready || exporting || shell === null}
              onClick={() => void exportSheet()}
            >
              {shell === 'desktop' ? (exporting ? 'Saving PDF…' : 'Save PDF…') : 'Print / Save as PDF…'}
            </button>
            {outcome && (
              <Banner tone={outcome.tone} title={outcome.tone === 'error' ? 'Not saved' : 'Saved'}>
                <p>{outcome.text}</p>
              </Banner>
            )}
            {!clinic.name && (
              <p className="field__hint">
                Add your clinic’s name, address and logo in Settings, under Clinic and sheets: they head every sheet.
              </p>
            )}
          </fieldset>
          {shell && (
            <ViewPngExport
              shell={shell}
              patientName={patient.fullName}
              views={model.views}
              designs={world.designs}
              chosen={options.sessionIds}
              plan={{ draft, pigments: world.pigments, settings: world.settings }}
            />
          )}
        </aside>
        <SheetPreview pageWidthMm={frame.page.width} pageHeightMm={frame.page.height} pages={pageCount}>
          <SheetDocument context={context} onPages={setPageCount} />
        </SheetPreview>
      </div>
    </div>
  )
}

/**
 * The pages scaled to the space there is, drawn at true size underneath so the preview is the
 * print. The scale is set as CSS variables used on screen only: printing sees the pages unscaled.
 */
function SheetPreview(props: { pageWidthMm: number; pageHeightMm: number; pages: number; children: ReactNode }) {
  const holder = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(0)
  useEffect(() => {
    const element = holder.current
    if (!element) return
    const observer = new ResizeObserver(([entry]) => entry && setWidth(entry.contentRect.width))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  const pageWidth = props.pageWidthMm * PX_PER_MM
  const pageHeight = props.pageHeightMm * PX_PER_MM
  const scale = width > 0 ? Math.min(1, width / pageWidth) : 1
  const total = props.pages * pageHeight + Math.max(0, props.pages - 1) * PREVIEW_GAP
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the preview scrolls, and a keyboard user scrolls it from its focus.
    <section className="sheet-preview" aria-label="Preview" tabIndex={0}>
      <div ref={holder} className="sheet-preview__fit">
        <div
          className="sheet-preview__sizer"
          style={
            {
              '--sheet-preview-width': `${pageWidth * scale}px`,
              '--sheet-preview-height': `${total * scale}px`,
              '--sheet-preview-scale': scale,
              '--sheet-page-width': `${pageWidth}px`,
            } as CSSProperties
          }
        >
          <div className="sheet-preview__scaler">{props.children}</div>
        </div>
      </div>
    </section>
  )
}
