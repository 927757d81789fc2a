import type { ReactNode } from 'react'

/** A message shown in place. Contraindications and errors are alerts: screen readers announce them at once. */
export function Banner(props: {
  tone: 'contraindication' | 'caution' | 'error' | 'info'
  title: string
  children?: ReactNode
}) {
  const urgent = props.tone === 'contraindication' || props.tone === 'error'
  return (
    <div className={`banner banner--${props.tone}`} role={urgent ? 'alert' : 'note'}>
      <p className="banner__title">{props.title}</p>
      {props.children}
    </div>
  )
}
