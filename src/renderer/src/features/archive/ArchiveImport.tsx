import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react'
import type { ArchiveOnDisk } from '../../../../shared/bridge/desktop-events'
import { useFileDrop } from '../../ui/use-file-drop'
import { ImportDialog } from './ImportDialog'
import './archive.css'

type ChosenArchive = File | ArchiveOnDisk
const ChooseArchive = createContext<((file: ChosenArchive) => void) | null>(null)

/** The archive among dropped files: the first `.stipple`, else the first file, which main then names as not one. */
const archiveAmong = (files: FileList) =>
  [...files].find((f) => f.name.toLowerCase().endsWith('.stipple')) ?? files[0] ?? null

/**
 * Makes the area it wraps take a patient archive dropped on it, and holds the import dialog of
 * the archive chosen here or with `ImportPatientButton`. Lays nothing out itself.
 */
export function ArchiveImportZone({ children }: { children: ReactNode }) {
  const [chosen, setChosen] = useState<{ file: ChosenArchive; key: number } | null>(null)
  const choose = (file: ChosenArchive) => setChosen((previous) => previous ?? { file, key: Date.now() })
  // An archive the desktop was handed (double-click, command line, File menu) opens here too.
  useEffect(
    () =>
      window.stipple?.onOpenArchive((archive) =>
        setChosen((previous) => previous ?? { file: archive, key: Date.now() }),
      ),
    [],
  )
  const { over, zoneProps } = useFileDrop((files) => {
    const file = archiveAmong(files)
    if (file) choose(file)
  })

  return (
    <ChooseArchive.Provider value={choose}>
      <section
        className="archive-drop"
        aria-label="Patient list: drop a patient archive here to import it"
        {...zoneProps}
      >
        {children}
        {over && (
          <p className="archive-drop__hint" aria-hidden="true">
            Drop a .stipple archive to import its patient
          </p>
        )}
      </section>
      {chosen && <ImportDialog key={chosen.key} file={chosen.file} onClose={() => setChosen(null)} />}
    </ChooseArchive.Provider>
  )
}

/**
 * "Import patient…": picks a `.stipple` archive with the file dialog. Inside an
 * `ArchiveImportZone` it opens the zone's import dialog, elsewhere one of its own.
 */
export function ImportPatientButton({ className = 'button' }: { className?: string }) {
  const zone = useContext(ChooseArchive)
  const [own, setOwn] = useState<File | null>(null)
  const input = useRef<HTMLInputElement>(null)
  return (
    <>
      <button type="button" className={className} onClick={() => input.current?.click()}>
        Import patient…
      </button>
      <input
        ref={input}
        type="file"
        accept=".stipple"
        hidden
        data-testid="archive-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (file) (zone ?? setOwn)(file)
        }}
      />
      {own && <ImportDialog file={own} onClose={() => setOwn(null)} />}
    </>
  )
}
