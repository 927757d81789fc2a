import {
  CHART_YEARS,
  fadedColour,
  fadeSamples,
  fadeSummary,
  freshColour,
  isDrawable,
  type PigmentLook,
  rgbCss,
} from './fade-curve'

const W = 260
const H = 104
const LEFT = 38
const RIGHT = 44
const TOP = 10
const BOTTOM = 20
const plotW = W - LEFT - RIGHT
const plotH = H - TOP - BOTTOM
const x = (years: number) => LEFT + (years / CHART_YEARS) * plotW
const y = (strength: number) => TOP + (1 - strength) * plotH
const YEARS = Array.from({ length: CHART_YEARS + 1 }, (_, i) => i)

/**
 * How a pigment fades over five years, so the artist sees what τ, shape and floor mean: the
 * strength left as a curve, the part that never fades as a dashed line, and the dot's colour
 * fresh and at five years (where a carbon black shows its drift toward blue-green).
 */
export function FadeChart({ pigment, name }: { pigment: PigmentLook; name: string }) {
  if (!isDrawable(pigment.fade))
    return (
      <p className="fade-chart fade-chart--empty">
        Enter a fade time above 0, a shape and a lasting share below 100% to see the curve.
      </p>
    )
  const samples = fadeSamples(pigment.fade)
  const path = samples.map((s, i) => `${i === 0 ? 'M' : 'L'}${x(s.years).toFixed(1)} ${y(s.strength).toFixed(1)}`)
  const end = samples.at(-1)?.strength ?? 0
  return (
    <svg
      className="fade-chart"
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={`Fade of ${name || 'this pigment'}: ${fadeSummary(pigment.fade)}`}
    >
      {[0, 0.5, 1].map((s) => (
        <g key={s}>
          <line className="fade-chart__grid" x1={LEFT} x2={LEFT + plotW} y1={y(s)} y2={y(s)} />
          <text className="fade-chart__label" x={LEFT - 9} y={y(s) + 3.5} textAnchor="end">
            {s * 100}%
          </text>
        </g>
      ))}
      {YEARS.map((year) => (
        <text key={year} className="fade-chart__label" x={x(year)} y={H - 5} textAnchor="middle">
          {year === CHART_YEARS ? `${year} y` : year}
        </text>
      ))}
      {pigment.fade.floor > 0 && (
        <line
          className="fade-chart__floor"
          x1={LEFT}
          x2={LEFT + plotW}
          y1={y(pigment.fade.floor)}
          y2={y(pigment.fade.floor)}
        />
      )}
      <path className="fade-chart__curve" d={path.join(' ')} />
      <circle className="fade-chart__dot" cx={x(0)} cy={y(1)} r={6} fill={rgbCss(freshColour(pigment))} />
      <circle className="fade-chart__dot" cx={x(CHART_YEARS)} cy={y(end)} r={6} fill={rgbCss(fadedColour(pigment))} />
      <text className="fade-chart__value" x={x(CHART_YEARS) + 10} y={y(end) + 4}>
        {Math.round(end * 100)}%
      </text>
    </svg>
  )
}
