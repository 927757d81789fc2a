import { useMemo } from 'react'
import { createStoreContext } from '../../app/store-context'
import { useBridge } from '../../bridge/bridge-context'
import { type ClinicDetailsState, type ClinicDetailsStore, createClinicDetailsStore } from './clinic-details-store'
import {
  type ClinicalSettingsState,
  type ClinicalSettingsStore,
  createClinicalSettingsStore,
} from './clinical-settings-store'
import {
  createPigmentCatalogueStore,
  type PigmentCatalogueState,
  type PigmentCatalogueStore,
} from './pigment-catalogue-store'

const clinical = createStoreContext<ClinicalSettingsState>('clinical settings')
const catalogue = createStoreContext<PigmentCatalogueState>('pigment catalogue')
const clinic = createStoreContext<ClinicDetailsState>('clinic details')

export const ClinicalSettingsProvider = clinical.Provider
export const useClinical = clinical.useSelect
export const useClinicalActions = clinical.useActions
export const PigmentCatalogueProvider = catalogue.Provider
export const useCatalogue = catalogue.useSelect
export const useCatalogueActions = catalogue.useActions
export const ClinicDetailsProvider = clinic.Provider
export const useClinic = clinic.useSelect
export const useClinicActions = clinic.useActions

export interface SettingsStores {
  clinical: ClinicalSettingsStore
  pigments: PigmentCatalogueStore
  clinic: ClinicDetailsStore
}

/**
 * The Settings screen's stores, made once by whoever shows the screen and kept while it is
 * closed, so unsaved edits are still there when the user comes back to them.
 */
export function useSettingsStores(): SettingsStores {
  const bridge = useBridge()
  return useMemo(
    () => ({
      clinical: createClinicalSettingsStore(bridge),
      pigments: createPigmentCatalogueStore(bridge),
      clinic: createClinicDetailsStore(bridge),
    }),
    [bridge],
  )
}
