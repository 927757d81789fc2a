import { describe, expect, it } from 'vitest'
import { DEFAULT_BACKUP_POLICY } from '../../../shared/backups/backup-types'
import { backupsToDrop, type RotationEntry } from './backup-rotation'

/** A backup taken at a local wall-clock time, named after it (`11-25 10:00`). */
function at(month: number, day: number, hour = 10, reason: RotationEntry['reason'] = 'automatic'): RotationEntry {
  const when = new Date(2026, month - 1, day, hour)
  const id = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} ${String(hour).padStart(2, '0')}:00`
  return { id, createdAt: when.toISOString(), reason }
}

/** One automatic backup a day at 10:00 from `from` to `to` (same month or the next). */
function daily(from: [number, number], to: [number, number]): RotationEntry[] {
  const out: RotationEntry[] = []
  for (let d = new Date(2026, from[0] - 1, from[1]); d <= new Date(2026, to[0] - 1, to[1]); d.setDate(d.getDate() + 1))
    out.push(at(d.getMonth() + 1, d.getDate()))
  return out
}

const kept = (backups: RotationEntry[], dropped: string[]) =>
  backups
    .map((b) => b.id)
    .filter((id) => !dropped.includes(id))
    .sort()

// Wednesday 25 November 2026, noon.
const NOW = new Date(2026, 10, 25, 12)

describe('which backups the rotation keeps', () => {
  it('keeps a week of daily backups and the newest of each earlier week', () => {
    const backups = daily([10, 27], [11, 25])
    const dropped = backupsToDrop(backups, DEFAULT_BACKUP_POLICY, NOW)
    // Weeks start on Monday: the newest of the weeks before 19–25 Nov are the Sundays 15, 8 and 1 Nov.
    expect(kept(backups, dropped)).toEqual([
      '11-01 10:00',
      '11-08 10:00',
      '11-15 10:00',
      '11-19 10:00',
      '11-20 10:00',
      '11-21 10:00',
      '11-22 10:00',
      '11-23 10:00',
      '11-24 10:00',
      '11-25 10:00',
    ])
  })

  it('keeps only the newest backup of a day that has several', () => {
    const backups = [at(11, 25, 8), at(11, 25, 9), at(11, 25, 11), at(11, 24, 9), at(11, 24, 17)]
    const dropped = backupsToDrop(backups, DEFAULT_BACKUP_POLICY, NOW)
    expect(kept(backups, dropped)).toEqual(['11-24 17:00', '11-25 11:00'])
  })

  it('drops weekly backups beyond the number of weeks asked for', () => {
    const backups = daily([8, 1], [11, 25])
    const dropped = backupsToDrop(backups, { ...DEFAULT_BACKUP_POLICY, weekly: 3 }, NOW)
    expect(kept(backups, dropped)).toEqual([
      '11-15 10:00',
      '11-19 10:00',
      '11-20 10:00',
      '11-21 10:00',
      '11-22 10:00',
      '11-23 10:00',
      '11-24 10:00',
      '11-25 10:00',
    ])
  })

  it('counts days that have a backup, so a long closure does not rotate the older backups away', () => {
    const beforeClosure = daily([8, 1], [8, 10])
    const backups = [...beforeClosure, at(11, 25)]
    const dropped = backupsToDrop(backups, { daily: 7, weekly: 0, safetyDays: 30 }, NOW)
    expect(kept(backups, dropped)).toEqual([
      '08-05 10:00',
      '08-06 10:00',
      '08-07 10:00',
      '08-08 10:00',
      '08-09 10:00',
      '08-10 10:00',
      '11-25 10:00',
    ])
  })

  it('keeps manual backups however old, and safety backups for their days', () => {
    const backups = [
      at(1, 5, 10, 'manual'),
      at(11, 1, 10, 'safety'),
      at(10, 20, 10, 'safety'),
      at(11, 20, 10, 'safety'),
      ...daily([11, 24], [11, 25]),
    ]
    const dropped = backupsToDrop(backups, DEFAULT_BACKUP_POLICY, NOW)
    expect(dropped).toEqual(['10-20 10:00'])
  })

  it('always keeps the newest safety backup, however old, so a restore can be undone', () => {
    const backups = [at(6, 1, 10, 'safety'), at(5, 1, 10, 'safety'), ...daily([11, 20], [11, 25])]
    const dropped = backupsToDrop(backups, { ...DEFAULT_BACKUP_POLICY, safetyDays: 1 }, NOW)
    expect(dropped).toEqual(['05-01 10:00'])
  })

  it('never drops the newest backup of all', () => {
    const backups = [at(11, 25, 11, 'safety'), at(11, 25, 10, 'safety')]
    expect(backupsToDrop(backups, { daily: 1, weekly: 0, safetyDays: 1 }, new Date(2027, 0, 1))).toEqual([
      '11-25 10:00',
    ])
  })

  it('keeps everything when there is less than the policy allows', () => {
    const backups = daily([11, 22], [11, 25])
    expect(backupsToDrop(backups, DEFAULT_BACKUP_POLICY, NOW)).toEqual([])
    expect(backupsToDrop([], DEFAULT_BACKUP_POLICY, NOW)).toEqual([])
  })
})
