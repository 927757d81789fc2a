import { describe, expect, it } from 'vitest'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { refusal } from '../../../../test/node/service-refusal'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import { clinicalSettingsSchema } from '../../../shared/plan/plan-schema'
import { CLINICAL_DEFAULTS, type ClinicalSettings } from '../../../shared/settings/clinical-defaults'
import { openDatabase } from '../../db/database'
import { createSettingsService } from './settings-service'

const tempDir = tempDirsForEachTest()
const backend = photoBackendsForEachTest(tempDir)

/** The defaults with a denser crown and a longer wait after a transplant: what a clinic might choose. */
function clinicSettings(): ClinicalSettings {
  const settings = structuredClone(CLINICAL_DEFAULTS) as ClinicalSettings
  settings.zoneDensity.crown = 160
  settings.transplantWaitMonths = 12
  settings.protocols.permanent.steps.push({
    label: 'Session 4 – touch-up',
    kind: 'extra',
    gapDays: 30,
    cumulativeShare: 1.1,
  })
  return settings
}

describe('clinical settings', () => {
  it('are the defaults, at revision 0, until the user saves their own', () => {
    const { settings } = backend()
    expect(settings.get()).toEqual({ settings: CLINICAL_DEFAULTS, revision: 0 })
  })

  it('are saved whole, read back, and kept across a restart', async () => {
    const { dispatch, dataDir, db } = backend()
    const saved = await dispatch('settings.save', { baseRevision: 0, settings: clinicSettings() })
    expect(saved).toEqual({ ok: true, value: { settings: clinicSettings(), revision: 1 } })
    const again = await dispatch('settings.save', {
      baseRevision: 1,
      settings: { ...clinicSettings(), coverageLimit: 0.2 },
    })
    expect(again).toMatchObject({ ok: true, value: { settings: { coverageLimit: 0.2, transplantWaitMonths: 12 } } })
    db.close()

    const reopened = openDatabase(dataDir)
    expect(createSettingsService(reopened).get()).toEqual({
      settings: { ...clinicSettings(), coverageLimit: 0.2 },
      revision: 2,
    })
    reopened.close()
  })

  it('fill in the figures a record saved by an older Stipple lacks from the defaults, and drop retired ones', () => {
    const { settings, db } = backend()
    const { coverageLimit: _added, ...older } = clinicSettings()
    const { durationMin: _alsoAdded, ...temporary } = older.protocols.temporary
    const stored = { ...older, protocols: { ...older.protocols, temporary }, retiredFigure: 3 }
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('clinical', ?, 'x')").run(JSON.stringify(stored))
    expect(settings.get()).toEqual({ settings: clinicSettings(), revision: 1 })
  })

  it('give protocol steps saved before steps had a kind the kind of the shipped step at their place', () => {
    const { settings, db } = backend()
    const older = structuredClone(CLINICAL_DEFAULTS) as ClinicalSettings
    const steps = older.protocols.temporary.steps.map(({ kind: _kind, ...step }) => ({
      ...step,
      minGapDays: 1,
      maxGapDays: null,
    }))
    const extra = { label: 'Second touch-up', gapDays: 365, minGapDays: 183, maxGapDays: 365, cumulativeShare: 1 }
    const stored = {
      ...older,
      protocols: { ...older.protocols, temporary: { ...older.protocols.temporary, steps: [...steps, extra] } },
    }
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('clinical', ?, 'x')").run(JSON.stringify(stored))
    const { steps: read } = settings.get().settings.protocols.temporary
    expect(read.map((step) => step.kind)).toEqual(['base', 'day-2', 'finishing', 'touch-up', 'touch-up'])
    expect(read.at(-1)).toEqual({ label: 'Second touch-up', kind: 'touch-up', gapDays: 365, cumulativeShare: 1 })
    expect(clinicalSettingsSchema.safeParse(settings.get().settings).success).toBe(true)
  })

  it.each([
    ['a coverage limit above 100%', { coverageLimit: 5 }, 'settings.coverageLimit', /between 0.01 and 1/],
    [
      'a target density of zero',
      { zoneDensity: { ...CLINICAL_DEFAULTS.zoneDensity, crown: 0 } },
      'settings.zoneDensity.crown',
      /target density/,
    ],
    ['a wait of half a month', { transplantWaitMonths: 6.5 }, 'settings.transplantWaitMonths', /whole number/],
    ['an unknown figure', { price: 800 }, 'settings.price', /Unknown field/],
  ])('refuse %s with a message on that field, and keep what was saved', async (_, change, field, message) => {
    const { dispatch, db } = backend()
    await dispatch('settings.save', { baseRevision: 0, settings: clinicSettings() })
    const stored = () => db.prepare('SELECT * FROM settings').all()
    const before = stored()

    const result = await dispatch('settings.save', { baseRevision: 1, settings: { ...clinicSettings(), ...change } })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    if (!result.ok) expect(result.error.fieldErrors?.[field]).toMatch(message)
    expect(stored()).toEqual(before)
  })

  it('refuse a protocol whose steps do not build up, naming the step', async () => {
    const { dispatch, settings } = backend()
    const bad = clinicSettings()
    const [, second] = bad.protocols.permanent.steps
    if (second) second.cumulativeShare = 0.2
    const result = await dispatch('settings.save', { baseRevision: 0, settings: bad })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        fieldErrors: {
          'settings.protocols.permanent.steps.1.cumulativeShare':
            expect.stringMatching(/at least as much of the target/),
        },
      },
    })
    expect(settings.get().revision).toBe(0)
  })

  it('refuse a save made from a stale copy, keeping the newer settings', () => {
    const { settings } = backend()
    settings.save(0, clinicSettings())
    const stale = refusal(() => settings.save(0, { ...clinicSettings(), coverageLimit: 0.5 }))
    expect(stale.code).toBe('conflict')
    expect(stale.message).toMatch(/changed elsewhere/)
    expect(settings.get()).toEqual({ settings: clinicSettings(), revision: 1 })
  })

  it('reset to the defaults, after which an edit from before the reset is stale', () => {
    const { settings } = backend()
    settings.save(0, clinicSettings())
    expect(settings.reset()).toEqual({ settings: CLINICAL_DEFAULTS, revision: 0 })
    expect(settings.get()).toEqual({ settings: CLINICAL_DEFAULTS, revision: 0 })
    expect(refusal(() => settings.save(1, clinicSettings())).code).toBe('conflict')
    expect(settings.save(0, clinicSettings()).revision).toBe(1)
  })
})
