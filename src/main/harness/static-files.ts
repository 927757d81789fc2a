import fs from 'node:fs/promises'
import path from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
}

export interface StaticFile {
  body: Buffer
  type: string
}

/**
 * Reads a file of the built renderer for a URL path, or null when there is none. The resolved
 * path must stay inside `root`: `..`, encoded or not, never reaches outside it.
 */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`)
  if (file !== root && !file.startsWith(root + path.sep)) return null
  try {
    const stat = await fs.stat(file)
    if (!stat.isFile()) return null
    return { body: await fs.readFile(file), type: TYPES[path.extname(file)] ?? 'application/octet-stream' }
  } catch {
    return null
  }
}
