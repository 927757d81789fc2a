import { describe, expect, it } from 'vitest'
import { recoveryNeeded } from './start-check'

describe('the start-up check of the database file', () => {
  it('opens a sound database, and a new install, whatever the backups', () => {
    expect(recoveryNeeded({ kind: 'sound' }, true)).toBeNull()
    expect(recoveryNeeded({ kind: 'absent' }, false)).toBeNull()
    expect(recoveryNeeded({ kind: 'empty' }, false)).toBeNull()
  })

  it('goes into recovery for a damaged database, backups or not', () => {
    expect(recoveryNeeded({ kind: 'damaged', detail: 'malformed page 3' }, false)).toEqual({
      reason: 'damaged',
      detail: 'malformed page 3',
    })
  })

  it('will not start empty over an empty or missing database while backups of it exist', () => {
    expect(recoveryNeeded({ kind: 'empty' }, true)).toEqual({
      reason: 'damaged',
      detail: 'The database file is empty.',
    })
    expect(recoveryNeeded({ kind: 'absent' }, true)).toEqual({
      reason: 'missing',
      detail: 'There is no stipple.sqlite3 in the data folder, but there are backups of it.',
    })
  })
})
