import { Banner } from '../../ui/Banner'
import { Loading } from '../../ui/Loading'
import { PigmentForm } from './PigmentForm'
import { PigmentItem, useReturnFocus } from './PigmentItem'
import { useCatalogue, useCatalogueActions } from './settings-context'

/**
 * The pigments sessions are drawn with. A pigment a session used is a record of what went into
 * a patient's skin: main refuses to delete it, and retiring hides it from new sessions instead.
 */
export function PigmentCatalogue() {
  const status = useCatalogue((s) => s.status)
  const loadError = useCatalogue((s) => s.loadError)
  const pigments = useCatalogue((s) => s.pigments)
  const addingNew = useCatalogue((s) => s.editor !== null && s.editor.baseRevision === null)
  const editing = useCatalogue((s) => s.editor !== null)
  const { load, startNew } = useCatalogueActions()
  const addRef = useReturnFocus(addingNew)

  if (status === 'loading') return <Loading>Loading the pigment catalogue…</Loading>
  if (status === 'error')
    return (
      <Banner tone="error" title="The pigment catalogue could not be read">
        <p>{loadError}</p>
        <button type="button" className="button" onClick={() => void load()}>
          Try again
        </button>
      </Banner>
    )

  return (
    <section className="pigment-catalogue" aria-labelledby="pigment-catalogue-title">
      <header className="pigment-catalogue__header">
        <div>
          <h2 id="pigment-catalogue-title" className="settings-heading">
            Pigment catalogue
          </h2>
          <p className="settings-note">
            Each chart shows the strength left over five years and the dot colour fresh and at the end. Retired pigments
            stay with the plans that use them.
          </p>
        </div>
        <button ref={addRef} type="button" className="button button--primary" disabled={editing} onClick={startNew}>
          Add pigment
        </button>
      </header>
      {addingNew && (
        <div className="card pigment-item">
          <PigmentForm />
        </div>
      )}
      {pigments.length === 0 ? (
        <p className="empty-state">No pigments yet. Add the ones you work with.</p>
      ) : (
        <ul className="stack-list">
          {pigments.map((pigment) => (
            <PigmentItem key={pigment.id} pigment={pigment} />
          ))}
        </ul>
      )}
    </section>
  )
}
