import { describe, expect, it } from 'vitest'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import { CLINICAL_DEFAULTS, type ClinicalSettings, type PriceTable } from '../../../shared/settings/clinical-defaults'

const tempDir = tempDirsForEachTest()
const backend = photoBackendsForEachTest(tempDir)

const withPricing = (change: Partial<PriceTable>): ClinicalSettings => {
  const settings = structuredClone(CLINICAL_DEFAULTS) as ClinicalSettings
  return { ...settings, pricing: { ...settings.pricing, ...change } }
}

describe('the price table in the clinical settings', () => {
  it('starts at the domain notes’ $800 – $2,400 and is saved with the rest', async () => {
    const { dispatch, settings } = backend()
    expect(settings.get().settings.pricing).toMatchObject({ currency: 'USD', minimum: 800, maximum: 2400 })
    const bands = [
      { upToCm2: 120, low: 600, high: 900 },
      { upToCm2: null, low: 900, high: 1500 },
    ]
    const saved = await dispatch('settings.save', {
      baseRevision: 0,
      settings: withPricing({ currency: 'GBP', bands }),
    })
    expect(saved).toMatchObject({ ok: true, value: { settings: { pricing: { currency: 'GBP', bands } } } })
  })

  it.each([
    [
      'bands out of order',
      {
        bands: [
          { upToCm2: 200, low: 1, high: 2 },
          { upToCm2: 100, low: 1, high: 2 },
          { upToCm2: null, low: 1, high: 2 },
        ],
      },
      'settings.pricing.bands.1.upToCm2',
      /more area than the one before/,
    ],
    [
      'a last band with a limit',
      { bands: [{ upToCm2: 100, low: 1, high: 2 }] },
      'settings.pricing.bands.0.upToCm2',
      /leave it empty/,
    ],
    [
      'a band priced upside down',
      { bands: [{ upToCm2: null, low: 900, high: 500 }] },
      'settings.pricing.bands.0.high',
      /below the lowest/,
    ],
    ['a maximum below the minimum', { minimum: 2000, maximum: 1000 }, 'settings.pricing.maximum', /below the minimum/],
    ['a currency that is no code', { currency: 'dollars' }, 'settings.pricing.currency', /three-letter code/],
    ['no bands at all', { bands: [] }, 'settings.pricing.bands', /at least one band/],
  ])('refuses %s on that field, saving nothing', async (_, change, field, message) => {
    const { dispatch, settings } = backend()
    const result = await dispatch('settings.save', {
      baseRevision: 0,
      settings: withPricing(change as Partial<PriceTable>),
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    if (!result.ok) expect(result.error.fieldErrors?.[field]).toMatch(message)
    expect(settings.get().revision).toBe(0)
  })

  it('is filled from the defaults for settings saved before it existed', () => {
    const { db, settings } = backend()
    const { pricing: _, ...older } = structuredClone(CLINICAL_DEFAULTS)
    db.prepare("INSERT INTO settings (key, value, updated_at, revision) VALUES ('clinical', ?, '2026-01-01', 1)").run(
      JSON.stringify({ ...older, coverageLimit: 0.2 }),
    )
    expect(settings.get().settings).toMatchObject({ coverageLimit: 0.2, pricing: CLINICAL_DEFAULTS.pricing })
  })
})
