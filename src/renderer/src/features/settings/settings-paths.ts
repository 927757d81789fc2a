import type { ClinicalSettings } from '../../../../shared/settings/clinical-defaults'

/** Dotted paths to every plain number in `T`; arrays (protocol steps) are edited as tables instead. */
export type NumberPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends number
    ? `${Prefix}${K}`
    : T[K] extends readonly unknown[]
      ? never
      : T[K] extends object
        ? NumberPaths<T[K], `${Prefix}${K}.`>
        : never
}[keyof T & string]

/** A number in the clinical settings, named as main names it in its field errors (after `settings.`). */
export type SettingPath = NumberPaths<ClinicalSettings>

type Tree = Record<string, unknown>

/** The number at `path`; the path's type guarantees there is one. */
export function numberAt<T extends object>(record: T, path: NumberPaths<T>): number {
  let node: unknown = record
  for (const key of String(path).split('.')) node = (node as Tree)[key]
  return node as number
}

/** A copy of `record` with one number replaced; the untouched branches are shared, not copied. */
export function withNumberAt<T extends object>(record: T, path: NumberPaths<T>, value: number): T {
  const replace = (node: Tree, [key, ...rest]: string[]): Tree =>
    key === undefined ? node : { ...node, [key]: rest.length === 0 ? value : replace(node[key] as Tree, rest) }
  return replace(record as Tree, String(path).split('.')) as T
}

/**
 * Main keys its field errors by the call's input path (`settings.touchUpShare`,
 * `pigment.fade.tauYears`); a form keys them by its own paths.
 */
export function errorsUnder(prefix: string, fieldErrors: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const [path, message] of Object.entries(fieldErrors)) {
    if (path.startsWith(`${prefix}.`)) errors[path.slice(prefix.length + 1)] = message
    else if (path === prefix) errors[''] = message
  }
  return errors
}

/** The DOM id of the control for a form path, so a label, an error link and focus can find it. */
export const controlId = (form: string, path: string) => `${form}-${path.replaceAll('.', '-')}`

/** Whether two plain JSON values hold the same data (settings, pigments). */
export const sameData = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** The errors left once the field at `path` (and everything under it) has been edited. */
export function errorsWithout(errors: Record<string, string>, path: string | undefined): Record<string, string> {
  if (path === undefined) return errors
  const kept = Object.entries(errors).filter(([key]) => key !== path && !key.startsWith(`${path}.`))
  return kept.length === Object.keys(errors).length ? errors : Object.fromEntries(kept)
}
