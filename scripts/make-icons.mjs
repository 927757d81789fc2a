// `node scripts/make-icons.mjs [source] [outDir]`: every installer's icon from one source image
// (resources/icon.svg, drawn for this project): icon.icns for macOS, icon.ico for Windows, and
// the PNG sizes Linux desktops look for. An SVG is rendered afresh at each size, so every slot,
// 1024 px included, is sharp. Made with sharp (already a dependency), so packaging needs no icon
// tool from the network; `npm run dist` runs it before electron-builder.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'

/** macOS icon types that hold a PNG, by edge in pixels (https://en.wikipedia.org/wiki/Apple_Icon_Image_format). */
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
]
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512]

const isVector = (source) => source.toLowerCase().endsWith('.svg')

const png = async (source, edge) => {
  const { width } = await sharp(source).metadata()
  // sharp reads an SVG at 72 dpi by default: rasterised at the density that makes it `edge` px,
  // it is drawn at that size rather than shrunk from one large bitmap (thin dots stay crisp).
  return sharp(source, isVector(source) ? { density: (72 * edge) / width } : {})
    .resize(edge, edge, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer()
}

export function icns(entries) {
  const parts = entries.map(([type, data]) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(data.length + 8, 4)
    return Buffer.concat([head, data])
  })
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4)
  return Buffer.concat([head, ...parts])
}

export function ico(entries) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(entries.length, 4)
  let offset = 6 + 16 * entries.length
  const directory = entries.map(([edge, data]) => {
    const entry = Buffer.alloc(16)
    entry.writeUInt8(edge >= 256 ? 0 : edge, 0)
    entry.writeUInt8(edge >= 256 ? 0 : edge, 1)
    entry.writeUInt16LE(1, 4)
    entry.writeUInt16LE(32, 6)
    entry.writeUInt32LE(data.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += data.length
    return entry
  })
  return Buffer.concat([header, ...directory, ...entries.map(([, data]) => data)])
}

export async function makeIcons(source, outDir) {
  const { width, height } = await sharp(source).metadata()
  if (width !== height) throw new Error(`${source} must be square (it is ${width}×${height}).`)
  // A bitmap is never upscaled: a size it cannot fill sharply is left out, and the OS scales the next one.
  const fits = (edge) => isVector(source) || edge <= width
  fs.mkdirSync(path.join(outDir, 'linux'), { recursive: true })
  const macEntries = await Promise.all(
    ICNS_TYPES.filter(([, edge]) => fits(edge)).map(async ([type, edge]) => [type, await png(source, edge)]),
  )
  fs.writeFileSync(path.join(outDir, 'icon.icns'), icns(macEntries))
  const winEntries = await Promise.all(ICO_SIZES.filter(fits).map(async (edge) => [edge, await png(source, edge)]))
  fs.writeFileSync(path.join(outDir, 'icon.ico'), ico(winEntries))
  for (const edge of LINUX_SIZES.filter(fits))
    fs.writeFileSync(path.join(outDir, 'linux', `${edge}x${edge}.png`), await png(source, edge))
  return { largest: Math.max(...ICNS_TYPES.map(([, edge]) => edge).filter(fits)) }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const source = process.argv[2] ?? path.join(root, 'resources/icon.svg')
  const outDir = process.argv[3] ?? path.join(root, 'build/icons')
  const { largest } = await makeIcons(source, outDir)
  console.log(
    `Icons for macOS, Windows and Linux made from ${path.relative(root, source)} (${largest} px) in ${path.relative(root, outDir)}/`,
  )
}
