import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain-JavaScript script, checked by what it writes
import { makeIcons } from '../../../scripts/make-icons.mjs'
import { tempDirsForEachTest } from '../temp-dir'

const makeTempDir = tempDirsForEachTest()
const source = path.resolve(import.meta.dirname, '../../../resources/icon.png')

describe('installer icons from one source image', () => {
  it('makes an .icns, an .ico and the Linux sizes, each a PNG of the size it claims', async () => {
    const out = makeTempDir()
    await makeIcons(source, out)

    const icns = fs.readFileSync(path.join(out, 'icon.icns'))
    expect(icns.toString('ascii', 0, 4)).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
    const macSizes: Record<string, number> = {}
    for (let at = 8; at < icns.length; ) {
      const type = icns.toString('ascii', at, at + 4)
      const length = icns.readUInt32BE(at + 4)
      macSizes[type] = (await sharp(icns.subarray(at + 8, at + length)).metadata()).width ?? 0
      at += length
    }
    expect(macSizes).toMatchObject({ icp4: 16, ic07: 128, ic08: 256, ic09: 512 })
    // The 512-px source is never blown up to the 1024-px slot.
    expect(macSizes.ic10).toBeUndefined()

    const ico = fs.readFileSync(path.join(out, 'icon.ico'))
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1])
    const winSizes = []
    for (let i = 0; i < ico.readUInt16LE(4); i++) {
      const entry = 6 + 16 * i
      const image = ico.subarray(
        ico.readUInt32LE(entry + 12),
        ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8),
      )
      const { width } = await sharp(image).metadata()
      expect(width).toBe(ico[entry] || 256)
      winSizes.push(width)
    }
    expect(winSizes).toEqual([16, 24, 32, 48, 64, 128, 256])

    expect(fs.readdirSync(path.join(out, 'linux')).sort()).toEqual(
      ['128x128', '16x16', '256x256', '32x32', '48x48', '512x512', '64x64'].map((s) => `${s}.png`),
    )
  })
})
