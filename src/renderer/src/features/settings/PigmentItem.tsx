import { useEffect, useRef, useState } from 'react'
import { TECHNIQUES } from '../../../../shared/plan/plan-types'
import { DeleteInPlace } from '../../ui/DeleteInPlace'
import { FadeChart } from './FadeChart'
import { freshColour } from './fade-curve'
import { PigmentForm } from './PigmentForm'
import { entryChanged, type PigmentEntry } from './pigment-catalogue-store'
import { Swatch } from './Swatch'
import { useCatalogue, useCatalogueActions } from './settings-context'

/** One catalogue pigment as drafted: its dot colour, what it is, how it fades, and what can be done with it. */
export function PigmentItem({ entry }: { entry: PigmentEntry }) {
  const { key, draft: pigment } = entry
  const editingThis = useCatalogue((s) => s.openKey === key)
  const editingAny = useCatalogue((s) => s.openKey !== null)
  const unsaved = useCatalogue((s) => entryChanged(entry, s.saved))
  const busy = useCatalogue((s) => s.busyKey === key || s.saving)
  const refusal = useCatalogue((s) => s.refusals[key])
  const { startEdit, setRetired, remove } = useCatalogueActions()
  const [confirmingDelete, setConfirmingDelete] = useState(false)
  const editRef = useReturnFocus(editingThis)
  const deleteRef = useRef<HTMLButtonElement>(null)
  const headingId = `pigment-${key}-name`
  const name = pigment.name || 'New pigment'

  const closeConfirm = () => {
    setConfirmingDelete(false)
    requestAnimationFrame(() => deleteRef.current?.focus())
  }

  return (
    <li className="card pigment-item" aria-labelledby={headingId} data-retired={pigment.retired || undefined}>
      <div className="pigment-item__row">
        <Swatch colour={freshColour(pigment)} />
        <div className="pigment-item__text">
          <p className="pigment-item__name">
            <span id={headingId}>{name}</span>
            {pigment.retired && <span className="badge badge--muted">Retired</span>}
            {unsaved && <span className="badge pigment-item__unsaved">Unsaved</span>}
          </p>
          <p className="pigment-item__meta">
            {TECHNIQUES.find((t) => t.value === pigment.family)?.label ?? ''} ·{' '}
            {pigment.carbonBlack ? 'carbon black' : 'no carbon black'} · dilution {Math.round(pigment.dilution * 100)}%
          </p>
        </div>
        <FadeChart pigment={pigment} name={name} />
        <div className="pigment-item__actions">
          <button
            ref={editRef}
            type="button"
            className="button"
            aria-label={`Edit ${name}`}
            disabled={editingAny}
            onClick={() => startEdit(key)}
          >
            Edit
          </button>
          <button
            type="button"
            className="button"
            aria-label={`${pigment.retired ? 'Unretire' : 'Retire'} ${name}`}
            title={pigment.retired ? 'Offer it for new sessions again' : 'Hide it from new sessions; plans keep it'}
            disabled={busy}
            onClick={() => setRetired(key, !pigment.retired)}
          >
            {pigment.retired ? 'Unretire' : 'Retire'}
          </button>
          {confirmingDelete ? (
            <DeleteInPlace
              className="pigment-item__confirm"
              label={`Delete ${name}`}
              busy={busy}
              onConfirm={() => void remove(key).then(() => setConfirmingDelete(false))}
              onCancel={closeConfirm}
            />
          ) : (
            <button
              ref={deleteRef}
              type="button"
              className="button button--ghost button--danger"
              aria-label={`Delete ${name}`}
              disabled={busy || editingThis}
              onClick={() => setConfirmingDelete(true)}
            >
              Delete…
            </button>
          )}
        </div>
      </div>
      {refusal && (
        <p className="pigment-item__refusal" role="alert">
          {refusal}
        </p>
      )}
      {editingThis && <PigmentForm entry={entry} />}
    </li>
  )
}

/** A button that gets the focus back when the editor it opened closes, so the keyboard user is where they were. */
export function useReturnFocus(open: boolean) {
  const ref = useRef<HTMLButtonElement>(null)
  const wasOpen = useRef(open)
  useEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus()
    wasOpen.current = open
  }, [open])
  return ref
}
