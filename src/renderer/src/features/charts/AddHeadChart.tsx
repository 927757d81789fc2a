import { useState } from 'react'
import { HEAD_CHART_VIEWS, type HeadChartView } from '../../../../shared/charts/head-chart'
import type { PatientId } from '../../../../shared/patients/patient'
import { errorMessage } from '../../bridge/bridge-client'
import { useBridge } from '../../bridge/bridge-context'
import { usePhotoActions } from '../photos/photos-context'

/**
 * Adds a head chart of one view and opens it: a head at average adult proportions with a known
 * scale, to design on before the patient's first photo.
 */
export function AddHeadChart({ patientId, disabled }: { patientId: PatientId; disabled: boolean }) {
  const bridge = useBridge()
  const { load, openPhoto } = usePhotoActions()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState('')

  const add = async (view: HeadChartView) => {
    setBusy(true)
    setProblem('')
    try {
      const chart = await bridge.call('charts.add', { patientId, view })
      await load(patientId)
      await openPhoto(chart.id)
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <span className="head-chart-add">
      <label className="visually-hidden" htmlFor="head-chart-view">
        Add a head chart
      </label>
      <select
        id="head-chart-view"
        className="select"
        value=""
        disabled={disabled || busy}
        title={disabled ? 'Restore the record to add a head chart' : 'Design before the first photo'}
        onChange={(event) => {
          const view = event.target.value as HeadChartView
          if (view) void add(view)
        }}
      >
        <option value="">{busy ? 'Drawing the chart…' : 'Add a head chart…'}</option>
        {HEAD_CHART_VIEWS.map((v) => (
          <option key={v.value} value={v.value}>
            {v.label}
          </option>
        ))}
      </select>
      {problem && (
        <span className="field__error" role="alert">
          {problem}
        </span>
      )}
    </span>
  )
}
