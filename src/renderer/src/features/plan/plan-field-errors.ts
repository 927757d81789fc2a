import { sessionField } from '../../../../shared/plan/plan-problems'
import type { PlanDraft } from '../../../../shared/plan/plan-types'

/**
 * Main's schema names a session by its place in the saved list (`draft.sessions.2.durationMin`),
 * the form by its id; translated, the message shows beside the field it is about.
 */
export function byField(fieldErrors: Record<string, string>, draft: PlanDraft): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([path, message]) => {
      const match = /^draft\.sessions\.(\d+)\.(.+)$/.exec(path)
      const session = match && draft.sessions[Number(match[1])]
      return [session && match ? sessionField(session.id, match[2] as string) : path, message]
    }),
  )
}
