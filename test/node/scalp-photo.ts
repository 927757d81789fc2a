import sharp from 'sharp'

export interface ScalpPhotoOptions {
  width?: number
  height?: number
  /** Pixels per millimetre of the drawn ruler, so a test knows the true calibration. */
  pxPerMm?: number
  /** Shifts the skin tone, so two photos differ in content. */
  tone?: number
}

/**
 * A synthetic top-of-head photo: skin, a stippled hair margin and a millimetre ruler along the
 * bottom whose scale the caller chooses. Rendered from SVG by sharp, so tests import real JPEGs.
 */
export async function scalpPhotoJpeg(options: ScalpPhotoOptions = {}): Promise<Buffer> {
  const { width = 1200, height = 900, pxPerMm = 10, tone = 0 } = options
  const ticks: string[] = []
  const rulerY = height - 80
  for (let mm = 0; mm <= 60; mm++) {
    const x = 100 + mm * pxPerMm
    const long = mm % 10 === 0 ? 30 : mm % 5 === 0 ? 20 : 12
    ticks.push(`<line x1="${x}" y1="${rulerY}" x2="${x}" y2="${rulerY + long}" stroke="#111" stroke-width="1"/>`)
  }
  const dots: string[] = []
  let seed = 7 + tone
  const random = () => {
    seed = (seed * 16807) % 2147483647
    return seed / 2147483647
  }
  for (let i = 0; i < 1500; i++) {
    const angle = Math.PI * (1 + random())
    const r = 0.42 + random() * 0.06
    dots.push(
      `<circle cx="${(width / 2 + Math.cos(angle) * width * r).toFixed(1)}" cy="${(height * 0.55 + Math.sin(angle) * height * r).toFixed(1)}" r="${(1 + random() * 1.5).toFixed(1)}" fill="#2b2118"/>`,
    )
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="#3a3a3c"/>
    <ellipse cx="${width / 2}" cy="${height * 0.55}" rx="${width * 0.44}" ry="${height * 0.46}" fill="rgb(${214 - tone},${170 - tone},${140 - tone})"/>
    ${dots.join('')}
    <rect x="90" y="${rulerY - 10}" width="${60 * pxPerMm + 20}" height="50" fill="#f4f1e8"/>
    ${ticks.join('')}
  </svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer()
}
