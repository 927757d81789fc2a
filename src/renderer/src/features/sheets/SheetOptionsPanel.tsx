import type { ReactNode } from 'react'
import type { Design } from '../../../../shared/design/design-types'
import type { Photo } from '../../../../shared/photos/photo'
import { formatDay } from '../../../../shared/plan/plan-dates'
import { SESSION_STATUSES, type Session } from '../../../../shared/plan/plan-types'
import { chronological } from '../../../../shared/plan/session-density'
import { ORIENTATIONS, PAPER_SIZES } from '../../../../shared/sheets/paper'
import type { SheetOptions } from '../../../../shared/sheets/sheet-model'
import { viewLabel } from '../../../../shared/sheets/sheet-view'
import { Field } from '../../ui/Field'
import { OptionSelect } from '../../ui/OptionSelect'

/** A design as the options name it: its view and the photo's day. */
export function designLabel(design: Design, photos: readonly Photo[]): string {
  const photo = photos.find((p) => p.id === design.photoId)
  return photo ? `${viewLabel(photo)} view · ${formatDay(photo.takenAt)}` : 'A design without its photo'
}

const toggled = (list: readonly string[], id: string, on: boolean, order: readonly string[]) =>
  order.filter((x) => (x === id ? on : list.includes(x)))

function Group({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <fieldset className="option-group">
      <legend>{title}</legend>
      {actions && <div className="sheet-options__actions">{actions}</div>}
      {children}
    </fieldset>
  )
}

/** What goes on the sheet: paper, the views (designs) and the sessions. */
export function SheetOptionsPanel(props: {
  options: SheetOptions
  onChange(options: SheetOptions): void
  designs: readonly Design[]
  photos: readonly Photo[]
  sessions: readonly Session[]
}) {
  const { options, onChange, designs, photos } = props
  const sessions = chronological(props.sessions)
  const designOrder = designs.map((d) => d.id)
  const sessionOrder = sessions.map((s) => s.id)
  return (
    <>
      <Group title="Paper">
        <Field id="sheet-paper" label="Size">
          {(control) => (
            <OptionSelect
              {...control}
              options={PAPER_SIZES}
              value={options.paper}
              onChange={(paper) => onChange({ ...options, paper })}
            />
          )}
        </Field>
        <div className="sheet-options__radios" role="radiogroup" aria-label="Orientation">
          {ORIENTATIONS.map((o) => (
            <label key={o.value} className="checkbox">
              <input
                type="radio"
                name="sheet-orientation"
                checked={options.orientation === o.value}
                onChange={() => onChange({ ...options, orientation: o.value })}
              />
              {o.label}
            </label>
          ))}
        </div>
      </Group>
      <Group title="Views">
        {designs.length === 0 && <p className="field__hint">No designs yet: draw one over a photo first.</p>}
        {designs.map((design) => (
          <label key={design.id} className="checkbox">
            <input
              type="checkbox"
              checked={options.designIds.includes(design.id)}
              onChange={(e) =>
                onChange({
                  ...options,
                  designIds: toggled(options.designIds, design.id, e.target.checked, designOrder),
                })
              }
            />
            {designLabel(design, photos)}
          </label>
        ))}
      </Group>
      <Group
        title="Sessions"
        actions={
          sessions.length > 1 && (
            <>
              <button
                type="button"
                className="link-button"
                onClick={() => onChange({ ...options, sessionIds: sessionOrder })}
              >
                All
              </button>
              <button type="button" className="link-button" onClick={() => onChange({ ...options, sessionIds: [] })}>
                None
              </button>
            </>
          )
        }
      >
        {sessions.length === 0 && <p className="field__hint">The plan has no sessions yet.</p>}
        <div className="sheet-options__list">
          {sessions.map((session, i) => (
            <label key={session.id} className="checkbox">
              <input
                type="checkbox"
                checked={options.sessionIds.includes(session.id)}
                onChange={(e) =>
                  onChange({
                    ...options,
                    sessionIds: toggled(options.sessionIds, session.id, e.target.checked, sessionOrder),
                  })
                }
              />
              Session {i + 1} · {formatDay(session.startsAt)}
              {session.status !== 'planned' && (
                <span className="sheet-options__muted">
                  {' '}
                  · {SESSION_STATUSES.find((s) => s.value === session.status)?.label}
                </span>
              )}
            </label>
          ))}
        </div>
      </Group>
    </>
  )
}
