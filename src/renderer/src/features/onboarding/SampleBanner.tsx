import './onboarding.css'
import { useState } from 'react'
import { errorMessage } from '../../bridge/bridge-client'
import { useSample } from './use-sample'

/** Shown over every tab of the sample patient, so it is never taken for a real record. */
export function SampleBanner() {
  const { removeSample } = useSample()
  const [problem, setProblem] = useState('')
  return (
    <div className="sample-banner" role="note" aria-label="Sample patient">
      <p>
        <strong>Sample patient.</strong> A made-up case designed on head charts drawn by Stipple, to explore freely. It
        is kept out of your records’ exports and backup counts.
      </p>
      <button
        type="button"
        className="button button--ghost"
        onClick={() => removeSample().catch((error: unknown) => setProblem(errorMessage(error)))}
      >
        Remove the sample
      </button>
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}
