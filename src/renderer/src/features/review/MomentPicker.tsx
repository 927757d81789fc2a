import { isCalendarDate } from '../../../../shared/dates'
import { DateInput } from '../../ui/DateInput'
import type { SimulationScene } from '../simulation/simulation-scene'
import { momentDay, momentKey, momentOptions, type ReviewMoment } from './review-moments'

const CUSTOM = 'custom'

/**
 * What one side of a comparison shows: before treatment, after a session, years on, or any date
 * typed in. Named by its side ("A", "B") so the two pickers read apart.
 */
export function MomentPicker(props: {
  side: string
  scene: SimulationScene
  moment: ReviewMoment
  onChange(moment: ReviewMoment): void
}) {
  const { side, scene, moment, onChange } = props
  const options = momentOptions(scene)
  const key = momentKey(moment)
  const listed = options.some((o) => o.key === key)
  return (
    <span className="review-moment">
      <span className="review-moment__side" aria-hidden="true">
        {side}
      </span>
      <select
        className="select"
        aria-label={`Side ${side} shows`}
        value={listed ? key : CUSTOM}
        onChange={(event) => {
          const picked = options.find((o) => o.key === event.currentTarget.value)
          if (picked) onChange(picked.moment)
        }}
      >
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.label}
          </option>
        ))}
        {!listed && <option value={CUSTOM}>Chosen date</option>}
      </select>
      <DateInput
        id={`review-moment-${side}-date`}
        className="input review-moment__date"
        aria-label={`Side ${side} as of date`}
        value={momentDay(scene, moment) ?? ''}
        onChange={(day) => {
          if (isCalendarDate(day)) onChange({ kind: 'day', day })
        }}
      />
    </span>
  )
}
