import { useEffect, useRef, useState } from 'react'
import type { SavedPigment } from '../../../../shared/bridge/contract'
import { TECHNIQUES } from '../../../../shared/plan/plan-types'
import { DeleteInPlace } from '../../ui/DeleteInPlace'
import { FadeChart } from './FadeChart'
import { freshColour } from './fade-curve'
import { PigmentForm } from './PigmentForm'
import { Swatch } from './Swatch'
import { useCatalogue, useCatalogueActions } from './settings-context'

const familyLabel = (pigment: SavedPigment) => TECHNIQUES.find((t) => t.value === pigment.family)?.label ?? ''

/** One catalogue pigment: its dot colour, what it is, how it fades, and what can be done with it. */
export function PigmentItem({ pigment }: { pigment: SavedPigment }) {
  const editingThis = useCatalogue((s) => s.editor?.draft.id === pigment.id)
  const editingAny = useCatalogue((s) => s.editor !== null)
  const busy = useCatalogue((s) => s.busyId === pigment.id)
  const refusal = useCatalogue((s) => s.refusals[pigment.id])
  const { startEdit, setRetired, remove } = useCatalogueActions()
  const [confirmingDelete, setConfirmingDelete] = useState(false)
  const editRef = useReturnFocus(editingThis)
  const deleteRef = useRef<HTMLButtonElement>(null)
  const headingId = `pigment-${pigment.id}-name`

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
            <span id={headingId}>{pigment.name}</span>
            {pigment.retired && <span className="badge badge--muted">Retired</span>}
          </p>
          <p className="pigment-item__meta">
            {familyLabel(pigment)} · {pigment.carbonBlack ? 'carbon black' : 'no carbon black'} · dilution{' '}
            {Math.round(pigment.dilution * 100)}%
          </p>
        </div>
        <FadeChart pigment={pigment} name={pigment.name} />
        <div className="pigment-item__actions">
          <button
            ref={editRef}
            type="button"
            className="button"
            aria-label={`Edit ${pigment.name}`}
            disabled={editingAny}
            onClick={() => startEdit(pigment.id)}
          >
            Edit
          </button>
          <button
            type="button"
            className="button"
            aria-label={`${pigment.retired ? 'Unretire' : 'Retire'} ${pigment.name}`}
            title={pigment.retired ? 'Offer it for new sessions again' : 'Hide it from new sessions; plans keep it'}
            disabled={busy}
            onClick={() => void setRetired(pigment.id, !pigment.retired)}
          >
            {pigment.retired ? 'Unretire' : 'Retire'}
          </button>
          {confirmingDelete ? (
            <DeleteInPlace
              className="pigment-item__confirm"
              label={`Delete ${pigment.name}`}
              busy={busy}
              onConfirm={() => void remove(pigment.id).then(() => setConfirmingDelete(false))}
              onCancel={closeConfirm}
            />
          ) : (
            <button
              ref={deleteRef}
              type="button"
              className="button button--ghost button--danger"
              aria-label={`Delete ${pigment.name}`}
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
      {editingThis && <PigmentForm />}
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
