import { createContext, type ReactNode, useContext } from 'react'
import { useStore } from 'zustand'
import type { StoreApi } from 'zustand/vanilla'

/**
 * A provider and two hooks for one vanilla zustand store: `useSelect` subscribes to the slice a
 * component shows, `useActions` reads the actions (which never change) without subscribing.
 */
export function createStoreContext<S>(name: string) {
  const Context = createContext<StoreApi<S> | null>(null)

  function Provider({ store, children }: { store: StoreApi<S>; children: ReactNode }) {
    return <Context.Provider value={store}>{children}</Context.Provider>
  }

  function useStoreApi(): StoreApi<S> {
    const store = useContext(Context)
    if (!store) throw new Error(`${name} hooks used outside its provider`)
    return store
  }

  return {
    Provider,
    useSelect: <T,>(selector: (state: S) => T): T => useStore(useStoreApi(), selector),
    useActions: (): S => useStoreApi().getState(),
  }
}
