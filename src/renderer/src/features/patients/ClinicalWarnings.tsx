import { clinicalWarnings } from '../../../../shared/patients/contraindications'
import type { MedicalFlags } from '../../../../shared/patients/patient'
import { Banner } from '../../ui/Banner'

export function ClinicalWarnings({ medical }: { medical: MedicalFlags }) {
  const warnings = clinicalWarnings(medical)
  if (warnings.length === 0) return null
  return (
    <div className="clinical-warnings">
      {warnings.map((w) => (
        <Banner key={w.title} tone={w.level} title={w.title}>
          <p>{w.detail}</p>
        </Banner>
      ))}
    </div>
  )
}
