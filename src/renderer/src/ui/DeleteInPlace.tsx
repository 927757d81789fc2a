import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * "Delete …" and "Keep" in place of the delete button that asked, so a slip of the mouse deletes
 * nothing: the delete button takes the focus, and Escape keeps, as Keep does.
 */
export function DeleteInPlace(props: {
  /** Lays the two buttons out where the asking button stood. */
  className: string
  label: string
  busy: boolean
  small?: boolean
  onConfirm(): void
  onCancel(): void
}) {
  const confirmRef = useRef<HTMLButtonElement>(null)
  useEffect(() => confirmRef.current?.focus(), [])
  const size = props.small ? ' button--small' : ''
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape is a shortcut for the Keep button beside it.
    <span
      className={props.className}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel()
      }}
    >
      <button
        ref={confirmRef}
        type="button"
        className={`button button--danger${size}`}
        disabled={props.busy}
        onClick={props.onConfirm}
      >
        {props.label}
      </button>
      <button type="button" className={`button button--ghost${size}`} onClick={props.onCancel}>
        Keep
      </button>
    </span>
  )
}

/**
 * The state of one ask-in-place: `ask` shows the confirmation, `keep` takes it away and gives the
 * focus back to the asking button (`askRef`), which comes back in its place.
 */
export function useAskInPlace() {
  const [asking, setAsking] = useState(false)
  const askRef = useRef<HTMLButtonElement>(null)
  const returning = useRef(false)
  useEffect(() => {
    if (asking || !returning.current) return
    returning.current = false
    askRef.current?.focus()
  }, [asking])
  const ask = useCallback(() => setAsking(true), [])
  const keep = useCallback(() => {
    returning.current = true
    setAsking(false)
  }, [])
  return { asking, askRef, ask, keep }
}
