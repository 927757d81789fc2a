import type { Pigment, Technique } from '../../../../shared/plan/plan-types'
import { pigmentCss } from './plan-format'

interface PigmentSelectProps {
  id: string
  pigments: readonly Pigment[]
  technique: Technique
  value: string
  onChange(id: string): void
  onFocus?(): void
  'aria-label'?: string
  'aria-invalid'?: boolean
  'aria-describedby'?: string
}

const FAMILY_LABEL: Record<Technique, string> = {
  temporary: 'Temporary pigments',
  permanent: 'Permanent pigments',
}

/**
 * The catalogue with the plan's own family first and retired pigments hidden (unless this very
 * session still names one), beside a swatch of the fresh dot's colour.
 */
export function PigmentSelect({ pigments, technique, value, onChange, ...control }: PigmentSelectProps) {
  const chosen = pigments.find((p) => p.id === value)
  const shown = pigments.filter((p) => !p.retired || p.id === value)
  const families: Technique[] = technique === 'temporary' ? ['temporary', 'permanent'] : ['permanent', 'temporary']
  return (
    <span className="plan-pigment">
      <span
        className="plan-pigment__swatch"
        style={chosen ? { background: pigmentCss(chosen) } : undefined}
        aria-hidden="true"
      />
      <select {...control} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
        {!chosen && <option value={value}>Not in the catalogue</option>}
        {families.map((family) => {
          const options = shown.filter((p) => p.family === family)
          if (options.length === 0) return null
          return (
            <optgroup key={family} label={FAMILY_LABEL[family]}>
              {options.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.retired ? `${p.name} (retired)` : p.name}
                </option>
              ))}
            </optgroup>
          )
        })}
      </select>
    </span>
  )
}
