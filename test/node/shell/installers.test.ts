import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import { describe, expect, it } from 'vitest'
import { APP_ID, PRODUCT_NAME } from '../../../src/main/electron/identity'

const root = path.resolve(import.meta.dirname, '../../..')
const require = createRequire(import.meta.url)
const yaml = require('js-yaml') as { load(text: string): unknown }

interface BuilderConfig {
  appId: string
  productName: string
  files: string[]
  asarUnpack: string[]
  electronFuses: Record<string, boolean>
  fileAssociations: { ext: string }[]
  mac: { target: string[] }
  win: { target: string[] }
  linux: { target: string[] }
}
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig

/** Every package name a folder's TypeScript imports. */
function importsOf(folder: string): Set<string> {
  const found = new Set<string>()
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue
    const text = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8')
    for (const [, name] of text.matchAll(/from '((?:@[^/']+\/)?[^./'][^/']*)/g)) if (name) found.add(name)
  }
  return found
}

describe('the installers’ configuration (electron-builder.yml)', () => {
  it('is what electron-builder’s own schema accepts (and the check refuses a misspelt fuse)', async () => {
    await expect(validateConfiguration(config as never, new DebugLogger(false))).resolves.toBeUndefined()
    const misspelt = { ...config, electronFuses: { runAsNod: false } }
    await expect(validateConfiguration(misspelt as never, new DebugLogger(false))).rejects.toThrow(/API schema/)
  }, 120_000)

  it('names the app as the shell does, builds every asked target, and associates .stipple', () => {
    expect([config.appId, config.productName]).toEqual([APP_ID, PRODUCT_NAME])
    expect(config.mac.target).toEqual(['dmg', 'zip'])
    expect(config.win.target).toEqual(['nsis'])
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.fileAssociations.map((a) => a.ext)).toEqual(['stipple'])
  })

  it('sets the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    })
    expect(config.asarUnpack).toContain('**/*.node')
  })

  it('leaves out only packages main never imports, and keeps every one it does', () => {
    const excluded = config.files
      .map((pattern) => /^!\*\*\/node_modules\/\{(.+)\}\/\*\*$/.exec(pattern)?.[1])
      .find(Boolean)
      ?.split(',')
    expect(excluded).toEqual(expect.arrayContaining(['react', 'react-dom', 'konva', 'zustand']))
    const mainImports = new Set([
      ...importsOf(path.join(root, 'src/main')),
      ...importsOf(path.join(root, 'src/shared')),
    ])
    for (const name of excluded ?? []) expect(mainImports.has(name), `main imports ${name}`).toBe(false)
    const { dependencies } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
    }
    for (const name of mainImports) {
      const packageName = name.startsWith('@') ? name : name.split('/')[0]
      if (packageName && packageName in dependencies) expect(excluded, packageName).not.toContain(packageName)
    }
  })
})
