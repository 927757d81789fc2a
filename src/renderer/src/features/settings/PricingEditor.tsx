import type { ClinicalSettings, PriceBand } from '../../../../shared/settings/clinical-defaults'
import { NumberInput } from '../../ui/NumberInput'
import { DEFAULT_SETTINGS } from './clinical-settings-store'
import { DefaultNote, describedBy, SettingNumberField } from './SettingNumberField'
import { useClinical, useClinicalActions } from './settings-context'
import { controlId, sameData } from './settings-paths'

const BANDS = 'pricing.bands'
const withPricing = (draft: ClinicalSettings, change: Partial<ClinicalSettings['pricing']>): ClinicalSettings => ({
  ...draft,
  pricing: { ...draft.pricing, ...change },
})

/** The next band: twice the last bounded area, priced on from the open-ended band. */
function addBand(bands: readonly PriceBand[]): PriceBand[] {
  const open = bands.at(-1) ?? { upToCm2: null, low: 0, high: 0 }
  const lastBound = bands.findLast((b) => b.upToCm2 !== null)?.upToCm2 ?? 50
  return [
    ...bands.slice(0, -1),
    { ...open, upToCm2: Math.round(lastBound * 2) },
    { upToCm2: null, low: open.high, high: Math.round(open.high * 1.25) },
  ]
}

/** One band as a table row: its largest area (empty on the last: any larger area) and its range. */
function BandRow(props: {
  index: number
  band: PriceBand
  last: boolean
  errors: Record<string, string>
  canRemove: boolean
}) {
  const { index, band, last, errors, canRemove } = props
  const { edit } = useClinicalActions()
  const n = index + 1
  const set = (change: Partial<PriceBand>, field: keyof PriceBand) =>
    edit(
      (draft) =>
        withPricing(draft, { bands: draft.pricing.bands.map((b, i) => (i === index ? { ...b, ...change } : b)) }),
      `${BANDS}.${index}.${field}`,
    )
  const cell = (field: keyof PriceBand, label: string) => {
    const path = `${BANDS}.${index}.${field}`
    return {
      id: controlId('setting', path),
      'aria-label': `Band ${n} ${label}`,
      'aria-invalid': Boolean(errors[path]),
      'aria-describedby': describedBy(errors[path] && `${controlId('setting', path)}-error`),
    }
  }
  return (
    <tr>
      <td>
        {last ? (
          <span className="settings-note">any larger area</span>
        ) : (
          <NumberInput
            {...cell('upToCm2', 'largest area, cm²')}
            nullable
            min={1}
            step={10}
            value={band.upToCm2}
            onChange={(v) => set({ upToCm2: v }, 'upToCm2')}
          />
        )}
      </td>
      <td>
        <NumberInput
          {...cell('low', 'lowest price')}
          min={0}
          step={50}
          value={band.low}
          onChange={(v) => set({ low: v }, 'low')}
        />
      </td>
      <td>
        <NumberInput
          {...cell('high', 'highest price')}
          min={0}
          step={50}
          value={band.high}
          onChange={(v) => set({ high: v }, 'high')}
        />
      </td>
      <td>
        <button
          type="button"
          className="button button--ghost button--icon"
          aria-label={`Remove band ${n}`}
          title={canRemove ? `Remove band ${n}` : 'The table needs at least one band'}
          disabled={!canRemove}
          onClick={() =>
            edit((draft) => {
              const bands = draft.pricing.bands.filter((_, i) => i !== index)
              // The last band always covers any larger area.
              const fixed = bands.map((b, i) => (i === bands.length - 1 ? { ...b, upToCm2: null } : b))
              return withPricing(draft, { bands: fixed })
            }, BANDS)
          }
        >
          ×
        </button>
      </td>
    </tr>
  )
}

/**
 * The price table the design sheet's cost estimate is made from, saved with the clinical
 * settings: a range per band of treated area, a range per scar, and the clinic's usual minimum
 * and maximum that hold the sum.
 */
export function PricingEditor() {
  const pricing = useClinical((s) => s.draft.pricing)
  const errors = useClinical((s) => s.errors)
  const { edit } = useClinicalActions()
  const defaults = DEFAULT_SETTINGS.pricing
  const currencyId = controlId('setting', 'pricing.currency')
  const currencyError = errors['pricing.currency']
  const bandErrors = Object.entries(errors).filter(([path]) => path === BANDS || path.startsWith(`${BANDS}.`))
  const captionId = controlId('setting', `${BANDS}.caption`)

  return (
    <fieldset className="form-section">
      <legend>Pricing (design sheet estimate)</legend>
      <p className="settings-note">
        A full course is normally $800–2,400, depending on the pattern, the area covered and whether scars are present
        (clinic pages). The sheet adds the treated area’s band and each scar, held within the minimum and maximum.
      </p>
      <div className="form-grid">
        <div className="setting" data-changed={pricing.currency !== defaults.currency || undefined}>
          <div className="field">
            <label className="field__label" htmlFor={currencyId}>
              Currency (ISO code)
            </label>
            <input
              id={currencyId}
              className="input"
              value={pricing.currency}
              maxLength={3}
              aria-invalid={Boolean(currencyError)}
              aria-describedby={describedBy(currencyError && `${currencyId}-error`)}
              onChange={(e) => {
                const currency = e.target.value.toUpperCase()
                edit((draft) => withPricing(draft, { currency }), 'pricing.currency')
              }}
            />
            {currencyError && (
              <p className="field__error" id={`${currencyId}-error`}>
                {currencyError}
              </p>
            )}
          </div>
        </div>
        <SettingNumberField
          spec={{ path: 'pricing.minimum', label: 'Minimum', unit: pricing.currency, min: 0, step: 50 }}
        />
        <SettingNumberField
          spec={{ path: 'pricing.maximum', label: 'Maximum', unit: pricing.currency, min: 0, step: 50 }}
        />
        <SettingNumberField
          spec={{ path: 'pricing.perScar.low', label: 'Per scar, from', unit: pricing.currency, min: 0, step: 25 }}
        />
        <SettingNumberField
          spec={{ path: 'pricing.perScar.high', label: 'Per scar, up to', unit: pricing.currency, min: 0, step: 25 }}
        />
      </div>
      <div className="protocol-table__scroll">
        <table className="protocol-table" aria-describedby={captionId}>
          <caption className="visually-hidden">Price by treated area</caption>
          <thead>
            <tr>
              <th scope="col">Treated area up to (cm²)</th>
              <th scope="col">From ({pricing.currency})</th>
              <th scope="col">Up to ({pricing.currency})</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {pricing.bands.map((band, index) => (
              <BandRow
                // Bands have no identity of their own; their place in the table is what main names.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                key={index}
                index={index}
                band={band}
                last={index === pricing.bands.length - 1}
                errors={errors}
                canRemove={pricing.bands.length > 1}
              />
            ))}
          </tbody>
        </table>
      </div>
      <p className="field__hint" id={captionId}>
        The treated area is the sum of the zones the sheet’s sessions treat. About 100 cm² is a hairline and frontal
        patch, 250 cm² adds the mid-scalp, more is the whole top of the scalp.
      </p>
      {bandErrors.length > 0 && (
        <ul className="protocol-errors">
          {bandErrors.map(([path, message]) => (
            <li key={path} className="field__error" id={`${controlId('setting', path)}-error`}>
              {path === BANDS ? message : `Band ${Number(path.split('.')[2]) + 1}: ${message}`}
            </li>
          ))}
        </ul>
      )}
      <div className="protocol-actions">
        <button
          type="button"
          className="button"
          onClick={() => edit((draft) => withPricing(draft, { bands: addBand(draft.pricing.bands) }), BANDS)}
        >
          Add band
        </button>
        {!sameData(pricing.bands, defaults.bands) && (
          <DefaultNote
            id={controlId('setting', `${BANDS}-default`)}
            text={`Differs from the default ${defaults.bands.length}-band table`}
            useLabel="Use the default price bands"
            onUse={() => edit((draft) => withPricing(draft, { bands: structuredClone(defaults.bands) }), BANDS)}
          />
        )}
      </div>
    </fieldset>
  )
}
