import { useMemo } from 'react'
import {
  type DesignReadouts,
  designReadouts,
  type HairlineReadout,
  HEIGHT_EXPLANATION,
} from '../../../../shared/design/readouts'
import { formatQuantity } from '../../../../shared/photos/calibration'
import type { Editor } from '../../editor/editor'
import { useEditor } from './use-editor'

function useReadouts(editor: Editor): DesignReadouts {
  const { document, pxPerMm } = useEditor(editor, (s) => ({ document: s.document, pxPerMm: s.pxPerMm }))
  return useMemo(() => designReadouts(document, pxPerMm), [document, pxPerMm])
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

/** A hairline's length and height, or why the height cannot be found yet. */
function HairlineFacts({ readout, lengthLabel }: { readout: HairlineReadout; lengthLabel: string }) {
  return (
    <>
      <dt>{lengthLabel}</dt>
      <dd>{formatQuantity(readout.length)}</dd>
      <dt>Height above glabella</dt>
      <dd title={HEIGHT_EXPLANATION}>
        {readout.height ? (
          readout.tapeHeight ? (
            <>
              {formatQuantity(readout.tapeHeight)} over the forehead (tape)
              <span className="readouts__muted"> · {formatQuantity(readout.height)} flat on the photo</span>
            </>
          ) : (
            formatQuantity(readout.height)
          )
        ) : (
          <span className="readouts__muted">{readout.heightHint}</span>
        )}
      </dd>
      {readout.lowHint && (
        <dd className="readouts__warning" role="note">
          {readout.lowHint}
        </dd>
      )}
    </>
  )
}

/** The figures for one object, under its properties. */
export function ObjectReadout({ editor, id }: { editor: Editor; id: string }) {
  const readouts = useReadouts(editor)
  const zone = readouts.zones.get(id)
  const scar = readouts.scars.get(id)
  const hairline = readouts.hairlines.get(id)
  if (!zone && !scar && !hairline) return null
  return (
    <dl className="readouts__facts">
      {zone && (
        <>
          <dt>Area</dt>
          <dd>{formatQuantity(zone.area)}</dd>
          <dt>Impressions</dt>
          <dd>{zone.impressions === null ? '— (calibrate first)' : count(zone.impressions)}</dd>
        </>
      )}
      {scar?.area && (
        <>
          <dt>Area</dt>
          <dd>{formatQuantity(scar.area)}</dd>
        </>
      )}
      {scar?.length && (
        <>
          <dt>Length</dt>
          <dd>{formatQuantity(scar.length)}</dd>
        </>
      )}
      {scar?.dots !== null && scar?.dots !== undefined && (
        <>
          <dt>Dot scars</dt>
          <dd>{count(scar.dots)}</dd>
        </>
      )}
      {hairline && <HairlineFacts readout={hairline} lengthLabel="Length" />}
    </dl>
  )
}

/**
 * The design's figures: each zone's area and estimated impressions (area × target density)
 * with a bar to compare them at a glance, the total, the hairline and the scars.
 */
export function ReadoutsPanel({ editor }: { editor: Editor }) {
  const readouts = useReadouts(editor)
  const objects = useEditor(editor, (s) => s.document.objects)
  const zones = objects.filter((o) => o.kind === 'zone')
  const largest = Math.max(1, ...zones.map((z) => readouts.zones.get(z.id)?.impressions ?? 0))
  const hairlines = objects.filter((o) => o.kind === 'hairline')
  const scars = objects.filter((o) => o.kind === 'scar')
  return (
    <section className="readouts" aria-label="Design figures">
      {!readouts.calibrated && <UncalibratedHint />}
      {zones.length > 0 && (
        <table className="readouts__table">
          <caption className="visually-hidden">Density zones</caption>
          <thead>
            <tr>
              <th scope="col">Zone</th>
              <th scope="col">Area</th>
              <th scope="col">Target</th>
              <th scope="col">Impressions</th>
            </tr>
          </thead>
          <tbody>
            {zones.map((zone) => {
              const readout = readouts.zones.get(zone.id)
              if (!readout) return null
              return (
                <tr key={zone.id}>
                  <th scope="row">
                    <span className="inspector__swatch" style={{ background: zone.colour }} /> {zone.name}
                  </th>
                  <td>{formatQuantity(readout.area)}</td>
                  <td>{zone.kind === 'zone' && zone.density}/cm²</td>
                  <td>
                    {readout.impressions === null ? '—' : count(readout.impressions)}
                    {readout.impressions !== null && (
                      <span
                        className="readouts__bar"
                        style={{ width: `${(readout.impressions / largest) * 100}%`, background: zone.colour }}
                        aria-hidden="true"
                      />
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Total impressions
              </th>
              <td data-testid="total-impressions">
                {readouts.totalImpressions === null ? '—' : count(readouts.totalImpressions)}
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
            <HairlineFacts readout={readout} lengthLabel={`${hairline.name} length`} />
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
