import { useState } from 'react'
import type { AppInfo } from '../../../../shared/bridge/contract'
import { localToday } from '../../../../shared/dates'
import type { Design } from '../../../../shared/design/design-types'
import { PNG_RESOLUTIONS, type PngResolution, pngSize } from '../../../../shared/sheets/png-resolution'
import { type SheetView, viewLabel } from '../../../../shared/sheets/sheet-view'
import { errorMessage } from '../../bridge/bridge-client'
import { useBridge } from '../../bridge/bridge-context'
import { Banner } from '../../ui/Banner'
import { Field } from '../../ui/Field'
import { OptionSelect } from '../../ui/OptionSelect'
import { savePng, viewFileName } from './sheet-export'
import { type PlanWorldPart, sheetPigment, viewRequest } from './view-requests'

/** Lines and labels of a PNG are sized for a drawing this many units on its long side. */
const OVERLAY_LONG_SIDE = 900

/** One of the sheet's views, with its design and the chosen sessions' layers, saved as a PNG. */
export function ViewPngExport(props: {
  shell: AppInfo['shell']
  patientName: string
  views: readonly SheetView[]
  designs: readonly Design[]
  chosen: readonly string[]
  plan: PlanWorldPart
}) {
  const bridge = useBridge()
  const [picked, setPicked] = useState<string | null>(null)
  const [resolution, setResolution] = useState<PngResolution>('photo')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ tone: 'info' | 'error'; text: string } | null>(null)
  const options = props.views.map((v) => ({ value: v.designId, label: `${viewLabel(v.photo)} view` }))
  const view = props.views.find((v) => v.designId === picked) ?? props.views[0]
  if (!view) return null
  const size = pngSize(resolution, view.photo)

  async function save() {
    const design = view && props.designs.find((d) => d.id === view.designId)
    if (!view || !design) return
    setBusy(true)
    setOutcome(null)
    try {
      const pigment = sheetPigment(view, design, new Set(props.chosen), props.plan)
      const overlayWidth = (OVERLAY_LONG_SIDE * size.width) / Math.max(size.width, size.height)
      const request = viewRequest(bridge, view, design, pigment, size, overlayWidth)
      const name = viewFileName(props.patientName, `${viewLabel(view.photo)} view`, localToday())
      const saved = await savePng(bridge, props.shell, request, name)
      if (saved) setOutcome({ tone: 'info', text: `${props.shell === 'desktop' ? 'Saved' : 'Downloaded'} ${saved}.` })
    } catch (error) {
      setOutcome({ tone: 'error', text: errorMessage(error) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <fieldset className="option-group">
      <legend>One view as PNG</legend>
      {options.length > 1 && (
        <Field id="sheet-png-view" label="View">
          {(control) => <OptionSelect {...control} options={options} value={view.designId} onChange={setPicked} />}
        </Field>
      )}
      <Field id="sheet-png-resolution" label="Resolution">
        {(control) => (
          <OptionSelect {...control} options={PNG_RESOLUTIONS} value={resolution} onChange={setResolution} />
        )}
      </Field>
      <p className="field__hint">
        {size.width} × {size.height} px, with the design and the chosen sessions’ layers.
      </p>
      <button type="button" className="button" disabled={busy} onClick={() => void save()}>
        {busy ? 'Drawing the PNG…' : 'Export PNG…'}
      </button>
      {outcome && (
        <Banner tone={outcome.tone} title={outcome.tone === 'error' ? 'Not exported' : 'Exported'}>
          <p>{outcome.text}</p>
        </Banner>
      )}
    </fieldset>
  )
}
