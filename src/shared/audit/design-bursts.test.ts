import { describe, expect, it } from 'vitest'
import type { AuditEntry, ObjectChange, ObjectNote } from './audit-types'
import { DESIGN_BURST_MS, mergeDesignBursts } from './design-bursts'

const photo = { name: 'front.jpg', view: 'front' as const, takenAt: '2026-03-14T09:41:00' }
const zone = (id: string, name = 'Frontal'): ObjectNote => ({ id, kind: 'zone', name })
let seq = 0
const at = (minutes: number) => new Date(Date.UTC(2026, 2, 14, 10, 0) + minutes * 60_000).toISOString()

function save(
  minutes: number,
  changes: { added?: ObjectNote[]; removed?: ObjectNote[]; changed?: ObjectChange[] },
  design = 'd1',
  action: 'changed' | 'created' = 'changed',
): AuditEntry {
  seq += 1
  return {
    seq,
    at: at(minutes),
    patientId: 'p1',
    entityId: design,
    entity: 'design',
    action,
    detail: { photo, added: [], removed: [], changed: [], reordered: false, ...changes },
  }
}
const density = (id: string, before: number, after: number): ObjectChange => ({
  ...zone(id),
  changes: [{ field: 'density', before, after }],
})
/** The trail pages newest first. */
const newestFirst = (entries: AuditEntry[]) => [...entries].reverse()

describe('a history worth reading', () => {
  it('shows a burst of one design’s autosaves as one entry listing what changed in all', () => {
    const entries = newestFirst([
      save(0, { added: [zone('z1')] }),
      save(1, { changed: [density('z2', 140, 150)] }),
      save(2, { changed: [density('z2', 150, 160)] }),
      save(3, { added: [zone('z3', 'Crown')] }),
      save(4, { removed: [zone('z3', 'Crown')] }),
    ])
    const shown = mergeDesignBursts(entries)
    expect(shown).toHaveLength(1)
    const [one] = shown
    if (one?.entity !== 'design') throw new Error('not a design entry')
    expect(one.seq).toBe(entries[0]?.seq)
    expect(one.detail.added).toEqual([zone('z1')])
    expect(one.detail.removed).toEqual([])
    expect(one.detail.changed).toEqual([density('z2', 140, 160)])
  })

  it('keeps saves further apart than a few minutes, of another design, or around other changes, apart', () => {
    const far = mergeDesignBursts(
      newestFirst([save(0, { added: [zone('a')] }), save(DESIGN_BURST_MS / 60_000 + 1, { added: [zone('b')] })]),
    )
    expect(far).toHaveLength(2)
    const twoDesigns = mergeDesignBursts(
      newestFirst([save(0, { added: [zone('a')] }, 'd1'), save(1, { added: [zone('b')] }, 'd2')]),
    )
    expect(twoDesigns).toHaveLength(2)
    const record: AuditEntry = {
      seq: 999,
      at: at(1),
      patientId: 'p1',
      entityId: 'p1',
      entity: 'patient',
      action: 'archived',
      detail: {},
    }
    const between = mergeDesignBursts([save(2, { added: [zone('b')] }), record, save(0, { added: [zone('a')] })])
    expect(between.map((e) => e.entity)).toEqual(['design', 'patient', 'design'])
  })

  it('drops a value changed and changed back, and never folds the entry the chain check names', () => {
    const back = mergeDesignBursts(
      newestFirst([save(0, { changed: [density('z', 140, 150)] }), save(1, { changed: [density('z', 150, 140)] })]),
    )
    expect(back).toHaveLength(1)
    expect(back[0]?.entity === 'design' && back[0].detail.changed).toEqual([])
    const entries = newestFirst([save(0, { added: [zone('a')] }), save(1, { added: [zone('b')] })])
    expect(mergeDesignBursts(entries, entries[0]?.seq ?? null)).toHaveLength(2)
  })

  it('reads a design created and then edited in one sitting as its creation', () => {
    const shown = mergeDesignBursts(
      newestFirst([save(0, { added: [zone('a')] }, 'd1', 'created'), save(1, { changed: [density('a', 150, 170)] })]),
    )
    expect(shown).toHaveLength(1)
    expect(shown[0]?.action).toBe('created')
    expect(shown[0]?.entity === 'design' && shown[0].detail.added).toEqual([zone('a')])
  })
})
