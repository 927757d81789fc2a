import { Fragment, useMemo } from 'react'
import { type DesignReadouts, designReadouts } from '../../../../shared/design/readouts'
import { formatQuantity } from '../../../../shared/photos/calibration'
import type { Editor } from '../../editor/editor'
import { hairlineFigures } from '../../shapes/hairline/hairline-shape'
import { ofKind, shapeOf } from '../../shapes/registry'
import type { Figure } from '../../shapes/shape'
import { areaNote, shownArea, TREATED_EXPLANATION } from '../../shapes/zone/zone-shape'
import { useEditor } from './use-editor'
import { useZoneFigures } from './use-zone-figures'

function useReadouts(editor: Editor): DesignReadouts {
  const { document, pxPerMm } = useEditor(editor, (s) => ({ document: s.document, pxPerMm: s.pxPerMm }))
  const settings = editor.defaults
  return useMemo(() => designReadouts(document, pxPerMm, settings), [document, pxPerMm, settings])
}

const count = (n: number) => n.toLocaleString('en')

function UncalibratedHint() {
  return (
    <p className="readouts__hint" role="note">
      This photo is not calibrated: sizes are in pixels and impressions cannot be estimated. Calibrate it against a
      ruler (C) below.
    </p>
  )
}

/** Figures as the lines of a description list: a muted value says why there is no figure yet. */
function Figures({ figures }: { figures: readonly Figure[] }) {
  return figures.map((figure) => (
    <Fragment key={figure.label ?? figure.value}>
      {figure.label && <dt>{figure.label}</dt>}
      {figure.tone === 'warning' ? (
        <dd className="readouts__warning" role="note">
          {figure.value}
        </dd>
      ) : (
        <dd title={figure.explanation}>
          {figure.tone === 'muted' ? <span className="readouts__muted">{figure.value}</span> : figure.value}
          {figure.detail && <span className="readouts__muted">{figure.detail}</span>}
        </dd>
      )}
    </Fragment>
  ))
}

/** The figures for one object, under its properties, from its kind. */
export function ObjectReadout({ editor, id }: { editor: Editor; id: string }) {
  const { document, pxPerMm } = useEditor(editor, (s) => ({ document: s.document, pxPerMm: s.pxPerMm }))
  const zoneFigures = useZoneFigures().figures
  const object = document.objects.find((o) => o.id === id)
  if (!object) return null
  const figures = shapeOf(object).figures(object, { document, pxPerMm, settings: editor.defaults, zoneFigures })
  if (figures.length === 0) return null
  return (
    <dl className="readouts__facts">
      <Figures figures={figures} />
    </dl>
  )
}

/**
 * The design's figures: each zone's area and impressions as the plan counts them (the treated
 * area × target density, the outline beside it where it differs) with a bar to compare them at
 * a glance, the total, the hairline and the scars. The zones' figures are counted in a worker
 * once edits pause, so they may trail an edit by a moment (`aria-busy` meanwhile).
 */
export function ReadoutsPanel({ editor }: { editor: Editor }) {
  const readouts = useReadouts(editor)
  const { figures, pending, provisional } = useZoneFigures()
  const objects = useEditor(editor, (s) => s.document.objects)
  const zones = ofKind(objects, 'zone')
  const largest = Math.max(1, ...zones.map((z) => figures?.zones.get(z.id)?.impressions ?? 0))
  const hairlines = ofKind(objects, 'hairline')
  const scars = ofKind(objects, 'scar')
  return (
    <section className="readouts" aria-label="Design figures">
      {!readouts.calibrated && <UncalibratedHint />}
      {zones.length > 0 && (
        <table className="readouts__table" aria-busy={pending || provisional}>
          <caption className="visually-hidden">Density zones</caption>
          <thead>
            <tr>
              <th scope="col">Zone</th>
              <th scope="col" title={TREATED_EXPLANATION}>
                Area
              </th>
              <th scope="col">Target</th>
              <th scope="col">Impressions</th>
            </tr>
          </thead>
          <tbody>
            {zones.map((zone) => {
              const figure = figures?.zones.get(zone.id)
              const note = figure && areaNote(figure)
              return (
                <Fragment key={zone.id}>
                  <tr>
                    <th scope="row">
                      <span className="inspector__swatch" style={{ background: zone.colour }} /> {zone.name}
                    </th>
                    <td>{figure ? shownArea(figure) : <span className="readouts__muted">counting…</span>}</td>
                    <td>{zone.density}/cm²</td>
                    <td>
                      {figure?.impressions == null ? '—' : count(figure.impressions)}
                      {figure?.impressions != null && (
                        <span
                          className="readouts__bar"
                          style={{ width: `${(figure.impressions / largest) * 100}%`, background: zone.colour }}
                          aria-hidden="true"
                        />
                      )}
                    </td>
                  </tr>
                  {note && (
                    <tr className="readouts__note">
                      <td colSpan={4}>{note}</td>
                    </tr>
                  )}
                </Fragment>
              )
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Total impressions
              </th>
              <td data-testid="total-impressions">
                {figures?.totalImpressions == null ? '—' : count(figures.totalImpressions)}
              </td>
            </tr>
          </tfoot>
        </table>
      )}
      {hairlines.map((hairline) => {
        const readout = readouts.hairlines.get(hairline.id)
        if (!readout) return null
        return (
          <dl key={hairline.id} className="readouts__facts" aria-label={hairline.name}>
            <Figures figures={hairlineFigures(readout, `${hairline.name} length`)} />
          </dl>
        )
      })}
      {scars.length > 0 && (
        <dl className="readouts__facts" aria-label="Scars">
          {scars.map((scar) => {
            const readout = readouts.scars.get(scar.id)
            const figure = readout?.area
              ? formatQuantity(readout.area)
              : readout?.length
                ? formatQuantity(readout.length)
                : '—'
            return (
              <div key={scar.id} className="readouts__pair">
                <dt>{scar.name}</dt>
                <dd>
                  {figure}
                  {readout?.dots ? ` · ${count(readout.dots)} dots` : ''}
                </dd>
              </div>
            )
          })}
        </dl>
      )}
      {zones.length === 0 && hairlines.length === 0 && scars.length === 0 && (
        <p className="panel-hint">Figures appear here as you draw zones, the hairline and scars.</p>
      )}
    </section>
  )
}
