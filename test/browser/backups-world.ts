import { createDispatch, type Handlers } from '../../src/main/bridge/dispatch'
import { ServiceError } from '../../src/main/services/service-error'
import { createBridgeClient } from '../../src/renderer/src/bridge/bridge-client'
import {
  type BackupPolicy,
  type BackupPreview,
  type BackupSummary,
  type DatabaseCheck,
  DEFAULT_BACKUP_POLICY,
  type RecoveryState,
} from '../../src/shared/backups/backup-types'

export const DATA_DIR = '/Users/ana/Library/Application Support/Stipple'

export function summary(id: string, createdAt: string, overrides: Partial<BackupSummary> = {}): BackupSummary {
  return {
    id,
    createdAt,
    reason: 'automatic',
    appVersion: '1.0.0',
    schemaVersion: 5,
    bytes: 2_400_000,
    counts: { patients: 2, photos: 5, designs: 2, sessions: 3 },
    ...overrides,
  }
}

export const OLDER = summary('20261118T090000000Z-aaaa', '2026-11-18T09:00:00.000Z')
export const NEWER = summary('20261120T090000000Z-bbbb', '2026-11-20T09:00:00.000Z', {
  reason: 'manual',
  counts: { patients: 3, photos: 7, designs: 3, sessions: 4 },
})

/**
 * The backup calls over main's real dispatch (its validation and messages) with the backups
 * kept in memory, since this layer runs without SQLite. A call to `backups.create` waits for
 * `finishBackup()` when `holdBackups` is set, so the progress shown meanwhile can be seen.
 */
export function backupsWorld(
  options: {
    backups?: BackupSummary[]
    problems?: Record<string, string[]>
    check?: DatabaseCheck
    recovery?: RecoveryState
    holdBackups?: boolean
  } = {},
) {
  let backups = options.backups ?? [NEWER, OLDER]
  let policy: BackupPolicy = { ...DEFAULT_BACKUP_POLICY }
  const restored: string[] = []
  const previewed: string[] = []
  const policySaves: BackupPolicy[] = []
  let startedEmpty = 0
  let finish: (() => void) | null = null
  const preview = (id: string): BackupPreview => {
    const backup = backups.find((b) => b.id === id)
    if (!backup) throw new ServiceError('not_found', 'That backup no longer exists.')
    return {
      backup,
      patients: [
        { name: 'Ana Ruiz', archived: false },
        { name: 'Ben Okafor', archived: true },
      ],
      checks: (options.problems?.[id] ?? []).map((detail) => ({
        name: 'Checksum' as const,
        outcome: 'failed' as const,
        detail,
      })),
      problems: options.problems?.[id] ?? [],
      missingPhotoFiles: 0,
    }
  }
  const dispatch = createDispatch({
    'app.info': () => ({
      version: '1.0.0',
      shell: 'web',
      dataDir: DATA_DIR,
      ...(options.recovery && { recovery: options.recovery }),
    }),
    'backups.list': () => backups,
    'backups.create': async () => {
      if (options.holdBackups)
        await new Promise<void>((resolve) => {
          finish = resolve
        })
      const taken = summary('20261121T100000000Z-cccc', '2026-11-21T10:00:00.000Z', { reason: 'manual' })
      backups = [taken, ...backups]
      return taken
    },
    'backups.preview': ({ id }) => {
      previewed.push(id)
      return preview(id)
    },
    'backups.restore': ({ id }) => {
      const { backup, problems } = preview(id)
      if (problems.length > 0) throw new ServiceError('conflict', `This backup cannot be restored: ${problems[0]}`)
      restored.push(id)
      return {
        restored: backup,
        safetyBackup: options.recovery ? null : summary('20261121T110000000Z-dddd', '2026-11-21T11:00:00.000Z'),
        movedAside: options.recovery ? 'stipple.sqlite3.damaged-2026-11-21T10-00-00' : null,
      }
    },
    'backups.delete': ({ id }) => {
      backups = backups.filter((b) => b.id !== id)
      return { id }
    },
    'backups.policy.get': () => policy,
    'backups.policy.save': ({ policy: saved }) => {
      policySaves.push(saved)
      policy = saved
      return policy
    },
    'database.check': () =>
      options.check ?? { ok: true, problems: [], checkedAt: '2026-11-21T10:00:00.000Z', durationMs: 420 },
    'database.startEmpty': () => {
      startedEmpty++
      return { movedAside: 'stipple.sqlite3.damaged-2026-11-21T10-00-00' }
    },
  } as Partial<Handlers> as Handlers)
  return {
    bridge: createBridgeClient((name, input) => dispatch(name, input)),
    restored,
    previewed,
    policySaves,
    startedEmpty: () => startedEmpty,
    backups: () => backups,
    finishBackup: () => finish?.(),
  }
}
