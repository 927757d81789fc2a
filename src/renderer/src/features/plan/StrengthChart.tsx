import { type RefObject, useEffect, useMemo, useRef, useState } from 'react'
import { DAYS_PER_YEAR, formatDay, MS_PER_DAY, toDay, wallClockMs } from '../../../../shared/plan/plan-dates'
import type { PlanDraft, Session } from '../../../../shared/plan/plan-types'
import { type PlanZone, zoneKey } from '../../../../shared/plan/plan-zones'
import { chronological } from '../../../../shared/plan/session-density'
import {
  type StrengthPoint,
  strengthSeries,
  type TouchUpSuggestion,
  touchUpSuggestions,
} from '../../../../shared/plan/timeline'
import { DateInput } from '../../ui/DateInput'
import { Field } from '../../ui/Field'
import { monthTicks, percentTicks } from './chart-axes'
import { usePlan, usePlanActions } from './plan-context'
import { percent, zoneColour, zoneLabels } from './plan-format'
import type { PlanWorld } from './plan-world'

/** How far past the last session the chart looks. */
const YEARS_AFTER = 3
/** How far past the last session a touch-up is looked for. */
const HORIZON_YEARS = 10
const HEIGHT = 240
const MARGIN = { top: 12, right: 120, bottom: 28, left: 44 }
/** How far apart lines with the very same course are drawn, px, so none hides another. */
const TWIN_OFFSET = 3
const DASHES = [undefined, '6 3', '2 3', '8 3 2 3']
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom
/** Room each month label needs on the time axis, px. */
const TICK_SPACING = 90

interface Line {
  zone: PlanZone
  label: string
  colour: string
  points: StrengthPoint[]
  suggestion: TouchUpSuggestion | null
  /** Place among the lines with the very same course (0 for the first), which draws it offset and dashed. */
  twin: number
}

/** Numbers each line among those whose course is the same as its own, to the nearest 0.1%. */
function twins(series: readonly StrengthPoint[][]): number[] {
  const seen = new Map<string, number>()
  return series.map((points) => {
    const key = points.map((p) => `${p.at}:${Math.round(p.strength * 1000)}`).join('|')
    const n = seen.get(key) ?? 0
    seen.set(key, n + 1)
    return n
  })
}

interface ChartData {
  sessions: Session[]
  lines: Line[]
  fromMs: number
  toMs: number
  yTop: number
}

function chartData(draft: PlanDraft, world: PlanWorld): ChartData | null {
  const sessions = chronological(draft.sessions).filter((s) => s.status !== 'skipped')
  const first = sessions[0]
  const last = sessions.at(-1)
  if (!first || !last) return null
  const treated = new Set(sessions.flatMap((s) => s.treatments.map((t) => zoneKey(t.designId, t.zoneId))))
  const zones = world.zones.filter((z) => treated.has(z.key))
  if (zones.length === 0) return null
  const labels = zoneLabels(world)
  const suggestions = touchUpSuggestions(draft, zones, world.pigments, world.settings, HORIZON_YEARS)
  const series = zones.map((zone) =>
    strengthSeries(draft, zone, world.pigments, world.settings, { yearsAfter: YEARS_AFTER }),
  )
  const places = twins(series)
  const lines = zones.map((zone, i) => ({
    zone,
    label: labels.get(zone.key) ?? zone.name,
    colour: zoneColour(world, zone),
    points: series[i] ?? [],
    suggestion: suggestions.find((s) => s.zoneKey === zone.key) ?? null,
    twin: places[i] ?? 0,
  }))
  const highest = Math.max(
    1,
    world.settings.protocols[draft.technique].touchUpShare,
    ...lines.flatMap((l) => l.points.map((p) => p.strength)),
  )
  const ticks = percentTicks(highest)
  return {
    sessions,
    lines,
    fromMs: wallClockMs(first.startsAt),
    toMs: wallClockMs(last.startsAt) + YEARS_AFTER * DAYS_PER_YEAR * MS_PER_DAY,
    yTop: ticks.at(-1) ?? 1,
  }
}

/** "Frontal: touch-up suggested 12 Mar 2028, strength 58%". */
function suggestionText(line: Line, touchUpShare: number): string {
  return line.suggestion
    ? `${line.label}: touch-up suggested ${formatDay(line.suggestion.date)}, strength ${percent(line.suggestion.strength)}`
    : `${line.label}: stays above ${percent(touchUpShare)} for ${HORIZON_YEARS} years`
}

/** The element's content width, kept up to date, so the chart draws its text at its real size. */
function useWidth(): [RefObject<HTMLElement | null>, number] {
  const ref = useRef<HTMLElement>(null)
  const [width, setWidth] = useState(720)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(320, Math.floor(entry.contentRect.width)))
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return [ref, width]
}

/**
 * Each treated zone's simulated strength (a share of its target) from the first session to three
 * years after the last: layers stack at each session, settle and fade by their pigment's model.
 * Every zone is drawn and named at its line's end; zones with the same course are drawn offset
 * and dashed. The dashed grey line is where a touch-up is suggested.
 */
export function StrengthChart({ world, draft }: { world: PlanWorld; draft: PlanDraft }) {
  const viewDate = usePlan((s) => s.viewDate)
  const { setViewDate } = usePlanActions()
  const data = useMemo(() => chartData(draft, world), [draft, world])
  const { touchUpShare } = world.settings.protocols[draft.technique]
  const [ref, width] = useWidth()

  return (
    <section ref={ref} className="card plan-chart" aria-labelledby="plan-chart-title">
      <h2 className="section-title" id="plan-chart-title">
        Strength over time
      </h2>
      <p className="plan-chart__meaning" id="plan-chart-meaning">
        <strong>100% is the zone's target density once healed</strong>: the finished look the plan aims for. Right after
        a session the fresh dots and scabs look darker, so a line stands above 100% and settles over the following weeks
        (temporary pigment loses 30–50% by the finishing session). Then each pigment fades by its own model, set in
        Settings › Pigments.
      </p>
      {data ? (
        <ChartBody data={data} width={width} touchUpShare={touchUpShare} viewDate={viewDate} />
      ) : (
        <p className="panel-hint">The chart appears once a session treats a zone.</p>
      )}
      <div className="plan-chart__view-date">
        <Field
          id="plan-view-date"
          label="Show the layers as on"
          hint="Photos draw each session's dots faded to this day; empty shows them as the plan ends."
        >
          {(control) => <DateInput {...control} value={viewDate ?? ''} onChange={(day) => setViewDate(day || null)} />}
        </Field>
        {viewDate && (
          <button type="button" className="button button--small" onClick={() => setViewDate(null)}>
            Clear
          </button>
        )}
      </div>
    </section>
  )
}

interface ChartBodyProps {
  data: ChartData
  width: number
  touchUpShare: number
  viewDate: string | null
}

function ChartBody({ data, width, touchUpShare, viewDate }: ChartBodyProps) {
  const { fromMs, toMs, yTop } = data
  const plotW = width - MARGIN.left - MARGIN.right
  const x = (ms: number) => MARGIN.left + ((ms - fromMs) / (toMs - fromMs || 1)) * plotW
  const y = (strength: number) => MARGIN.top + PLOT_H * (1 - strength / yTop)
  const inRange = (ms: number) => ms >= fromMs && ms <= toMs
  const viewMs = viewDate ? wallClockMs(viewDate) : Number.NaN
  const end = toDay(toMs)
  const summary =
    `Simulated strength of ${data.lines.length} zone${data.lines.length === 1 ? '' : 's'} as a share of the healed target, ` +
    `${formatDay(data.sessions[0]?.startsAt ?? end)} to ${formatDay(end)}, touch-up line at ${percent(touchUpShare)}. ` +
    data.lines.map((l) => `${l.label} peaks at ${percent(Math.max(...l.points.map((p) => p.strength)))}`).join('; ')

  return (
    <>
      <svg
        className="plan-chart__svg"
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-label={summary}
      >
        {percentTicks(yTop).map((t) => (
          <g key={t} className="plan-chart__grid">
            <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} />
            <text x={MARGIN.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
              {percent(t)}
            </text>
          </g>
        ))}
        {monthTicks(fromMs, toMs, Math.max(2, Math.floor(plotW / TICK_SPACING)))
          .filter((t) => x(t.ms) <= width - TICK_SPACING / 3)
          .map((t) => (
            <text key={t.ms} className="plan-chart__axis" x={x(t.ms)} y={HEIGHT - 8} textAnchor="middle">
              {t.label}
            </text>
          ))}
        <line className="plan-chart__target" x1={MARGIN.left} x2={width - MARGIN.right} y1={y(1)} y2={y(1)} />
        <text className="plan-chart__axis" x={width - MARGIN.right + 4} y={y(1)} dy="0.32em">
          Target
        </text>
        <line
          className="plan-chart__touch-up"
          x1={MARGIN.left}
          x2={width - MARGIN.right}
          y1={y(touchUpShare)}
          y2={y(touchUpShare)}
        />
        {data.sessions.map((s, i) => (
          <line
            key={s.id}
            className="plan-chart__session"
            x1={x(wallClockMs(s.startsAt))}
            x2={x(wallClockMs(s.startsAt))}
            y1={MARGIN.top + PLOT_H}
            y2={MARGIN.top + PLOT_H - 8}
          >
            <title>{`Session ${i + 1}${s.name.trim() ? ` · ${s.name.trim()}` : ''}, ${formatDay(s.startsAt)}`}</title>
          </line>
        ))}
        {inRange(viewMs) && (
          <line className="plan-chart__view" x1={x(viewMs)} x2={x(viewMs)} y1={MARGIN.top} y2={MARGIN.top + PLOT_H}>
            <title>{`Layers shown as on ${formatDay(viewDate ?? '')}`}</title>
          </line>
        )}
        {data.lines.map((line) => (
          <path
            key={line.zone.key}
            className="plan-chart__line"
            data-zone={line.zone.key}
            stroke={line.colour}
            strokeDasharray={DASHES[line.twin % DASHES.length]}
            transform={line.twin ? `translate(0 ${line.twin * TWIN_OFFSET})` : undefined}
            d={line.points
              .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(wallClockMs(p.at)).toFixed(1)},${y(p.strength).toFixed(1)}`)
              .join('')}
          />
        ))}
        {endLabels(data.lines, y).map(({ line, at }) => (
          <text
            key={line.zone.key}
            className="plan-chart__end-label"
            x={width - MARGIN.right + 4}
            y={at}
            dy="0.32em"
            fill={line.colour}
          >
            {line.label}
          </text>
        ))}
        {data.lines.map(({ zone, colour, suggestion, label }) => {
          if (!suggestion || !inRange(wallClockMs(suggestion.date))) return null
          return (
            <circle
              key={zone.key}
              className="plan-chart__suggestion"
              cx={x(wallClockMs(suggestion.date))}
              cy={y(suggestion.strength)}
              r={4.5}
              fill={colour}
            >
              <title>{`${label}: touch-up suggested ${formatDay(suggestion.date)}`}</title>
            </circle>
          )
        })}
      </svg>
      <ul className="plan-chart__legend" aria-label="Zones">
        {data.lines.map((line) => (
          <li key={line.zone.key}>
            <span className="plan-chart__key" style={{ background: line.colour }} aria-hidden="true" />
            {line.label}
            {line.twin > 0 && ' (same course as another zone, drawn dashed just below it)'}
          </li>
        ))}
        <li>
          <span className="plan-chart__key plan-chart__key--touch-up" aria-hidden="true" />
          Touch-up line ({percent(touchUpShare)})
        </li>
      </ul>
      <ul className="plan-chart__suggestions" aria-label="Touch-up suggestions">
        {data.lines.map((line) => (
          <li key={line.zone.key}>{suggestionText(line, touchUpShare)}</li>
        ))}
      </ul>
    </>
  )
}

/** Where each line's name goes at the right end, nudged apart so no two names overlap. */
function endLabels(lines: readonly Line[], y: (strength: number) => number): { line: Line; at: number }[] {
  const wanted = lines
    .map((line) => ({ line, at: y(line.points.at(-1)?.strength ?? 0) + line.twin * TWIN_OFFSET }))
    .sort((a, b) => a.at - b.at)
  const LINE_GAP = 13
  for (let i = 1; i < wanted.length; i++) {
    const previous = wanted[i - 1]
    const current = wanted[i]
    if (previous && current && current.at - previous.at < LINE_GAP) current.at = previous.at + LINE_GAP
  }
  return wanted
}
