import fs from 'node:fs'
import path from 'node:path'

/**
 * Under the test runner main's modules are TypeScript sources: a worker or child started from
 * them first teaches Node to resolve their extensionless imports, then loads its entry with
 * Node's own TypeScript transform (`SOURCE_EXEC_ARGV`). Built, each entry is its own file
 * beside the main bundle.
 */
export const RESOLVE_SOURCE_IMPORTS = `
const { registerHooks } = process.getBuiltinModule('node:module')
const fs = process.getBuiltinModule('node:fs')
registerHooks({
  resolve(specifier, context, next) {
    if (specifier.startsWith('.') && context.parentURL?.endsWith('.ts') && !/\\.[cm]?[jt]s$|\\.json$/.test(specifier)) {
      for (const ending of ['.ts', '/index.ts']) {
        const url = new URL(specifier + ending, context.parentURL)
        if (fs.existsSync(url)) return next(url.href, context)
      }
    }
    return next(specifier, context)
  },
})
`

export const SOURCE_EXEC_ARGV = ['--experimental-transform-types', '--no-warnings']

/** The built entry `name` (heavy-worker, decode-child) beside the bundle in `here` or its parent. */
export function builtEntry(here: string, name: string): string {
  for (const dir of [here, path.dirname(here)])
    for (const file of [`${name}.js`, `${name}.mjs`].map((each) => path.join(dir, each)))
      if (fs.existsSync(file)) return file
  throw new Error(`${name}.js is missing beside ${here}`)
}
