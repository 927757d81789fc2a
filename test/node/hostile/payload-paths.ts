/** Where a value sits in a payload: keys and list indexes from its root. */
export type Path = (string | number)[]
export type Container = Record<string, unknown> | unknown[]

/** A list or a plain object (null-prototype ones too): what a payload nests, as opposed to a value (typed arrays included). */
export const isContainer = (value: unknown): value is Container => {
  if (Array.isArray(value)) return true
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** How deep and how far into a list the walk goes: a payload's own fields, not the hostile bulk a mutation put in. */
const REACH = { depth: 12, items: 8 }

/** The places in a payload a change can hit, the payload itself first. */
export function pathsOf(root: unknown): Path[] {
  const paths: Path[] = []
  const stack: [unknown, Path][] = [[root, []]]
  while (stack.length > 0) {
    const [value, path] = stack.pop() as [unknown, Path]
    paths.push(path)
    if (path.length >= REACH.depth) continue
    // Plain loops: a hostile list may carry its own `slice` or `constructor`.
    if (Array.isArray(value))
      for (let i = 0; i < Math.min(value.length, REACH.items); i++) stack.push([value[i], [...path, i]])
    else if (isContainer(value)) for (const [key, item] of Object.entries(value)) stack.push([item, [...path, key]])
  }
  return paths
}

export const at = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], root)

/** Sets an own key, even `__proto__`, as JSON.parse or a structured clone would deliver it. */
export function put(container: Container, key: string | number, value: unknown): void {
  Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true })
}

/** Puts `value` at `path` (the root when the path is empty), or removes what is there when `remove`. */
export function replaceAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  if (path.length === 0) return value
  const parent = at(root, path.slice(0, -1)) as Container
  const key = path.at(-1) as string | number
  if (!remove) put(parent, key, value)
  else if (Array.isArray(parent)) Array.prototype.splice.call(parent, key as number, 1)
  else delete parent[key as string]
  return root
}
