import { type FormEvent, useEffect, useState } from 'react'
import { BACKUP_POLICY_LIMITS, type BackupPolicy, DEFAULT_BACKUP_POLICY } from '../../../../shared/backups/backup-types'
import { BridgeCallError, errorMessage } from '../../bridge/bridge-client'
import { useBridge } from '../../bridge/bridge-context'
import { Banner } from '../../ui/Banner'
import { Field } from '../../ui/Field'
import { SettingsSaveBar } from '../settings/SettingsSaveBar'

type Draft = Record<keyof BackupPolicy, string>

const FIELDS: { key: keyof BackupPolicy; label: string; hint: string }[] = [
  {
    key: 'daily',
    label: 'Daily backups (days)',
    hint: 'The newest automatic backup of each of the last days that have one.',
  },
  {
    key: 'weekly',
    label: 'Weekly backups (weeks)',
    hint: 'Then the newest of each earlier week; 0 keeps none.',
  },
  {
    key: 'safetyDays',
    label: 'Keep safety backups (days)',
    hint: 'Taken before each restore; the newest is always kept.',
  },
]

const toDraft = (policy: BackupPolicy): Draft => ({
  daily: String(policy.daily),
  weekly: String(policy.weekly),
  safetyDays: String(policy.safetyDays),
})

/**
 * How many backups are kept. Saved beside the backups (readable even when the database is
 * not) and applied at once; `onSaved` lets the list show what the rotation kept.
 */
export function BackupPolicyForm(props: { onSaved(): void }) {
  const bridge = useBridge()
  const [draft, setDraft] = useState<Draft | null>(null)
  const [stored, setStored] = useState<Draft | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null)
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    bridge.call('backups.policy.get', {}).then(
      (policy) => {
        setDraft(toDraft(policy))
        setStored(toDraft(policy))
      },
      (e: unknown) => setMessage({ tone: 'error', text: errorMessage(e) }),
    )
  }, [bridge])

  if (!draft)
    return (
      message && (
        <Banner tone="error" title="The backup policy could not be read">
          {message.text}
        </Banner>
      )
    )

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setSaving(true)
    setMessage(null)
    try {
      const saved = await bridge.call('backups.policy.save', {
        policy: { daily: Number(draft.daily), weekly: Number(draft.weekly), safetyDays: Number(draft.safetyDays) },
      })
      setDraft(toDraft(saved))
      setStored(toDraft(saved))
      setErrors({})
      setMessage({ tone: 'info', text: 'Saved. Backups the policy no longer keeps were removed.' })
      props.onSaved()
    } catch (e) {
      setErrors(e instanceof BridgeCallError ? e.fieldErrors : {})
      setMessage({ tone: 'error', text: errorMessage(e) })
    } finally {
      setSaving(false)
    }
  }

  const dirty = stored !== null && FIELDS.some(({ key }) => draft[key] !== stored[key])
  return (
    <form className="backup-policy" onSubmit={save} noValidate>
      <SettingsSaveBar
        dirty={dirty}
        saving={saving}
        error={message?.tone === 'error' ? message.text : ''}
        savedText={message?.tone === 'info' ? message.text : undefined}
        inline
        onRevert={() => {
          if (stored) setDraft(stored)
          setErrors({})
          setMessage(null)
        }}
      />
      <div className="form-grid">
        {FIELDS.map(({ key, label, hint }) => (
          <Field key={key} id={`backup-policy-${key}`} label={label} hint={hint} error={errors[`policy.${key}`]}>
            {(control) => (
              <input
                {...control}
                className="input"
                type="number"
                inputMode="numeric"
                min={BACKUP_POLICY_LIMITS[key].min}
                max={BACKUP_POLICY_LIMITS[key].max}
                value={draft[key]}
                onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
      <p className="settings-note">
        Manual backups are kept until you delete them. Stipple ships with {DEFAULT_BACKUP_POLICY.daily} days of daily
        and {DEFAULT_BACKUP_POLICY.weekly} weeks of weekly backups.
      </p>
    </form>
  )
}
