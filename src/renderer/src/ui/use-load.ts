import { type DependencyList, useCallback, useEffect, useState } from 'react'
import { errorMessage } from '../bridge/bridge-client'

/** Something asked of main: on its way, failed with a message to show, or here. */
export type Loaded<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T }

/**
 * What `load` answers, asked again when `deps` change or on `retry`. An answer that arrives
 * after a newer load has started is dropped, so a slow old one never shows over the new one.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): { state: Loaded<T>; retry(): void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what `load` reads; `attempt` is a retry.
  useEffect(() => {
    let live = true
    setState({ status: 'loading' })
    load().then(
      (value) => live && setState({ status: 'ready', value }),
      (error) => live && setState({ status: 'error', message: errorMessage(error) }),
    )
    return () => {
      live = false
    }
  }, [...deps, attempt])
  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { state, retry }
}
