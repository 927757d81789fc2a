import './onboarding.css'
import { useState } from 'react'
import { errorMessage } from '../../bridge/bridge-client'
import { usePatientActions } from '../patients/patients-context'
import { guideStore } from './guide-store'
import { useSample } from './use-sample'

/** The case as Stipple follows it, in the words of the tabs and tools that do each step. */
export const WORKFLOW = [
  { title: 'Photos', text: 'Import the patient’s photos, or start on a head chart before the first photo.' },
  { title: 'Calibrate', text: 'Draw along a ruler in the photo so every figure is in mm and cm².' },
  { title: 'Design', text: 'Hairline, density zones, scars and landmarks over the photo.' },
  { title: 'Plan', text: 'Sessions as pigment layers, dated by a protocol, with warnings and reasons.' },
  { title: 'Review', text: 'Layers, fade over time, compare and comments with a clinician.' },
  { title: 'Design sheet', text: 'The consultation sheet to print or save as PDF.' },
] as const

/** The first screen: what Stipple does, in order, and three ways in. */
export function Welcome() {
  const { startCreate } = usePatientActions()
  const { sampleId, openSample } = useSample()
  const [problem, setProblem] = useState('')
  const [opening, setOpening] = useState(false)

  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title" className="welcome__title" data-tour="welcome">
        Welcome to Stipple
      </h1>
      <p className="welcome__lead">
        Design scalp micropigmentation over a patient’s photos, plan the sessions and show the result. Everything stays
        on this computer.
      </p>
      <ol className="welcome__steps">
        {WORKFLOW.map((step, index) => (
          <li key={step.title} className="welcome__step">
            <span className="welcome__number" aria-hidden="true">
              {index + 1}
            </span>
            <span>
              <strong>{step.title}</strong>
              <span className="welcome__text">{step.text}</span>
            </span>
          </li>
        ))}
      </ol>
      <div className="button-row welcome__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={opening}
          onClick={() => {
            setOpening(true)
            setProblem('')
            openSample()
              .catch((error: unknown) => setProblem(errorMessage(error)))
              .finally(() => setOpening(false))
          }}
        >
          {opening ? 'Opening the sample…' : sampleId ? 'Open the sample patient' : 'Open a sample patient'}
        </button>
        <button type="button" className="button" onClick={startCreate}>
          New patient
        </button>
        <button type="button" className="button" onClick={() => guideStore.getState().setTourStep(0)}>
          Take the tour
        </button>
      </div>
      <p className="welcome__hint">
        The sample patient is a made-up case designed on head charts: it is marked as a sample, never mixed into your
        records, exports or backup counts, and you can remove it or bring it back from Help.
      </p>
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
    </section>
  )
}
