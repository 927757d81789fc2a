import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { session } from '../../../../test/fixtures/plans'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { refusal } from '../../../../test/node/service-refusal'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import type { PigmentInput } from '../../../shared/bridge/contract'
import { DEFAULT_PIGMENTS, PERMANENT_FADE } from '../../../shared/plan/default-pigments'

const tempDir = tempDirsForEachTest()
const backend = photoBackendsForEachTest(tempDir)

const warmBrown = (overrides: Partial<PigmentInput> = {}): PigmentInput => ({
  id: null,
  name: 'Warm brown, medium',
  shade: '#4a3a30',
  dilution: 0.3,
  family: 'permanent',
  carbonBlack: false,
  fade: PERMANENT_FADE,
  drift: 0,
  driftColour: '#4a3a30',
  retired: false,
  ...overrides,
})

const names = (list: { name: string }[]) => list.map((p) => p.name)

/** A new patient whose saved plan has `count` sessions with `pigmentId`. */
function sessionsUsing(bed: ReturnType<typeof backend>, pigmentId: string, count: number) {
  const sessions = Array.from({ length: count }, (_, i) =>
    session({ id: randomUUID(), startsAt: `2026-03-1${i}T09:00`, pigmentId }),
  )
  bed.plans.save(bed.patient(), 0, { technique: 'permanent', sessions })
}

describe('the pigment catalogue', () => {
  it('starts with the default pigments, in order, at revision 1', () => {
    const { pigments } = backend()
    expect(pigments.list(false)).toEqual(DEFAULT_PIGMENTS.map((p) => ({ ...p, revision: 1 })))
  })

  it('adds a pigment at the end, with an id made by main', async () => {
    const { dispatch, pigments } = backend()
    const result = await dispatch('pigments.save', {
      pigment: warmBrown({ name: '  Warm brown, medium ' }),
      baseRevision: null,
    })
    expect(result).toMatchObject({ ok: true, value: { ...warmBrown(), id: expect.any(String), revision: 1 } })
    if (!result.ok) return
    const created = result.value as { id: string }
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(names(pigments.list(false)).at(-1)).toBe('Warm brown, medium')
    expect(pigments.list(false).at(-1)).toEqual(result.value)
  })

  it('updates a pigment from its revision and refuses a stale edit', () => {
    const { pigments } = backend()
    const created = pigments.save(warmBrown(), null)
    const edited = pigments.save({ ...warmBrown({ dilution: 0.5 }), id: created.id }, 1)
    expect(edited).toMatchObject({ id: created.id, dilution: 0.5, revision: 2 })

    const stale = refusal(() => pigments.save({ ...warmBrown({ dilution: 0.1 }), id: created.id }, 1))
    expect(stale.code).toBe('conflict')
    expect(stale.message).toMatch(/Warm brown, medium was changed elsewhere/)
    expect(pigments.list(false).find((p) => p.id === created.id)).toEqual(edited)
    // A new pigment under an id the catalogue already holds would overwrite it.
    expect(refusal(() => pigments.save({ ...warmBrown(), id: 'smp-carbon-dark' }, null)).code).toBe('conflict')
    expect(refusal(() => pigments.save({ ...warmBrown(), id: 'gone' }, 1)).message).toMatch(
      /no longer in the catalogue/,
    )
  })

  it('refuses a pigment that is not one, with a message on the field, and writes nothing', async () => {
    const { dispatch, db } = backend()
    const stored = () => db.prepare('SELECT * FROM pigments ORDER BY id').all()
    const before = stored()
    const result = await dispatch('pigments.save', {
      pigment: warmBrown({ shade: 'brown', dilution: 1.5 }),
      baseRevision: null,
    })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        fieldErrors: { 'pigment.shade': expect.stringMatching(/#rrggbb/), 'pigment.dilution': expect.any(String) },
      },
    })
    expect(stored()).toEqual(before)
  })

  it('retires a pigment (hidden from new sessions, still listed for plans) and brings it back', async () => {
    const { dispatch, pigments } = backend()
    const retired = await dispatch('pigments.retire', { id: 'trico-soft-grey', retired: true })
    expect(retired).toMatchObject({ ok: true, value: { id: 'trico-soft-grey', retired: true, revision: 2 } })
    expect(names(pigments.list(false))).not.toContain('Trico soft grey (temporary)')
    expect(pigments.list(true).map((p) => p.id)).toEqual(DEFAULT_PIGMENTS.map((p) => p.id))

    expect(pigments.retire('trico-soft-grey', false)).toMatchObject({ retired: false, revision: 3 })
    expect(pigments.list(false)).toHaveLength(DEFAULT_PIGMENTS.length)
    expect(refusal(() => pigments.retire('no-such-pigment', true)).code).toBe('not_found')
  })

  it('deletes a pigment no session uses', async () => {
    const { dispatch, pigments } = backend()
    expect(await dispatch('pigments.delete', { id: 'trico-dark-brown' })).toEqual({
      ok: true,
      value: { id: 'trico-dark-brown' },
    })
    expect(pigments.list(true).map((p) => p.id)).not.toContain('trico-dark-brown')
  })

  it('refuses to delete a pigment sessions use, saying how many, and keeps it', () => {
    const bed = backend()
    sessionsUsing(bed, 'smp-carbon-medium', 3)
    const used = refusal(() => bed.pigments.remove('smp-carbon-medium'))
    expect(used.code).toBe('conflict')
    expect(used.message).toBe(
      'SMP carbon black, medium grey is used by 3 sessions, so it stays on record; retire it to hide it from new sessions.',
    )
    sessionsUsing(bed, 'smp-carbon-light', 1)
    expect(refusal(() => bed.pigments.remove('smp-carbon-light')).message).toMatch(/is used by one session/)
    expect(bed.pigments.list(true)).toHaveLength(DEFAULT_PIGMENTS.length)
  })
})
