import { type FormEvent, useRef } from 'react'
import { Banner } from '../../ui/Banner'
import { Loading } from '../../ui/Loading'
import { PigmentItem } from './PigmentItem'
import { isCatalogueDirty } from './pigment-catalogue-store'
import { focusFirstProblem, SettingsSaveBar } from './SettingsSaveBar'
import { useCatalogue, useCatalogueActions } from './settings-context'

/**
 * The pigments sessions are drawn with, edited as one draft and saved with the section's bar.
 * A pigment a session used is a record of what went into a patient's skin: main refuses to
 * delete it, and retiring hides it from new sessions instead.
 */
export function PigmentCatalogue() {
  const status = useCatalogue((s) => s.status)
  const loadError = useCatalogue((s) => s.loadError)
  const { load } = useCatalogueActions()

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
  return <CatalogueForm />
}

function CatalogueForm() {
  const entries = useCatalogue((s) => s.entries)
  const dirty = useCatalogue(isCatalogueDirty)
  const saving = useCatalogue((s) => s.saving)
  const formError = useCatalogue((s) => s.formError)
  const conflict = useCatalogue((s) => s.conflict)
  const editing = useCatalogue((s) => s.openKey !== null)
  const { startNew, save, revert, load } = useCatalogueActions()
  const formRef = useRef<HTMLFormElement>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    await save()
    focusFirstProblem(formRef.current)
  }

  return (
    <form
      ref={formRef}
      className="settings-form pigment-catalogue"
      aria-labelledby="pigment-catalogue-title"
      noValidate
      onSubmit={submit}
    >
      <SettingsSaveBar
        dirty={dirty}
        saving={saving}
        error={formError}
        onRevert={revert}
        conflict={conflict}
        onReload={load}
      />
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
        <button type="button" className="button" disabled={editing} onClick={startNew}>
          Add pigment
        </button>
      </header>
      {entries.length === 0 ? (
        <p className="empty-state">No pigments yet. Add the ones you work with.</p>
      ) : (
        <ul className="stack-list">
          {entries.map((entry) => (
            <PigmentItem key={entry.key} entry={entry} />
          ))}
        </ul>
      )}
    </form>
  )
}
