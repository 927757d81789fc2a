import type { ReactNode } from 'react'
import type { Placement } from '../../../../shared/sheets/paginate'
import { formatRange } from '../../../../shared/sheets/price-estimate'
import type { SheetBlock } from '../../../../shared/sheets/sheet-blocks'
import type { FigureSize } from '../../../../shared/sheets/sheet-layout'
import type { SheetModel } from '../../../../shared/sheets/sheet-model'
import type { LegendEntry, SheetView } from '../../../../shared/sheets/sheet-view'
import type { ViewImage } from './use-view-images'

/** Rows `from`–`to` of a block, or all of them when it is measured or fits whole. */
type Rows = { from: number; to: number } | undefined
const slice = <T,>(items: readonly T[], rows: Rows) => (rows ? items.slice(rows.from, rows.to) : items)

function BlockTitle({ children, continued }: { children: ReactNode; continued?: boolean }) {
  return (
    <h2 className="sheet-title">
      {children}
      {continued && <span className="sheet-title__more"> (continued)</span>}
    </h2>
  )
}

function Header({ model }: { model: SheetModel }) {
  const { clinic } = model
  return (
    <header className="sheet-header">
      {clinic.logo && <img className="sheet-header__logo" src={clinic.logo} alt="" />}
      <div className="sheet-header__clinic">
        {clinic.name && <p className="sheet-header__name">{clinic.name}</p>}
        {clinic.addressLines.length > 0 && <p>{clinic.addressLines.join(' · ')}</p>}
        {clinic.contact.length > 0 && <p>{clinic.contact.join(' · ')}</p>}
      </div>
      <div className="sheet-header__title">
        <p className="sheet-header__kind">Design sheet</p>
        <p>{model.date}</p>
      </div>
    </header>
  )
}

function PatientBlock({ model }: { model: SheetModel }) {
  const { patient } = model
  return (
    <section className="sheet-patient">
      <div className="sheet-patient__top">
        <p className="sheet-patient__name">{patient.name}</p>
        <p className="sheet-patient__technique">{model.technique}</p>
      </div>
      <dl className="sheet-facts">
        {patient.facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {patient.warnings.map((w) => (
        <div key={w.title} className={`sheet-warning sheet-warning--${w.level}`}>
          <p className="sheet-warning__title">{w.title}</p>
          <p>{w.detail}</p>
        </div>
      ))}
    </section>
  )
}

function Swatch({ entry }: { entry: Pick<LegendEntry, 'kind' | 'colour'> }) {
  return (
    <span className={`sheet-swatch sheet-swatch--${entry.kind}`} style={{ color: entry.colour }} aria-hidden="true" />
  )
}

function ViewBlock({ view, image, size }: { view: SheetView; image: ViewImage | undefined; size: FigureSize }) {
  const box = { width: `${size.widthMm}mm`, height: `${size.heightMm}mm` }
  return (
    <section className={size.sideLegend ? 'sheet-view sheet-view--side' : 'sheet-view'}>
      <BlockTitle>{view.title}</BlockTitle>
      <div className="sheet-view__figure" style={box}>
        {image?.status === 'ready' ? (
          <img src={image.url} alt={`${view.title} with the design and the chosen sessions`} style={box} />
        ) : (
          <p className="sheet-view__pending">
            {image?.status === 'error' ? `This view could not be drawn: ${image.message}` : 'Drawing the view…'}
          </p>
        )}
      </div>
      {!view.scaleBar && <p className="sheet-note">Not to scale: this photo is not calibrated.</p>}
      {view.legend.length > 0 && (
        <ul className="sheet-legend" aria-label="Legend">
          {view.legend.map((entry) => (
            <li key={`${entry.kind}:${entry.label}`}>
              <Swatch entry={entry} />
              {entry.label}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function MeasurementsBlock({ view, rows, continued }: { view: SheetView; rows: Rows; continued: boolean }) {
  return (
    <section className="sheet-table-block">
      <BlockTitle continued={continued}>{view.title.split(' · ')[0]}: measurements</BlockTitle>
      <table className="sheet-table sheet-table--measurements">
        <colgroup>
          <col className="sheet-col-what" />
          <col />
        </colgroup>
        <tbody>
          {slice(view.measurements, rows).map((row) => (
            <tr key={row.label} data-row="">
              <th scope="row">
                {row.colour && <Swatch entry={{ kind: 'zone', colour: row.colour }} />}
                {row.label}
              </th>
              <td>{row.figures}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function SessionsBlock({ model, rows, continued }: { model: SheetModel; rows: Rows; continued: boolean }) {
  const count = model.sessions.length
  return (
    <section className="sheet-table-block">
      <BlockTitle continued={continued}>
        Treatment plan · {model.technique} · {count} session{count === 1 ? '' : 's'}
      </BlockTitle>
      <table className="sheet-table sheet-table--sessions">
        <colgroup>
          <col className="sheet-col-session" />
          <col className="sheet-col-date" />
          <col className="sheet-col-pigment" />
          <col className="sheet-col-needle" />
          <col />
          <col className="sheet-col-status" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">Date</th>
            <th scope="col">Pigment</th>
            <th scope="col">Needle</th>
            <th scope="col">Density added</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {slice(model.sessions, rows).map((s) => (
            <tr key={s.id} data-row="">
              <td>{s.number}</td>
              <td>
                {s.date}
                <span className="sheet-muted"> {s.time}</span>
                {s.name && <span className="sheet-zone-line">{s.name}</span>}
              </td>
              <td>
                {s.pigment ? (
                  <>
                    <Swatch entry={{ kind: 'layer', colour: s.pigment.colour }} />
                    {s.pigment.name}
                  </>
                ) : (
                  'Not chosen'
                )}
                <span className="sheet-zone-line sheet-muted">{s.lot}</span>
              </td>
              <td>{s.needle}</td>
              <td>
                {s.zones.length === 0
                  ? 'No zones'
                  : s.zones.map((z) => (
                      <span key={z.name} className="sheet-zone-line">
                        {z.name} {z.added}
                        {z.impressions !== null && (
                          <span className="sheet-muted"> · {z.impressions.toLocaleString('en')} impressions</span>
                        )}
                        {z.tools && <span className="sheet-muted"> · {z.tools}</span>}
                      </span>
                    ))}
              </td>
              <td>{s.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function EstimateBlock({ model }: { model: SheetModel }) {
  const { estimate } = model
  const { basis } = estimate
  const area = `${basis.treatedAreaCm2.toLocaleString('en', { maximumFractionDigits: 1 })} cm² treated`
  const scars = basis.scars === 0 ? 'no scars' : `${basis.scars} scar${basis.scars === 1 ? '' : 's'}`
  return (
    <section className="sheet-estimate">
      <BlockTitle>Cost estimate</BlockTitle>
      <p className="sheet-estimate__range">{formatRange(estimate)}</p>
      <p className="sheet-muted">
        Based on {area} and {scars}.
        {basis.unmeasuredZones > 0 &&
          ` ${basis.unmeasuredZones} treated zone${basis.unmeasuredZones === 1 ? ' is' : 's are'} on an uncalibrated photo and not counted.`}
        {estimate.held &&
          ` Held within the clinic’s usual range of ${formatRange({ ...estimate, low: estimate.limits.minimum, high: estimate.limits.maximum })}.`}{' '}
        An estimate for planning, not a quote.
      </p>
    </section>
  )
}

function AftercareBlock({ model, rows, continued }: { model: SheetModel; rows: Rows; continued: boolean }) {
  return (
    <section className="sheet-table-block">
      <BlockTitle continued={continued}>Aftercare</BlockTitle>
      <ul className="sheet-aftercare">
        {slice(model.aftercare, rows).map((line) => (
          <li key={line} data-row="">
            {line}
          </li>
        ))}
      </ul>
    </section>
  )
}

function ConsentBlock({ model }: { model: SheetModel }) {
  return (
    <section className="sheet-consent">
      <BlockTitle>Consent</BlockTitle>
      {model.consent && <p>{model.consent}</p>}
      <div className="sheet-signatures">
        {[`Patient: ${model.patient.name}`, 'Practitioner'].map((who) => (
          <div key={who} className="sheet-signature">
            <div className="sheet-signature__line" />
            <p>
              <span>Signature · {who}</span>
              <span>Date</span>
            </p>
          </div>
        ))}
      </div>
    </section>
  )
}

export interface BlockContext {
  model: SheetModel
  images: ReadonlyMap<string, ViewImage>
  /** Each view's picture key and its size on the page. */
  figures: readonly { key: string; size: FigureSize }[]
}

/** One block of the sheet, whole or the rows a placement gives it. */
export function SheetBlockView({
  block,
  placement,
  context,
}: {
  block: SheetBlock
  placement?: Placement
  context: BlockContext
}) {
  const { model } = context
  const rows = placement?.rows
  const continued = placement?.continued ?? false
  const content = (() => {
    switch (block.kind) {
      case 'header':
        return <Header model={model} />
      case 'patient':
        return <PatientBlock model={model} />
      case 'view': {
        const figure = context.figures[block.view]
        const view = model.views[block.view]
        return view && figure ? (
          <ViewBlock view={view} image={context.images.get(figure.key)} size={figure.size} />
        ) : null
      }
      case 'measurements': {
        const view = model.views[block.view]
        return view ? <MeasurementsBlock view={view} rows={rows} continued={continued} /> : null
      }
      case 'sessions':
        return <SessionsBlock model={model} rows={rows} continued={continued} />
      case 'estimate':
        return <EstimateBlock model={model} />
      case 'aftercare':
        return <AftercareBlock model={model} rows={rows} continued={continued} />
      case 'consent':
        return <ConsentBlock model={model} />
    }
  })()
  const scale = placement?.scale ?? 1
  return (
    <div className="sheet-block" data-block={block.id} style={scale < 1 ? { zoom: scale } : undefined}>
      {content}
    </div>
  )
}
