import fs from 'node:fs'
import path from 'node:path'
import { ServiceError } from '../service-error'

/** The built renderer as one script and its stylesheets: what an offline review file inlines. */
export interface RendererBundle {
  script: string
  styles: string[]
}

const NOT_BUILT =
  'The offline review file is made from the built app, and this Stipple runs from the development server. Build it (npm run build) or use the installed app.'

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null

function readAsset(rendererDir: string, href: string): string {
  const file = path.resolve(rendererDir, href)
  // The page names its own assets; one outside the renderer folder is not part of the app.
  if (!file.startsWith(rendererDir + path.sep)) throw new ServiceError('unavailable', NOT_BUILT)
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    throw new ServiceError('unavailable', NOT_BUILT)
  }
}

/**
 * Reads the built renderer (`index.html` and the assets it names). Refused as `unavailable`
 * when there is no build, or when the build is split into more than one script: a single file
 * has nowhere to load a second chunk from.
 */
export function readRendererBundle(rendererDir: string | null): RendererBundle {
  if (!rendererDir) throw new ServiceError('unavailable', NOT_BUILT)
  const root = path.resolve(rendererDir)
  let page: string
  try {
    page = fs.readFileSync(path.join(root, 'index.html'), 'utf8')
  } catch {
    throw new ServiceError('unavailable', NOT_BUILT)
  }
  const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
  const sources = scripts.map((tag) => attribute(tag, 'src'))
  const preloads = /<link\b[^>]*\brel="modulepreload"/.test(page)
  const entry = sources[0]
  if (scripts.length !== 1 || !entry || preloads || attribute(scripts[0] as string, 'type') !== 'module') {
    throw new ServiceError(
      'unavailable',
      'This build of Stipple is not one script, so it cannot be packed into a single review file.',
    )
  }
  const styles = [...page.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => attribute(tag, 'rel') === 'stylesheet')
    .map((tag) => readAsset(root, attribute(tag, 'href') ?? ''))
  return { script: readAsset(root, entry), styles }
}
