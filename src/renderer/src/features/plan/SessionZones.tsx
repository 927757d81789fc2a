import { PLAN_LIMITS } from '../../../../shared/plan/plan-limits'
import { sessionField } from '../../../../shared/plan/plan-problems'
import {
  NEEDLE_CONFIGS,
  type NeedleConfig,
  type Session,
  type Technique,
  type TreatmentAmount,
  type ZoneTreatment,
} from '../../../../shared/plan/plan-types'
import { type PlanZone, zoneKey } from '../../../../shared/plan/plan-zones'
import type { SessionZoneDensity } from '../../../../shared/plan/session-density'
import { count } from '../../ui/format'
import { NumberInput } from '../../ui/NumberInput'
import { PigmentSelect } from './PigmentSelect'
import { usePlanActions } from './plan-context'
import { keyId, percent, zoneColour, zoneView } from './plan-format'
import type { PlanWorld } from './plan-world'
import type { ZoneOutcome } from './SessionList'
import { roundShare, setTreatment, setTreatmentTools } from './session-edits'
import { useFieldRun } from './use-field-run'

interface ZoneRow {
  key: string
  designId: string
  zoneId: string
  label: string
  view: string
  colour: string
  /** null for a zone deleted from its design since the session was planned. */
  zone: PlanZone | null
}

interface SessionZonesProps {
  world: PlanWorld
  session: Session
  title: string
  labels: Map<string, string>
  densities: readonly SessionZoneDensity[]
  /** Zone key → what this session comes to there. */
  outcomes: ReadonlyMap<string, ZoneOutcome>
  technique: Technique
  problems: Record<string, string>
  /** What a newly ticked zone gets. */
  defaultAmount: TreatmentAmount
}

const coveragePercent = (x: number) => `${(x * 100).toFixed(1)}%`

/** Every zone of the patient, plus any zone this session still names that has since been deleted. */
function zoneRows(world: PlanWorld, session: Session, labels: Map<string, string>): ZoneRow[] {
  const rows: ZoneRow[] = world.zones.map((zone) => ({
    key: zone.key,
    designId: zone.designId,
    zoneId: zone.zoneId,
    label: labels.get(zone.key) ?? zone.name,
    view: zoneView(world, zone),
    colour: zoneColour(world, zone),
    zone,
  }))
  const known = new Set(rows.map((r) => r.key))
  for (const { designId, zoneId } of session.treatments) {
    const key = zoneKey(designId, zoneId)
    if (!known.has(key))
      rows.push({ key, designId, zoneId, label: 'Deleted zone', view: '—', colour: 'transparent', zone: null })
  }
  return rows
}

/** The zones a session treats, how much it adds to each, and what that comes to. */
export function SessionZones(props: SessionZonesProps) {
  const { world, session, title, labels, densities, outcomes, problems, defaultAmount } = props
  const rows = zoneRows(world, session, labels)
  if (rows.length === 0)
    return (
      <p className="panel-hint">No zones drawn yet: draw density zones over the patient's photos in the Photos tab.</p>
    )
  const skipped = session.status === 'skipped'
  const byKey = new Map(densities.map((d) => [d.zoneKey, d]))
  const counted = densities.filter((d) => d.impressions !== null)
  const uncalibrated = rows.some(
    (r) => r.zone?.areaCm2 === null && session.treatments.some((t) => zoneKey(t.designId, t.zoneId) === r.key),
  )
  return (
    <div className="plan-zones-wrap">
      <table className="plan-zones">
        <caption className="visually-hidden">Zones treated in {title}</caption>
        <thead>
          <tr>
            <th scope="col">Zone</th>
            <th scope="col">View</th>
            <th scope="col">Treat</th>
            <th scope="col">Amount</th>
            <th scope="col" title="Impressions per cm² this session adds">
              Adds
            </th>
            <th scope="col" title="Zone area × added density">
              Impressions
            </th>
            <th
              scope="col"
              title="The zone's strength once this session has settled, what has faded counted; 100% is the healed target"
            >
              Reached
            </th>
            <th
              scope="col"
              title={`Share of skin the pigment still present covers on the day of this session, fresh dots at their fresh size; above ${percent(world.settings.coverageLimit)} they may run together`}
            >
              Coverage on the day
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <ZoneRowView
              key={row.key}
              row={row}
              session={session}
              title={title}
              density={byKey.get(row.key) ?? null}
              outcome={outcomes.get(row.key) ?? null}
              world={world}
              technique={props.technique}
              problem={problems[sessionField(session.id, `treatments.${row.key}`)]}
              coverageLimit={world.settings.coverageLimit}
              defaultAmount={defaultAmount}
            />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5}>
              Impressions this session
            </th>
            <td>{counted.length === 0 ? '—' : count(counted.reduce((sum, d) => sum + (d.impressions ?? 0), 0))}</td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      </table>
      {skipped && <p className="panel-hint">Skipped: this session adds nothing to the plan.</p>}
      {uncalibrated && (
        <p className="panel-hint">
          Impressions need a calibrated photo: calibrate it against a ruler in the Photos tab.
        </p>
      )}
    </div>
  )
}

interface ZoneRowProps {
  row: ZoneRow
  session: Session
  title: string
  density: SessionZoneDensity | null
  outcome: ZoneOutcome | null
  world: PlanWorld
  technique: Technique
  problem: string | undefined
  coverageLimit: number
  defaultAmount: TreatmentAmount
}

function ZoneRowView(props: ZoneRowProps) {
  const { row, session, title, density, outcome, problem, coverageLimit, defaultAmount } = props
  const coverage = outcome?.coverage ?? null
  const { change } = usePlanActions()
  const treatment = session.treatments.find((t) => zoneKey(t.designId, t.zoneId) === row.key)
  const base = `session-${session.id}-zone-${keyId(row.key)}`
  const problemId = `${base}-problem`
  const set = (label: string, amount: TreatmentAmount | null, coalesceKey?: string) =>
    change(`${title} ${row.label} ${label}`, (d) => setTreatment(d, session.id, row, amount), coalesceKey)
  const cells = 8
  return (
    <>
      <tr className={treatment ? undefined : 'plan-zones__off'}>
        <th scope="row">
          <span className="plan-swatch" style={{ background: row.colour }} aria-hidden="true" /> {row.label}
        </th>
        <td>{row.view}</td>
        <td>
          <input
            type="checkbox"
            className="plan-zones__check"
            aria-label={`Treat ${row.label} in ${title}`}
            checked={Boolean(treatment)}
            disabled={!row.zone && !treatment}
            onChange={(event) =>
              set(event.target.checked ? 'added' : 'removed', event.target.checked ? defaultAmount : null)
            }
          />
        </td>
        <td>
          {treatment && (
            <AmountInput
              id={`${base}-amount`}
              amount={treatment.amount}
              target={row.zone?.targetDensity ?? null}
              label={`${row.label} in ${title}`}
              problemId={problem ? problemId : undefined}
              onChange={(amount, coalesceKey) => set('amount', amount, coalesceKey)}
            />
          )}
        </td>
        <td>{density ? `${count(density.added)}/cm²` : '—'}</td>
        <td title={density && density.impressions === null ? 'Calibrate the photo to count impressions' : undefined}>
          {density?.impressions != null ? count(density.impressions) : '—'}
        </td>
        <td>{density && outcome ? percent(outcome.reached) : '—'}</td>
        <td className={coverage !== null && coverage > coverageLimit ? 'plan-zones__over' : undefined}>
          {density && coverage !== null ? coveragePercent(coverage) : '—'}
        </td>
      </tr>
      {treatment && (
        <tr className="plan-zones__tools">
          <td colSpan={cells}>
            <ZoneTools
              base={base}
              label={`${row.label} in ${title}`}
              session={session}
              treatment={treatment}
              world={props.world}
              technique={props.technique}
              density={density}
              onChange={(what, patch) =>
                change(`${title} ${row.label} ${what}`, (d) => setTreatmentTools(d, session.id, row, patch))
              }
            />
          </td>
        </tr>
      )}
      {problem && (
        <tr className="plan-zones__problem">
          <td colSpan={cells} id={problemId} className="field__error">
            {problem}
          </td>
        </tr>
      )}
    </>
  )
}

interface AmountInputProps {
  id: string
  amount: TreatmentAmount
  /** The zone's target density; null when the zone is gone and the unit cannot be converted. */
  target: number | null
  label: string
  problemId: string | undefined
  onChange(amount: TreatmentAmount, coalesceKey?: string): void
}

/** An amount as a percentage of the zone's target or in impressions per cm², convertible between the two. */
function AmountInput({ id, amount, target, label, problemId, onChange }: AmountInputProps) {
  const run = useFieldRun(id)
  const share = amount.unit === 'share'
  const limits = share ? { min: PLAN_LIMITS.share.min * 100, max: PLAN_LIMITS.share.max * 100 } : PLAN_LIMITS.perCm2
  const convert = (unit: TreatmentAmount['unit']): TreatmentAmount | null => {
    if (unit === amount.unit || target === null) return null
    if (unit === 'share') {
      const value = roundShare(amount.value / target)
      return { unit, value: Math.min(PLAN_LIMITS.share.max, Math.max(PLAN_LIMITS.share.min, value)) }
    }
    const value = Math.round(amount.value * target)
    return { unit, value: Math.min(PLAN_LIMITS.perCm2.max, Math.max(PLAN_LIMITS.perCm2.min, value)) }
  }
  return (
    <span className="plan-amount">
      <NumberInput
        id={id}
        className="input plan-amount__value"
        value={share ? Math.round(amount.value * 10_000) / 100 : amount.value}
        min={limits.min}
        max={limits.max}
        step={share ? 5 : 10}
        aria-label={`Amount for ${label}`}
        aria-invalid={Boolean(problemId)}
        {...(problemId && { 'aria-describedby': problemId })}
        onFocus={run.onFocus}
        onCommit={(value) =>
          onChange(share ? { unit: 'share', value: roundShare(value / 100) } : { unit: 'perCm2', value }, run.key())
        }
      />
      <select
        className="select plan-amount__unit"
        aria-label={`Unit for ${label}`}
        value={amount.unit}
        disabled={target === null}
        onChange={(event) => {
          const next = convert(event.target.value as TreatmentAmount['unit'])
          if (next) onChange(next)
        }}
      >
        <option value="share">% of target</option>
        <option value="perCm2">per cm²</option>
      </select>
    </span>
  )
}

type ToolsPatch = Partial<Pick<ZoneTreatment, 'needle' | 'pigmentId' | 'dilution'>>

interface ZoneToolsProps {
  base: string
  label: string
  session: Session
  treatment: ZoneTreatment
  world: PlanWorld
  technique: Technique
  density: SessionZoneDensity | null
  onChange(what: string, patch: ToolsPatch): void
}

const SAME = ''
const WATER_STEPS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90]

/**
 * The needle, pigment and mix used on this zone when they differ from the session's (1RL and a
 * lighter mix at the hairline, 3RL for fill), with the dot sizes they leave.
 */
function ZoneTools({ base, label, session, treatment, world, technique, density, onChange }: ZoneToolsProps) {
  const pigment = world.pigments.find((p) => p.id === (treatment.pigmentId ?? session.pigmentId))
  const needleValue = treatment.needle?.config ?? SAME
  return (
    <div className="plan-zone-tools">
      <label className="plan-zone-tools__item">
        <span>Needle</span>
        <select
          className="select"
          aria-label={`Needle for ${label}`}
          value={needleValue}
          onChange={(event) => {
            const config = event.target.value as NeedleConfig | typeof SAME
            onChange('needle', {
              needle: config === SAME ? undefined : { config, diameterMm: session.needle.diameterMm },
            })
          }}
        >
          <option value={SAME}>Session's ({session.needle.config})</option>
          {NEEDLE_CONFIGS.map((n) => (
            <option key={n.value} value={n.value}>
              {n.label}
            </option>
          ))}
        </select>
      </label>
      <span className="plan-zone-tools__item plan-zone-tools__pigment">
        <span aria-hidden="true">Pigment</span>
        <PigmentSelect
          id={`${base}-pigment`}
          aria-label={`Pigment for ${label}`}
          pigments={world.pigments}
          technique={technique}
          value={treatment.pigmentId ?? session.pigmentId}
          onChange={(pigmentId) =>
            onChange('pigment', { pigmentId: pigmentId === session.pigmentId ? undefined : pigmentId })
          }
        />
      </span>
      <label className="plan-zone-tools__item">
        <span>Water</span>
        <select
          className="select"
          aria-label={`Share of water in the mix for ${label}`}
          value={treatment.dilution === undefined ? SAME : String(Math.round(treatment.dilution * 100))}
          onChange={(event) =>
            onChange('mix', { dilution: event.target.value === SAME ? undefined : Number(event.target.value) / 100 })
          }
        >
          <option value={SAME}>Pigment's own ({Math.round((pigment?.dilution ?? 0) * 100)}%)</option>
          {WATER_STEPS.map((w) => (
            <option key={w} value={String(w)}>
              {w}%
            </option>
          ))}
        </select>
      </label>
      {density && (
        <span className="plan-zone-tools__dots">
          Dots {density.dotMm.toFixed(2)} mm healed, {density.freshDotMm.toFixed(2)} mm on the day
        </span>
      )}
    </div>
  )
}
