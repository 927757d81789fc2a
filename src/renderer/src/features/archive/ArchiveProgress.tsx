/**
 * How far archive work has got: a bar with its percent once main (or the page) measures it, and
 * a bar without a value until main's first progress event arrives. The bar is named by the work and carries its percent for assistive technology; the
 * visible percent beside it is not read out again.
 */
export function ArchiveProgress({
  label,
  percent,
  className = 'archive-progress',
}: {
  label: string
  percent: number | null
  className?: string
}) {
  return (
    <div className={className} role="status">
      <p>{label}</p>
      <div className="archive-progress__bar">
        <progress
          className="progress-bar"
          max={100}
          value={percent ?? undefined}
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? undefined}
          aria-valuetext={percent === null ? undefined : `${percent}%`}
        />
        {percent !== null && (
          <span className="archive-progress__percent" aria-hidden="true">
            {percent}%
          </span>
        )}
      </div>
    </div>
  )
}
