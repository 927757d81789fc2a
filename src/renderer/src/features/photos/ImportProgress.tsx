import { formatBytes } from '../../ui/format'
import { type ImportJob, isFinished } from './photo-imports'
import { usePhotoActions, usePhotos } from './photos-context'

const STATUS_TEXT: Record<ImportJob['status'], string> = {
  waiting: 'Waiting',
  importing: 'Importing…',
  imported: 'Imported',
  duplicate: 'Already in the library',
  failed: 'Not imported',
}

/** Progress of the current batch and what became of each file, kept until dismissed. */
export function ImportProgress() {
  const jobs = usePhotos((s) => s.imports)
  const { dismissImports } = usePhotoActions()
  if (jobs.length === 0) return null
  const totalBytes = jobs.reduce((sum, j) => sum + j.size, 0) || 1
  const doneBytes = jobs.filter(isFinished).reduce((sum, j) => sum + j.size, 0)
  const finished = jobs.filter(isFinished).length
  const running = finished < jobs.length
  const failed = jobs.filter((j) => j.status === 'failed').length

  return (
    <section className="import-progress" aria-label="Photo import">
      <div className="import-progress__head">
        <strong>
          {running
            ? `Importing ${Math.min(finished + 1, jobs.length)} of ${jobs.length}`
            : `${jobs.length - failed} of ${jobs.length} imported`}
        </strong>
        {!running && (
          <button type="button" className="button button--ghost" onClick={dismissImports}>
            Dismiss
          </button>
        )}
      </div>
      <progress
        className="progress-bar"
        max={totalBytes}
        value={doneBytes}
        aria-label="Import progress"
        aria-valuetext={`${finished} of ${jobs.length} files`}
      />
      <ul className="import-progress__files">
        {jobs.map((job) => (
          <li key={job.key} className="import-file" data-status={job.status}>
            <span className="import-file__name">{job.name}</span>
            <span className="import-file__size">{formatBytes(job.size)}</span>
            <span className="import-file__status">
              {job.status === 'failed' ? job.message : STATUS_TEXT[job.status]}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
