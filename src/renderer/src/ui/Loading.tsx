import type { ReactNode } from 'react'

/** A spinner and what is being waited for, announced politely to screen readers. */
export function Loading({ children, className = 'empty-state' }: { children: ReactNode; className?: string }) {
  return (
    <div className={className} role="status">
      <span className="spinner" aria-hidden="true" /> {children}
    </div>
  )
}
