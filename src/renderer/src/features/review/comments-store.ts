import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ReviewComment } from '../../../../shared/comments/comment'
import type { Point } from '../../../../shared/geometry/point'
import { BridgeCallError, type BridgeClient, errorMessage } from '../../bridge/bridge-client'

export interface CommentsState {
  status: 'loading' | 'ready' | 'error'
  /** Why the list could not be read. */
  message: string
  comments: ReviewComment[]
  /** The pin the list and canvas show as chosen. */
  selectedId: string | null
  /** Clicking the photo places a new pin (the "comment" mode). */
  placing: boolean
  /** Where the new comment will be pinned, waiting for its text. */
  pending: Point | null
  busy: boolean
  /** The last refused change, with main's messages per field. */
  error: { message: string; fieldErrors: Record<string, string> } | null

  load(): Promise<void>
  setPlacing(placing: boolean): void
  place(at: Point): void
  cancelPending(): void
  select(id: string | null): void
  add(author: string, body: string): Promise<boolean>
  resolve(comment: ReviewComment, by: string): Promise<void>
  reopen(comment: ReviewComment, by: string): Promise<void>
  remove(comment: ReviewComment, by: string): Promise<void>
}

export type CommentsStore = StoreApi<CommentsState>

/** Each pin's number, oldest first: resolving or adding a comment never renumbers the others. */
export function pinNumbers(comments: readonly ReviewComment[]): Map<string, number> {
  return new Map(comments.map((c, i) => [c.id, i + 1]))
}

/**
 * One design's review comments: read through `comments.list`, changed only through the comment
 * calls, each change replacing the one comment main answers with (so revisions stay in step).
 */
export function createCommentsStore(bridge: BridgeClient, designId: string): CommentsStore {
  return createStore<CommentsState>((set, get) => {
    const replace = (changed: ReviewComment) =>
      set({ comments: get().comments.map((c) => (c.id === changed.id ? changed : c)) })

    /** Runs one write; a refusal is kept for the panel to show and changes nothing here. */
    const write = async <T>(run: () => Promise<T>): Promise<T | null> => {
      set({ busy: true, error: null })
      try {
        return await run()
      } catch (error) {
        set({
          error: {
            message: errorMessage(error),
            fieldErrors: error instanceof BridgeCallError ? error.fieldErrors : {},
          },
        })
        return null
      } finally {
        set({ busy: false })
      }
    }

    return {
      status: 'loading',
      message: '',
      comments: [],
      selectedId: null,
      placing: false,
      pending: null,
      busy: false,
      error: null,

      async load() {
        set({ status: 'loading', message: '' })
        try {
          const comments = await bridge.call('comments.list', { designId })
          set({ status: 'ready', comments })
        } catch (error) {
          set({ status: 'error', message: errorMessage(error) })
        }
      },
      setPlacing: (placing) => set({ placing, pending: placing ? get().pending : null, error: null }),
      place: (at) => set({ pending: at, selectedId: null, error: null }),
      cancelPending: () => set({ pending: null, error: null }),
      select: (selectedId) => set({ selectedId }),

      async add(author, body) {
        const at = get().pending
        if (!at) return false
        const added = await write(() => bridge.call('comments.add', { comment: { designId, at, author, body } }))
        if (!added) return false
        set({ comments: [...get().comments, added], pending: null, placing: false, selectedId: added.id })
        return true
      },
      async resolve(comment, by) {
        const changed = await write(() =>
          bridge.call('comments.resolve', { id: comment.id, revision: comment.revision, by }),
        )
        if (changed) replace(changed)
      },
      async reopen(comment, by) {
        const changed = await write(() =>
          bridge.call('comments.reopen', { id: comment.id, revision: comment.revision, by }),
        )
        if (changed) replace(changed)
      },
      async remove(comment, by) {
        const removed = await write(() => bridge.call('comments.delete', { id: comment.id, by }))
        if (!removed) return
        set({
          comments: get().comments.filter((c) => c.id !== comment.id),
          selectedId: get().selectedId === comment.id ? null : get().selectedId,
        })
      },
    }
  })
}
