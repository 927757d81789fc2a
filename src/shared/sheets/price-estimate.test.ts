import { describe, expect, it } from 'vitest'
import { CLINICAL_DEFAULTS, type PriceTable } from '../settings/clinical-defaults'
import { bandFor, estimatePrice, formatMoney, formatRange } from './price-estimate'

const table: PriceTable = structuredClone(CLINICAL_DEFAULTS.pricing) as PriceTable
const basis = (treatedAreaCm2: number, scars = 0) => ({ treatedAreaCm2, unmeasuredZones: 0, scars })

describe('the cost estimate', () => {
  it('spans the domain notes’ $800 – $2,400 from the smallest plan to the largest', () => {
    expect(estimatePrice(table, basis(0))).toMatchObject({ low: 800, high: 1200, currency: 'USD', held: false })
    expect(estimatePrice(table, basis(600, 3))).toMatchObject({ low: 2100, high: 2400, held: true })
  })

  it('takes the band the treated area falls in, a band’s largest area included in it', () => {
    expect(estimatePrice(table, basis(100)).band.upToCm2).toBe(100)
    expect(estimatePrice(table, basis(100.5)).band.upToCm2).toBe(250)
    expect(estimatePrice(table, basis(180))).toMatchObject({ low: 1200, high: 1800 })
    expect(estimatePrice(table, basis(251)).band.upToCm2).toBeNull()
  })

  it('adds each scar’s range to the band’s', () => {
    expect(estimatePrice(table, basis(60, 2))).toMatchObject({ low: 1000, high: 1800, held: false })
  })

  it('holds the sum inside the clinic’s minimum and maximum', () => {
    const cheap = { ...table, bands: [{ upToCm2: null, low: 300, high: 500 }], minimum: 800, maximum: 2400 }
    expect(estimatePrice(cheap, basis(50))).toMatchObject({ low: 800, high: 800, held: true })
    const open = { ...table, maximum: 1_000_000 }
    expect(estimatePrice(open, basis(600, 3))).toMatchObject({ low: 2100, high: 3300, held: false })
  })

  it('uses the last band when no band is open-ended', () => {
    const bands = [{ upToCm2: 50, low: 1, high: 2 }]
    expect(bandFor(bands, 500)).toBe(bands[0])
  })

  it('quotes whole amounts in the table’s currency', () => {
    expect(formatMoney(1234.4, 'USD')).toBe('$1,234')
    expect(formatMoney(850, 'GBP')).toBe('£850')
    expect(formatRange({ low: 800, high: 1200, currency: 'USD' })).toBe('$800 – $1,200')
    expect(formatRange({ low: 800, high: 800, currency: 'EUR' })).toBe('€800')
  })
})
