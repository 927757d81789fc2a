import { expect } from 'vitest'
import { render } from 'vitest-browser-react'
import { createDispatch, type Handlers } from '../../src/main/bridge/dispatch'
import { ServiceError } from '../../src/main/services/service-error'
import { ActionsProvider } from '../../src/renderer/src/actions/ActionsProvider'
import { createBridgeClient } from '../../src/renderer/src/bridge/bridge-client'
import { BridgeProvider } from '../../src/renderer/src/bridge/bridge-context'
import { ReviewPage } from '../../src/renderer/src/features/review/ReviewPage'
import '../../src/renderer/src/ui/tokens.css'
import '../../src/renderer/src/ui/base.css'
import '../../src/renderer/src/app/app.css'
import type { CallName } from '../../src/shared/bridge/contract'
import type { ReviewComment } from '../../src/shared/comments/comment'
import type { Photo } from '../../src/shared/photos/photo'
import { DEFAULT_PIGMENTS } from '../../src/shared/plan/default-pigments'
import type { PlanDraft } from '../../src/shared/plan/plan-types'
import { designRecord } from '../fixtures/design-record'
import { validFields } from '../fixtures/patients'
import { photoRecord } from '../fixtures/photo-record'
import { doneFrontalSession, FRONTAL_DESIGN } from './frontal-zone'
import { probe, twoToneImageUrl } from './photo-image'
import { DESIGN_ID, IMAGE, PATIENT_ID, PHOTO_ID, photoLayer, TEN_PX_PER_MM, WORKSPACE_SETTINGS } from './workspace'

const LATER_PHOTO_ID = '7a2d8e1f-9b5c-4d63-8b4a-3f1c9e7d2f22'

/** Three done sessions building the zone up, as the permanent protocol does. */
const PLAN: PlanDraft = {
  technique: 'permanent',
  sessions: [
    doneFrontalSession('s1', '2026-03-20T10:00', 0.3),
    doneFrontalSession('s2', '2026-04-03T10:00', 0.4),
    doneFrontalSession('s3', '2026-04-24T10:00', 0.3),
  ],
}

/**
 * The review page over the real bridge dispatch (main's validation of every call) with the
 * patient's records in memory, since this layer runs without SQLite. Comments are kept the way
 * the service keeps them: revision checked, resolved by a name, deleted for good.
 */
export async function renderReview(options: { canComment?: boolean; comments?: ReviewComment[] } = {}) {
  const photos: Photo[] = [
    photoRecord({ id: PHOTO_ID, patientId: PATIENT_ID, calibration: TEN_PX_PER_MM, sessionId: 's1' }),
    photoRecord({
      id: LATER_PHOTO_ID,
      patientId: PATIENT_ID,
      sha256: 'b'.repeat(64),
      takenAt: '2026-04-24T11:00:00',
      calibration: TEN_PX_PER_MM,
      sessionId: 's3',
    }),
  ]
  const design = designRecord({ id: DESIGN_ID, patientId: PATIENT_ID, photoId: PHOTO_ID, document: FRONTAL_DESIGN })
  let comments: ReviewComment[] = structuredClone(options.comments ?? [])
  const calls: CallName[] = []
  const find = (id: string) => {
    const found = comments.find((c) => c.id === id)
    if (!found) throw new ServiceError('not_found', 'That comment does not exist; it may have been deleted.')
    return found
  }
  const change = (id: string, revision: number, resolvedBy: string | null) => {
    const current = find(id)
    if (current.revision !== revision) throw new ServiceError('conflict', 'This comment was changed elsewhere.')
    const now = new Date().toISOString()
    const changed = {
      ...current,
      resolvedAt: resolvedBy ? now : null,
      resolvedBy,
      updatedAt: now,
      revision: revision + 1,
    }
    comments = comments.map((c) => (c.id === id ? changed : c))
    return changed
  }
  const dispatch = createDispatch(
    {
      'photos.list': () => photos,
      'designs.forPatient': () => [design],
      'plans.get': () => ({ patientId: PATIENT_ID, revision: 1, updatedAt: '2026-03-14T10:00:00.000Z', ...PLAN }),
      'pigments.list': () => DEFAULT_PIGMENTS.map((p) => ({ ...p, revision: 1 })),
      // Dots big enough for the drawing checks to tell apart, as the photo workspace tests use.
      'settings.get': () => ({ settings: structuredClone(WORKSPACE_SETTINGS), revision: 0 }),
      'comments.list': () => comments,
      'comments.add': ({ comment }) => {
        const now = new Date().toISOString()
        const added: ReviewComment = {
          id: crypto.randomUUID(),
          ...comment,
          createdAt: now,
          resolvedAt: null,
          resolvedBy: null,
          updatedAt: now,
          revision: 1,
        }
        comments = [...comments, added]
        return added
      },
      'comments.resolve': ({ id, revision, by }) => change(id, revision, by),
      'comments.reopen': ({ id, revision }) => change(id, revision, null),
      'comments.delete': ({ id }) => {
        find(id)
        comments = comments.filter((c) => c.id !== id)
        return { id }
      },
    } as Partial<Handlers> as Handlers,
    () => {},
  )
  const imageUrl = await twoToneImageUrl(IMAGE.width, IMAGE.height)
  const bridge = {
    ...createBridgeClient((name, input) => {
      calls.push(name)
      return dispatch(name, input)
    }),
    photoUrl: () => imageUrl,
  }
  const patient = { ...validFields(), id: PATIENT_ID }
  const screen = await render(
    <div style={{ width: 1240, height: 780 }}>
      <BridgeProvider client={bridge}>
        <ActionsProvider>
          <ReviewPage patient={patient} canComment={options.canComment ?? true} />
        </ActionsProvider>
      </BridgeProvider>
    </div>,
  )
  await expect.poll(() => screen.container.querySelector('.photo-canvas canvas')).toBeTruthy()
  const canvases = () => [...screen.container.querySelectorAll<HTMLElement>('.photo-canvas')]
  const holder = () => canvases()[0] as HTMLElement
  await expect.poll(() => probe(photoLayer(holder()), ...centreOf(holder()))).toBe('green')
  return { screen, canvases, holder, comments: () => comments, calls }
}

const centreOf = (holder: HTMLElement): [number, number] => {
  const box = holder.getBoundingClientRect()
  return [box.width / 2, box.height / 2]
}
