import { useEffect, useMemo, useState } from 'react'
import type { PlanDraft } from '../../../../shared/plan/plan-types'
import { zoneKey } from '../../../../shared/plan/plan-zones'
import { Banner } from '../../ui/Banner'
import { Loading } from '../../ui/Loading'
import { PlanHeader } from './PlanHeader'
import { PlanWarnings } from './PlanWarnings'
import { usePlan, usePlanActions } from './plan-context'
import type { PlanWorld } from './plan-world'
import { SessionList } from './SessionList'
import { StrengthChart } from './StrengthChart'
import { sessionNumbers } from './session-edits'
import { TemplateDialog } from './TemplateDialog'
import { usePlanKeys } from './use-plan-keys'
import '../designer/designer.css'
import '../photos/photos.css'
import './plan.css'

/** Session fields a card shows a problem beside. */
const CARD_FIELDS = new Set([
  'startsAt',
  'durationMin',
  'practitioner',
  'status',
  'pigmentId',
  'needle.config',
  'needle.diameterMm',
  'notes',
])

/**
 * Problems no field shows (a save refused for a reason the form has no place for), so that none
 * stays hidden while it blocks saving.
 */
function unplacedProblems(problems: Record<string, string>, draft: PlanDraft, world: PlanWorld): string[] {
  const zones = new Set(world.zones.map((z) => z.key))
  const placed = (path: string) => {
    const match = /^sessions\.([^.]+)\.(.+)$/.exec(path)
    const session = match && draft.sessions.find((s) => s.id === match[1])
    if (!match?.[2] || !session) return false
    const field = match[2]
    if (CARD_FIELDS.has(field)) return true
    const key = field.startsWith('treatments.') ? field.slice('treatments.'.length) : null
    return key !== null && (zones.has(key) || session.treatments.some((t) => zoneKey(t.designId, t.zoneId) === key))
  }
  return Object.entries(problems)
    .filter(([path]) => !placed(path))
    .map(([path, message]) => (message === 'Unknown field' ? `${path}: ${message}` : message))
}

/** The Plan tab: the patient's treatment plan, its sessions, warnings and how it fades. */
export function PlanPage({ archived }: { archived: boolean }) {
  const status = usePlan((s) => s.status)
  const message = usePlan((s) => s.message)
  const world = usePlan((s) => s.world)
  const draft = usePlan((s) => s.draft)
  const notice = usePlan((s) => s.notice)
  const { load, refreshWorld } = usePlanActions()
  const [templateOpen, setTemplateOpen] = useState(false)
  usePlanKeys(!archived && status === 'ready')
  // Zones drawn in the Photos tab since the plan was loaded should be plannable at once.
  useEffect(() => {
    void refreshWorld()
  }, [refreshWorld])

  if (status === 'error')
    return (
      <div className="page-pad">
        <Banner tone="error" title="The plan could not be opened">
          <p>{message}</p>
          <button type="button" className="button" onClick={() => void load()}>
            Try again
          </button>
        </Banner>
      </div>
    )
  if (status === 'loading' || !world) return <Loading>Loading the plan…</Loading>
  return (
    <PlanContent
      world={world}
      draft={draft}
      archived={archived}
      notice={notice}
      templateOpen={templateOpen}
      setTemplateOpen={setTemplateOpen}
    />
  )
}

interface PlanContentProps {
  world: PlanWorld
  draft: PlanDraft
  archived: boolean
  notice: string
  templateOpen: boolean
  setTemplateOpen(open: boolean): void
}

function PlanContent({ world, draft, archived, notice, templateOpen, setTemplateOpen }: PlanContentProps) {
  const problems = usePlan((s) => s.problems)
  const unplaced = useMemo(() => unplacedProblems(problems, draft, world), [problems, draft, world])
  const numbers = useMemo(() => sessionNumbers(draft), [draft])
  const openTemplate = () => setTemplateOpen(true)
  return (
    <div className="plan-page">
      <PlanHeader archived={archived} onApplyTemplate={openTemplate} />
      {archived && (
        <Banner tone="info" title="Archived record">
          <p>The plan is read-only. Restore the record to change it.</p>
        </Banner>
      )}
      {world.zones.length === 0 && (
        <Banner tone="info" title="No zones drawn yet">
          <p>
            Sessions treat the density zones drawn over the patient's photos. Open a photo in the Photos tab (or add a
            head chart there when there is no photo yet) and draw its zones with the Zone tool (Z); they appear here to
            plan.
          </p>
        </Banner>
      )}
      {unplaced.length > 0 && (
        <Banner tone="error" title="The plan cannot be saved yet">
          <ul className="plan-problems">
            {unplaced.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Banner>
      )}
      <PlanWarnings sessionNumbers={numbers} />
      <fieldset className="plan-page__sessions" disabled={archived}>
        <legend className="visually-hidden">Sessions</legend>
        <SessionList world={world} draft={draft} onApplyTemplate={openTemplate} />
      </fieldset>
      <StrengthChart world={world} draft={draft} />
      <TemplateDialog open={templateOpen} world={world} draft={draft} onClose={() => setTemplateOpen(false)} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {notice}
      </p>
    </div>
  )
}
