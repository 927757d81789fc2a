import { describe, expect, it } from 'vitest'
import { clearanceNeeds, clearancePhrase, clinicalWarnings } from './contraindications'
import { EMPTY_MEDICAL_FLAGS, type MedicalFlags } from './patient'

describe('contraindications on the record', () => {
  it('need a clearance for each one the domain notes name, in a fixed order, and none for a candidate’s conditions', () => {
    const all = {
      ...EMPTY_MEDICAL_FLAGS,
      keloid: true,
      scalpCondition: true,
      chemotherapy: true,
      pregnancy: true,
      bloodThinners: true,
    }
    expect(clearanceNeeds(all).map((n) => n.flag)).toEqual([
      'keloid',
      'scalpCondition',
      'chemotherapy',
      'pregnancy',
      'bloodThinners',
    ])
    expect(clearanceNeeds(all).every((n) => n.source.length > 0)).toBe(true)
    // Alopecia areata and hormonal loss are reasons to treat (seed 002), not against it.
    const candidate: MedicalFlags = { ...EMPTY_MEDICAL_FLAGS, alopeciaAreata: true, hormonal: true }
    expect(clearanceNeeds(candidate)).toEqual([])
  })

  it('are named in one phrase for the heading and for the sentence', () => {
    const two = clearanceNeeds({ ...EMPTY_MEDICAL_FLAGS, keloid: true, bloodThinners: true })
    expect(clearancePhrase(two, 'label')).toBe('keloid tendency and blood thinners')
    expect(clearancePhrase(two)).toBe('a keloid tendency and blood thinners recorded')
    expect(clearancePhrase([])).toBe('')
  })

  it('show wherever the patient appears, pregnancy and blood thinners among them', () => {
    const titles = clinicalWarnings({ ...EMPTY_MEDICAL_FLAGS, pregnancy: true, bloodThinners: true }).map(
      (w) => w.title,
    )
    expect(titles).toEqual(['Pregnancy', 'Blood thinners'])
  })
})
