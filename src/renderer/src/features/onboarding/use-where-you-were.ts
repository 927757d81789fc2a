import { useEffect, useRef } from 'react'
import type { PatientId } from '../../../../shared/patients/patient'
import type { PhotoId } from '../../../../shared/photos/photo'
import { useBridge } from '../../bridge/bridge-context'
import type { ViewportStore } from '../../canvas/viewport-store'
import type { Editor } from '../../editor/editor'
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
export function usePhotoPlace(photoId: PhotoId, viewport: ViewportStore, editor: Editor | null) {
  useEffect(() => {
    const place = readPlace()
    let waiting = place.photoId === photoId && place.viewport ? place.viewport : null
    let timer = 0
    // Cleared before the state changes: the change calls this again through the subscription.
    const apply = () => {
      if (!waiting || viewport.getState().stage.width <= 0) return
      const restored = waiting
      waiting = null
      viewport.setState({ viewport: restored, fitted: false })
    }
    apply()
    const unsubscribe = viewport.subscribe((state, before) => {
      apply()
      if (state.viewport === before.viewport) return
      window.clearTimeout(timer)
      timer = window.setTimeout(() => {
        const { viewport: now, fitted } = viewport.getState()
        savePlace({ photoId, viewport: fitted ? null : now })
      }, 250)
    })
    return () => {
      window.clearTimeout(timer)
      unsubscribe()
    }
  }, [photoId, viewport])

  useEffect(() => {
    if (!editor) return
    const place = readPlace()
    if (place.photoId === photoId && place.tool) editor.setTool(place.tool)
    return editor.subscribe((state, before) => {
      if (state.tool === before.tool) return
      const { viewport: now, fitted } = viewport.getState()
      savePlace({ photoId, tool: state.tool, viewport: fitted ? null : now })
    })
  }, [photoId, viewport, editor])
}
