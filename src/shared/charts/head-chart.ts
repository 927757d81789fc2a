import type { DesignDocument, LandmarkObject, LandmarkRole } from '../design/design-types'
import { DESIGN_SCHEMA_VERSION, LANDMARK_ROLES } from '../design/design-types'
import type { Point } from '../geometry/point'
import type { Calibration } from '../photos/photo'

/**
 * Head charts: a head drawn by Stipple at average adult proportions, stored as a photo flagged
 * as a chart, so a patient can be designed before any photo exists (a phone or e-mail
 * consultation). Every tool, the plan, the layers and the sheet work on it as on a photo,
 * because to them it is one: a picture with a known calibration.
 */
export const HEAD_CHART_VIEWS = [
  { value: 'front', label: 'Front' },
  { value: 'top', label: 'Top' },
  { value: 'left', label: 'Left side' },
  { value: 'right', label: 'Right side' },
  { value: 'back', label: 'Back' },
] as const
export type HeadChartView = (typeof HEAD_CHART_VIEWS)[number]['value']

export const labelOfChart = (view: HeadChartView) => HEAD_CHART_VIEWS.find((v) => v.value === view)?.label ?? view

export const isHeadChartView = (value: unknown): value is HeadChartView =>
  HEAD_CHART_VIEWS.some((v) => v.value === value)

/**
 * Average adult head, in mm. Head breadth about 155 and length (glabella to the back of the
 * head) about 195 are the middle of adult anthropometric surveys (men ~157/197, women
 * ~149/187); vertex to chin about 230, of which about 118 lie above the glabella. The hairline and temple points follow the clinical
 * defaults (mid-frontal point 8 cm above the glabella, fronto-temporal points 6.7 cm either side
 * of the midline on a flat front view).
 */
export const HEAD_CHART_PROPORTIONS = {
  breadthMm: 155,
  lengthMm: 195,
  vertexToChinMm: 230,
  vertexToGlabellaMm: 118,
  templeAboveGlabellaMm: 55,
  templeFromMidlineMm: 67,
} as const

/** A chart is drawn at 4 px per mm on a 250 × 300 mm sheet: fine enough to place a hairline point to a quarter millimetre. */
export const CHART_PX_PER_MM = 4
export const CHART_SIZE = { width: 1000, height: 1200 } as const

const mm = (v: number) => v * CHART_PX_PER_MM
const P = HEAD_CHART_PROPORTIONS
const CX = CHART_SIZE.width / 2
const VERTEX_Y = 160
const GLABELLA_Y = VERTEX_Y + mm(P.vertexToGlabellaMm)

/** The scale bar every chart carries: 5 cm, and the calibration line drawn along it. */
const SCALE_BAR = { a: { x: 80, y: 1150 }, b: { x: 80 + mm(50), y: 1150 } }

export function chartCalibration(): Calibration {
  return { a: SCALE_BAR.a, b: SCALE_BAR.b, lengthMm: 50 }
}

/** Where each landmark sits on a chart of that view, in chart pixels; a view shows only the ones it can. */
export function chartLandmarks(view: HeadChartView): Partial<Record<LandmarkRole, Point[]>> {
  const templeY = GLABELLA_Y - mm(P.templeAboveGlabellaMm)
  switch (view) {
    case 'front':
      return {
        midline: [
          { x: CX, y: VERTEX_Y },
          { x: CX, y: VERTEX_Y + mm(P.vertexToChinMm) },
        ],
        glabella: [{ x: CX, y: GLABELLA_Y }],
        'temple-left': [{ x: CX + mm(P.templeFromMidlineMm), y: templeY }],
        'temple-right': [{ x: CX - mm(P.templeFromMidlineMm), y: templeY }],
        vertex: [{ x: CX, y: VERTEX_Y }],
      }
    case 'top': {
      const front = 170
      return {
        midline: [
          { x: CX, y: front },
          { x: CX, y: front + mm(P.lengthMm) },
        ],
        glabella: [{ x: CX, y: front }],
        'temple-left': [{ x: CX + mm(P.templeFromMidlineMm), y: front + mm(25) }],
        'temple-right': [{ x: CX - mm(P.templeFromMidlineMm), y: front + mm(25) }],
        // The crown whorl sits about 62% of the way back along the midline.
        vertex: [{ x: CX, y: front + mm(P.lengthMm * 0.62) }],
      }
    }
    case 'left':
    case 'right': {
      const flip = (p: Point) => (view === 'right' ? { x: CHART_SIZE.width - p.x, y: p.y } : p)
      const temple = view === 'left' ? 'temple-left' : 'temple-right'
      return {
        glabella: [flip({ x: 150, y: GLABELLA_Y })],
        [temple]: [flip({ x: 150 + mm(28), y: GLABELLA_Y - mm(P.templeAboveGlabellaMm) })],
        vertex: [flip({ x: 150 + mm(P.lengthMm * 0.62), y: VERTEX_Y + 14 })],
      }
    }
    case 'back':
      return {
        midline: [
          { x: CX, y: VERTEX_Y },
          { x: CX, y: VERTEX_Y + mm(200) },
        ],
        vertex: [{ x: CX, y: VERTEX_Y + mm(22) }],
      }
  }
}

/** A new chart's design: its landmarks already placed, locked, so a later photo can take the design over. */
export function chartStartingDesign(view: HeadChartView): DesignDocument {
  const objects: LandmarkObject[] = Object.entries(chartLandmarks(view)).map(([role, points]) => ({
    id: `chart-${role}`,
    kind: 'landmark',
    role: role as LandmarkRole,
    name: LANDMARK_ROLES.find((r) => r.value === role)?.label ?? role,
    colour: '#0ea5e9',
    hidden: false,
    locked: true,
    points: points as Point[],
  }))
  return { schema: DESIGN_SCHEMA_VERSION, objects }
}

export const chartFileName = (view: HeadChartView) => `Head chart - ${labelOfChart(view).toLowerCase()}.png`

const INK = '#4b5563'
const FAINT = '#d7dce3'

function grid(): string {
  const lines: string[] = []
  for (let x = 0; x <= CHART_SIZE.width; x += mm(10))
    lines.push(`<line x1="${x}" y1="0" x2="${x}" y2="${CHART_SIZE.height}"/>`)
  for (let y = 0; y <= CHART_SIZE.height; y += mm(10))
    lines.push(`<line x1="0" y1="${y}" x2="${CHART_SIZE.width}" y2="${y}"/>`)
  return `<g stroke="${FAINT}" stroke-width="1">${lines.join('')}</g>`
}

function frontHead(withFace: boolean): string {
  const r = mm(P.breadthMm / 2)
  const top = VERTEX_Y
  const wide = top + r * 1.15
  const chin = top + mm(P.vertexToChinMm)
  const outline = `M ${CX - r} ${wide} A ${r} ${r * 1.15} 0 0 1 ${CX + r} ${wide}
    C ${CX + r} ${wide + 180}, ${CX + r - 70} ${chin - 180}, ${CX + 120} ${chin - 60}
    Q ${CX + 60} ${chin} ${CX} ${chin} Q ${CX - 60} ${chin} ${CX - 120} ${chin - 60}
    C ${CX - r + 70} ${chin - 180}, ${CX - r} ${wide + 180}, ${CX - r} ${wide} Z`
  const ears = `<ellipse cx="${CX - r - 22}" cy="${GLABELLA_Y + 60}" rx="30" ry="78"/>
    <ellipse cx="${CX + r + 22}" cy="${GLABELLA_Y + 60}" rx="30" ry="78"/>`
  const face = withFace
    ? `<path d="M ${CX - 150} ${GLABELLA_Y - 18} q 60 -26 120 -4 M ${CX + 150} ${GLABELLA_Y - 18} q -60 -26 -120 -4"/>
       <ellipse cx="${CX - 95}" cy="${GLABELLA_Y + 40}" rx="46" ry="17"/>
       <ellipse cx="${CX + 95}" cy="${GLABELLA_Y + 40}" rx="46" ry="17"/>
       <path d="M ${CX - 8} ${GLABELLA_Y + 30} L ${CX - 34} ${GLABELLA_Y + 190} Q ${CX} ${GLABELLA_Y + 210} ${CX + 34} ${GLABELLA_Y + 190}"/>
       <path d="M ${CX - 80} ${GLABELLA_Y + 290} Q ${CX} ${GLABELLA_Y + 312} ${CX + 80} ${GLABELLA_Y + 290}"/>`
    : `<path d="M ${CX - r + 40} ${chin - 40} Q ${CX} ${chin + 10} ${CX + r - 40} ${chin - 40}" stroke-dasharray="10 8"/>`
  return `<g fill="none" stroke="${INK}" stroke-width="4"><path d="${outline}" fill="#f4efe9"/>${ears}${face}</g>`
}

function topHead(): string {
  const front = 170
  const rx = mm(P.breadthMm / 2)
  const ry = mm(P.lengthMm / 2)
  const cy = front + ry
  return `<g fill="none" stroke="${INK}" stroke-width="4">
    <path d="M ${CX - 26} ${front + 6} Q ${CX} ${front - 60} ${CX + 26} ${front + 6}" fill="#f4efe9"/>
    <ellipse cx="${CX - rx - 10}" cy="${cy - 10}" rx="22" ry="70" fill="#f4efe9"/>
    <ellipse cx="${CX + rx + 10}" cy="${cy - 10}" rx="22" ry="70" fill="#f4efe9"/>
    <ellipse cx="${CX}" cy="${cy}" rx="${rx}" ry="${ry}" fill="#f4efe9"/>
    <text x="${CX + 50}" y="${front - 30}" stroke="none" fill="${INK}" font-size="24" font-family="sans-serif">face</text>
  </g>`
}

function sideHead(): string {
  const back = 150 + mm(P.lengthMm)
  const cy = VERTEX_Y + mm(85)
  const chin = VERTEX_Y + mm(P.vertexToChinMm)
  const g = GLABELLA_Y
  const outline = `M 150 ${g} Q 160 ${g + 40} 140 ${g + 70} L 95 ${g + 190} L 140 ${g + 205}
    Q 150 ${g + 260} 140 ${g + 300} Q 170 ${chin - 40} 230 ${chin} Q 330 ${chin + 20} 500 ${chin - 90}
    L 520 ${chin + 60} L 760 ${chin + 60} C 800 ${chin - 80}, ${back} ${cy + 300}, ${back} ${cy}
    A ${mm(P.lengthMm / 2)} ${mm(85)} 0 1 0 150 ${g} Z`
  return `<g fill="none" stroke="${INK}" stroke-width="4"><path d="${outline}" fill="#f4efe9"/>
    <ellipse cx="570" cy="${g + 80}" rx="40" ry="78"/>
    <path d="M 175 ${g + 40} q 40 -10 70 6"/></g>`
}

function headDrawing(view: HeadChartView): string {
  if (view === 'front') return frontHead(true)
  if (view === 'back') return frontHead(false)
  if (view === 'top') return topHead()
  const side = sideHead()
  return view === 'right' ? `<g transform="translate(${CHART_SIZE.width} 0) scale(-1 1)">${side}</g>` : side
}

/**
 * The chart as an SVG document: a 1 cm grid, the head, a 5 cm scale bar (the chart's
 * calibration line) and a caption saying what it is. Drawn entirely by Stipple's code.
 */
export function headChartSvg(view: HeadChartView): string {
  const { a, b } = SCALE_BAR
  const label = `Head chart · ${labelOfChart(view)} · average adult, drawn by Stipple`
  const detail = `Head ${P.breadthMm} mm wide, ${P.lengthMm} mm long · 1 cm grid`
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_SIZE.width}" height="${CHART_SIZE.height}" viewBox="0 0 ${CHART_SIZE.width} ${CHART_SIZE.height}">
  <rect width="100%" height="100%" fill="#ffffff"/>
  ${grid()}
  ${headDrawing(view)}
  <g stroke="${INK}" stroke-width="4">
    <line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}"/>
    <line x1="${a.x}" y1="${a.y - 14}" x2="${a.x}" y2="${a.y + 14}"/>
    <line x1="${b.x}" y1="${b.y - 14}" x2="${b.x}" y2="${b.y + 14}"/>
  </g>
  <g fill="${INK}" font-family="sans-serif">
    <text x="${(a.x + b.x) / 2}" y="${a.y - 22}" text-anchor="middle" font-size="26">5 cm</text>
    <text x="40" y="56" font-size="26">${label}</text>
    <text x="40" y="92" font-size="20">${detail}</text>
  </g>
</svg>`
}
