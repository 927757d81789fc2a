import { create } from 'zustand'

/**
 * How the impressions are shown: healed by default; the artist may ask for the fresh look on the
 * day of a session (larger and darker, as the patient leaves the chair). A view choice, not the plan's.
 */
export const useSimulationLook = create<{ fresh: boolean; setFresh(fresh: boolean): void }>((set) => ({
  fresh: false,
  setFresh: (fresh) => set({ fresh }),
}))
