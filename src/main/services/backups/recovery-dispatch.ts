import type { RecoveryState } from '../../../shared/backups/backup-types'
import type { AppInfo, CallName } from '../../../shared/bridge/contract'
import { isCallName } from '../../../shared/bridge/contract'
import { createDispatch, type Dispatch, type Handlers } from '../../bridge/dispatch'
import type { BackupStore } from './backup-store'
import { type ReplaceDatabase, restoreBackup } from './restore-backup'

const RECOVERY_CALLS = [
  'app.info',
  'backups.list',
  'backups.preview',
  'backups.restore',
  'backups.policy.get',
  'database.startEmpty',
] as const satisfies readonly CallName[]

type RecoveryCall = (typeof RECOVERY_CALLS)[number]

/**
 * What the backend answers while its database cannot be opened: `app.info` says so and why,
 * the backups can be listed, previewed and restored (or an empty database started), and every
 * other call is refused as `unavailable` before its input is even read.
 */
export function createRecoveryDispatch(options: {
  info: AppInfo
  recovery: RecoveryState
  store: BackupStore
  replaceDatabase: ReplaceDatabase
}): Dispatch {
  const { store, replaceDatabase } = options
  const handlers: Pick<Handlers, RecoveryCall> = {
    'app.info': () => ({ ...options.info, recovery: options.recovery }),
    'backups.list': () => store.list(),
    'backups.preview': ({ id }) => store.preview(id),
    'backups.restore': ({ id }) => store.exclusive(() => restoreBackup(store, id, null, replaceDatabase)),
    'backups.policy.get': () => store.policy(),
    'database.startEmpty': () => store.exclusive(() => replaceDatabase(null)),
  }
  // Only the recovery calls reach this dispatch: the guard below answers every other one.
  const handle = createDispatch(handlers as Partial<Handlers> as Handlers)
  const allowed = new Set<string>(RECOVERY_CALLS)
  return async (name, input, call) => {
    if (isCallName(name) && !allowed.has(name))
      return {
        ok: false,
        error: {
          code: 'unavailable',
          message: 'Stipple could not open its database, so only recovery is possible: restore a backup first.',
        },
      }
    return handle(name, input, call)
  }
}
