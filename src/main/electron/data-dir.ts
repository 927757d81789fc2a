import path from 'node:path'
import { PRODUCT_NAME } from './identity'

/**
 * Where the patient database lives: `<appData>/Stipple`, unless `--data-dir=DIR` (or
 * `--data-dir DIR`) or `STIPPLE_DATA_DIR` points elsewhere (a second practice on one machine,
 * tests, demos). Electron's own user data (its lock, caches, dictionaries) goes in the same
 * folder, so each data folder is its own app instance.
 */
export function resolveDataDir(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  appData: string,
): string {
  const at = argv.findIndex((arg) => arg === '--data-dir' || arg.startsWith('--data-dir='))
  const flag = at < 0 ? undefined : argv[at]?.startsWith('--data-dir=') ? argv[at]?.slice(11) : argv[at + 1]
  const chosen = flag || env.STIPPLE_DATA_DIR
  return chosen ? path.resolve(chosen) : path.join(appData, PRODUCT_NAME)
}
