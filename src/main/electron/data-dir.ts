import path from 'node:path'
import { app } from 'electron'

/**
 * Where the patient database lives: the user-data folder, unless `--data-dir=DIR` or
 * `STIPPLE_DATA_DIR` points elsewhere (tests, demos, a second practice on one machine).
 */
export function resolveDataDir(argv: readonly string[] = process.argv): string {
  const flag = argv.find((arg) => arg.startsWith('--data-dir='))?.slice('--data-dir='.length)
  const chosen = flag || process.env.STIPPLE_DATA_DIR
  return chosen ? path.resolve(chosen) : app.getPath('userData')
}
