import { useEffect, useRef } from 'react'
import type { PatientId } from '../../../../shared/patients/patient'
import type { PhotoId } from '../../../../shared/photos/photo'
import { useBridge } from '../../bridge/bridge-context'
import type { CanvasStore } from '../canvas/canvas-store'
import { usePatientActions, usePatients } from '../patients/patients-context'
import { usePhotoActions, usePhotos } from '../photos/photos-context'
import { readPlace, savePlace } from './where-you-were'

/**
 * Restoring runs once per window: the patient (pending → running → done), then its photo. Until
 * the patient is back, the place is not overwritten by the empty first screen.
 */
const restore = { patient: 'pending' as 'pending' | 'running' | 'done', photo: true }

/** Reopens the patient the app was last on, if it still exists, and keeps the place up to date. */
export function useRestorePatient() {
  const bridge = useBridge()
  const { open } = usePatientActions()
  const patientId = usePatients((s) => (s.view.kind === 'patient' ? s.view.id : null))
  const viewKind = usePatients((s) => s.view.kind)
  // The user may choose a patient before the saved one is found: their choice wins.
  const untouched = useRef(true)
  if (viewKind !== 'none') untouched.current = false

  useEffect(() => {
    if (restore.patient !== 'pending') return
    restore.patient = 'running'
    const { patientId: last } = readPlace()
    const done = () => {
      restore.patient = 'done'
    }
    if (!last) {
      restore.photo = false
      done()
      return
    }
    bridge.call('patients.get', { id: last }).then(
      () => {
        if (!untouched.current) {
          restore.photo = false
          done()
          return
        }
        void open(last).finally(done)
      },
      () => {
        restore.photo = false
        savePlace({ patientId: null, photoId: null })
        done()
      },
    )
  }, [bridge, open])

  useEffect(() => {
    if (restore.patient === 'done') savePlace({ patientId })
  }, [patientId])
}

/** Reopens the photo the app was last on once the patient's photos are in, and follows the open photo. */
export function useRestorePhoto(patientId: PatientId) {
  const { openPhoto } = usePhotoActions()
  const photos = usePhotos((s) => (s.patientId === patientId ? s.photos : null))
  const openId = usePhotos((s) => s.open?.id ?? null)

  useEffect(() => {
    if (!restore.photo || photos?.status !== 'ready') return
    restore.photo = false
    const place = readPlace()
    if (place.patientId === patientId && place.photoId && photos.value.some((p) => p.id === place.photoId))
      void openPhoto(place.photoId)
  }, [photos, patientId, openPhoto])

  useEffect(() => {
    if (restore.photo) return
    savePlace({ photoId: openId })
  }, [openId])
}

/** Restores the zoom, pan and tool last used on this photo, and saves them as they change. */
export function usePhotoPlace(photoId: PhotoId, canvas: CanvasStore) {
  useEffect(() => {
    const place = readPlace()
    const mine = place.photoId === photoId
    if (mine && place.tool) canvas.getState().setTool(place.tool)
    let waiting = mine && place.viewport ? place.viewport : null
    let timer = 0
    // Cleared before the state changes: the change calls this again through the subscription.
    const apply = () => {
      if (!waiting || canvas.getState().stage.width <= 0) return
      const viewport = waiting
      waiting = null
      canvas.setState({ viewport, fitted: false })
    }
    apply()
    const unsubscribe = canvas.subscribe((state, before) => {
      apply()
      if (state.viewport === before.viewport && state.tool === before.tool) return
      window.clearTimeout(timer)
      timer = window.setTimeout(() => {
        const { viewport, tool, fitted } = canvas.getState()
        savePlace({ photoId, viewport: fitted ? null : viewport, tool })
      }, 250)
    })
    return () => {
      window.clearTimeout(timer)
      unsubscribe()
    }
  }, [photoId, canvas])
}
