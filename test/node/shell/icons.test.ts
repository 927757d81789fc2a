import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain-JavaScript script, checked by what it writes
import { makeIcons } from '../../../scripts/make-icons.mjs'
import { tempDirsForEachTest } from '../temp-dir'

const makeTempDir = tempDirsForEachTest()
const resources = path.resolve(import.meta.dirname, '../../../resources')
const source = path.join(resources, 'icon.svg')

/** Each image in an .icns by its type, as its width in pixels. */
async function icnsSizes(file: string): Promise<Record<string, number>> {
  const icns = fs.readFileSync(file)
  expect(icns.toString('ascii', 0, 4)).toBe('icns')
  expect(icns.readUInt32BE(4)).toBe(icns.length)
  const sizes: Record<string, number> = {}
  for (let at = 8; at < icns.length; ) {
    const type = icns.toString('ascii', at, at + 4)
    const length = icns.readUInt32BE(at + 4)
    sizes[type] = (await sharp(icns.subarray(at + 8, at + length)).metadata()).width ?? 0
    at += length
  }
  return sizes
}

describe('installer icons from one source image', () => {
  it('makes an .icns, an .ico and the Linux sizes from the SVG, each a PNG of the size it claims', async () => {
    const out = makeTempDir()
    expect(await makeIcons(source, out)).toEqual({ largest: 1024 })

    // Every macOS slot is filled, the 1024-px one (512 pt at 2×) included.
    expect(await icnsSizes(path.join(out, 'icon.icns'))).toEqual({
      icp4: 16,
      icp5: 32,
      icp6: 64,
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024,
      ic11: 32,
      ic12: 64,
      ic13: 256,
      ic14: 512,
    })

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

  it('never blows a bitmap source up: the 512-px window icon leaves the 1024-px slot out', async () => {
    const out = makeTempDir()
    await makeIcons(path.join(resources, 'icon.png'), out)
    const macSizes = await icnsSizes(path.join(out, 'icon.icns'))
    expect(macSizes).toMatchObject({ icp4: 16, ic07: 128, ic08: 256, ic09: 512 })
    expect(macSizes.ic10).toBeUndefined()
  })
})
