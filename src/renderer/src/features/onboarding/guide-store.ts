import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { PatientId } from '../../../../shared/patients/patient'
import { readPlace, type Section, savePlace } from './where-you-were'

export interface GuideState {
  /**
   * Each patient's tab in this window, so a patient reopens where it was left and a new one on
   * its record; kept here so the tour and "where you were" can move it.
   */
  sections: Record<PatientId, Section>
  /** The sample patient's record while there is one. */
  sampleId: PatientId | null
  /** The tour's step on screen, or null when no tour is running. */
  tourStep: number | null
  helpOpen: boolean
  setSection(patientId: PatientId, section: Section): void
  setSampleId(id: PatientId | null): void
  setTourStep(step: number | null): void
  setHelpOpen(open: boolean): void
}

/**
 * The app's guidance state: which tab is showing, the sample patient, the tour and Help. One
 * store for the window, outside React, so the tour can turn the real screens it points at.
 */
const place = readPlace()

export const guideStore = createStore<GuideState>((set) => ({
  sections: place.patientId && place.section ? { [place.patientId]: place.section } : {},
  sampleId: null,
  tourStep: null,
  helpOpen: false,
  setSection(patientId, section) {
    set((s) => ({ sections: { ...s.sections, [patientId]: section } }))
    savePlace({ section })
  },
  setSampleId: (sampleId) => set({ sampleId }),
  setTourStep: (tourStep) => set({ tourStep }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
}))

export const useGuide = <T>(selector: (state: GuideState) => T): T => useStore(guideStore, selector)
