import { addDays, daysBetween, formatDay } from '../../../../shared/plan/plan-dates'
import type { SceneLayer } from './simulation-scene'

export interface TimelineMark {
  day: string
  /** Short, for the button under the slider ("S1"). */
  label: string
  /** In full, for its tooltip and screen readers ("Session 1"). */
  name: string
  kind: 'session' | 'touch-up'
}

/** Years after the last session the slider reaches: long enough to see permanent pigment settle. */
const YEARS_AHEAD = 5
/** Days before the first session, so "before treatment" is on the slider. */
const DAYS_BEFORE = 14

export function timelineRange(layers: readonly SceneLayer[]): { start: string; end: string } | null {
  const days = layers.filter((l) => l.session.status !== 'skipped').map((l) => l.session.startsAt.slice(0, 10))
  if (days.length === 0) return null
  const sorted = [...days].sort()
  return {
    start: addDays(sorted[0] as string, -DAYS_BEFORE),
    end: addDays(sorted.at(-1) as string, Math.round(YEARS_AHEAD * 365.25)),
  }
}

/** The day the layers show when the artist has not picked one: the plan as it ends. */
export function defaultDay(layers: readonly SceneLayer[]): string | null {
  const days = layers.filter((l) => l.session.status !== 'skipped').map((l) => l.session.startsAt.slice(0, 10))
  return days.length ? ([...days].sort().at(-1) as string) : null
}

/**
 * A date slider over the plan: before treatment, each session, and years ahead, with the
 * sessions and suggested touch-ups marked on its track and one-click stops below it.
 */
export function FadeTimeline(props: {
  range: { start: string; end: string }
  day: string
  marks: readonly TimelineMark[]
  onChange(day: string): void
}) {
  const { range, day, marks, onChange } = props
  const total = Math.max(1, daysBetween(range.start, range.end))
  const offset = Math.min(total, Math.max(0, daysBetween(range.start, day)))
  const at = (d: string) => `${(Math.min(total, Math.max(0, daysBetween(range.start, d))) / total) * 100}%`
  const stops = [
    { label: 'Before', name: 'Before treatment', day: range.start },
    ...marks.filter((m) => m.kind === 'session').map((m) => ({ label: m.label, name: m.name, day: m.day })),
    ...[1, 2, 5].map((years) => ({
      label: `+${years} y`,
      name: `${years} year${years === 1 ? '' : 's'} after the last session`,
      day: addDays(marks.filter((m) => m.kind === 'session').at(-1)?.day ?? range.start, Math.round(years * 365.25)),
    })),
  ]
  return (
    <div className="fade-timeline">
      <div className="fade-timeline__head">
        <label htmlFor="fade-timeline-range">Show as of</label>
        <output htmlFor="fade-timeline-range" className="fade-timeline__date">
          {formatDay(day)}
        </output>
      </div>
      <div className="fade-timeline__track">
        <input
          id="fade-timeline-range"
          type="range"
          min={0}
          max={total}
          step={1}
          value={offset}
          aria-valuetext={formatDay(day)}
          onChange={(event) => onChange(addDays(range.start, Number(event.currentTarget.value)))}
        />
        <div className="fade-timeline__marks" aria-hidden="true">
          {marks.map((m) => (
            <span
              key={`${m.kind}-${m.label}-${m.day}`}
              className={`fade-timeline__mark fade-timeline__mark--${m.kind}`}
              style={{ left: at(m.day) }}
              title={`${m.name} · ${formatDay(m.day)}`}
            />
          ))}
        </div>
      </div>
      <div className="fade-timeline__stops">
        {stops.map((stop) => (
          <button
            key={`${stop.label}-${stop.day}`}
            type="button"
            className="button button--ghost button--small"
            aria-pressed={stop.day === day}
            title={`${stop.name} · ${formatDay(stop.day)}`}
            onClick={() => onChange(stop.day)}
          >
            {stop.label}
          </button>
        ))}
      </div>
    </div>
  )
}
