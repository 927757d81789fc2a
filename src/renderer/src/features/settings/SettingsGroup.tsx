import type { ReactNode } from 'react'
import { SettingNumberField } from './SettingNumberField'
import type { SettingGroup } from './setting-specs'

/** A titled group of clinical numbers, with the source they share and any controls of its own. */
export function SettingsGroup({ group, children }: { group: SettingGroup; children?: ReactNode }) {
  return (
    <fieldset className="form-section">
      <legend>{group.title}</legend>
      {group.note && <p className="settings-note">{group.note}</p>}
      <div className="form-grid">
        {children}
        {group.fields.map((spec) => (
          <SettingNumberField key={spec.path} spec={spec} />
        ))}
      </div>
    </fieldset>
  )
}
