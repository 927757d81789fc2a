import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import { COMMENT_LIMITS, isResolved, type ReviewComment } from '../../../../shared/comments/comment'
import { Banner } from '../../ui/Banner'
import { DeleteInPlace, useAskInPlace } from '../../ui/DeleteInPlace'
import { Field } from '../../ui/Field'
import { formatMoment } from '../../ui/format'
import { Loading } from '../../ui/Loading'
import { type CommentsStore, pinNumbers } from './comments-store'
import { rememberAuthor, rememberedAuthor } from './review-author'

function CommentItem(props: {
  comment: ReviewComment
  number: number
  selected: boolean
  canComment: boolean
  busy: boolean
  author: string
  store: CommentsStore
  onFocus(comment: ReviewComment): void
}) {
  const { comment, number, store, author } = props
  const deleting = useAskInPlace()
  const resolved = isResolved(comment)
  const signed = author.trim().length > 0
  return (
    <li
      className="review-comment"
      aria-label={`Comment ${number}`}
      aria-current={props.selected || undefined}
      data-resolved={resolved || undefined}
    >
      <button
        type="button"
        className="review-comment__pin"
        aria-label={`Show comment ${number} on the photo`}
        onClick={() => props.onFocus(comment)}
      >
        {number}
      </button>
      <div className="review-comment__text">
        <p className="review-comment__meta">
          <strong>{comment.author}</strong> ·{' '}
          <time dateTime={comment.createdAt}>{formatMoment(comment.createdAt)}</time>
        </p>
        <p className="review-comment__body">{comment.body}</p>
        {resolved && comment.resolvedAt && (
          <p className="review-comment__meta">
            Resolved by {comment.resolvedBy} ·{' '}
            <time dateTime={comment.resolvedAt}>{formatMoment(comment.resolvedAt)}</time>
          </p>
        )}
        {props.canComment && (
          <div className="review-comment__actions">
            {deleting.asking ? (
              <DeleteInPlace
                className="review-comment__confirm"
                label={`Delete comment ${number}`}
                small
                busy={props.busy}
                onConfirm={() => void store.getState().remove(comment, author.trim())}
                onCancel={deleting.keep}
              />
            ) : (
              <>
                <button
                  type="button"
                  className="button button--small"
                  disabled={props.busy || !signed}
                  title={signed ? undefined : 'Enter your name first'}
                  onClick={() =>
                    void (resolved
                      ? store.getState().reopen(comment, author.trim())
                      : store.getState().resolve(comment, author.trim()))
                  }
                >
                  {resolved ? 'Reopen' : 'Resolve'}
                </button>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  disabled={props.busy || !signed}
                  title={signed ? undefined : 'Enter your name first'}
                  ref={deleting.askRef}
                  onClick={deleting.ask}
                >
                  Delete…
                </button>
              </>
            )}
          </div>
        )}
      </div>
    </li>
  )
}

/** The text of a new comment, pinned where the photo was clicked. */
function NewComment({ store, author }: { store: CommentsStore; author: string }) {
  const [body, setBody] = useState('')
  const { busy, error } = useStore(
    store,
    useShallow((s) => ({ busy: s.busy, error: s.error })),
  )
  const ref = useRef<HTMLTextAreaElement>(null)
  useEffect(() => ref.current?.focus(), [])
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (await store.getState().add(author.trim(), body)) setBody('')
  }
  const bodyError = error?.fieldErrors['comment.body']
  return (
    <form className="review-new-comment" onSubmit={(e) => void submit(e)} noValidate>
      <Field id="review-comment-body" label="Comment" error={bodyError}>
        {(control) => (
          <textarea
            {...control}
            ref={ref}
            className="textarea"
            rows={3}
            maxLength={COMMENT_LIMITS.body}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') store.getState().cancelPending()
            }}
          />
        )}
      </Field>
      <div className="button-row">
        <button type="submit" className="button button--primary button--small" disabled={busy || !author.trim()}>
          Add comment
        </button>
        <button type="button" className="button button--ghost button--small" onClick={store.getState().cancelPending}>
          Cancel
        </button>
      </div>
    </form>
  )
}

/**
 * The design's comments beside the canvas: open ones, then resolved, each with its pin's number;
 * choosing one shows its pin. Where comments can be written, the reviewer signs with a name the
 * app remembers, places pins by clicking the photo, resolves, reopens and deletes.
 */
export function CommentsPanel(props: {
  store: CommentsStore
  canComment: boolean
  onFocus(comment: ReviewComment): void
}) {
  const { store, canComment } = props
  const state = useStore(
    store,
    useShallow((s) => ({
      status: s.status,
      message: s.message,
      comments: s.comments,
      selectedId: s.selectedId,
      placing: s.placing,
      pending: s.pending,
      busy: s.busy,
      error: s.error,
    })),
  )
  const [author, setAuthor] = useState(rememberedAuthor)
  useEffect(() => {
    if (!state.placing) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') store.getState().setPlacing(false)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [store, state.placing])
  if (state.status === 'loading') return <Loading className="review-comments__loading">Loading comments…</Loading>
  if (state.status === 'error')
    return (
      <Banner tone="error" title="The comments could not be loaded">
        <p>{state.message}</p>
        <button type="button" className="button" onClick={() => void store.getState().load()}>
          Try again
        </button>
      </Banner>
    )
  const numbers = pinNumbers(state.comments)
  const open = state.comments.filter((c) => !isResolved(c))
  const resolved = state.comments.filter(isResolved)
  const fieldError = state.error?.fieldErrors
  const otherError = state.error && !fieldError?.['comment.body'] ? state.error.message : null
  const list = (comments: ReviewComment[], label: string) => (
    <ol className="stack-list" aria-label={label}>
      {comments.map((comment) => (
        <CommentItem
          key={comment.id}
          comment={comment}
          number={numbers.get(comment.id) ?? 0}
          selected={comment.id === state.selectedId}
          canComment={canComment}
          busy={state.busy}
          author={author}
          store={store}
          onFocus={props.onFocus}
        />
      ))}
    </ol>
  )

  return (
    <div className="review-comments">
      {canComment && (
        <>
          <Field
            id="review-author"
            label="Your name"
            hint="Signs your comments; remembered on this computer."
            error={fieldError?.['comment.author'] ?? fieldError?.by}
          >
            {(control) => (
              <input
                {...control}
                className="input"
                maxLength={COMMENT_LIMITS.author}
                value={author}
                autoComplete="name"
                onChange={(e) => setAuthor(e.currentTarget.value)}
                onBlur={() => rememberAuthor(author)}
              />
            )}
          </Field>
          <button
            type="button"
            className="button button--small review-comments__place"
            aria-pressed={state.placing}
            disabled={!author.trim()}
            title={author.trim() ? 'Then click the photo where the comment belongs' : 'Enter your name first'}
            onClick={() => {
              rememberAuthor(author)
              store.getState().setPlacing(!state.placing)
            }}
          >
            {state.placing ? 'Placing a comment…' : 'Add a comment'}
          </button>
          {state.placing && !state.pending && (
            <p className="field__hint">Click the photo where the comment belongs; drag to move around. Esc stops.</p>
          )}
          {state.pending && <NewComment store={store} author={author} />}
        </>
      )}
      {otherError && (
        <p className="field__error" role="alert">
          {otherError}
        </p>
      )}
      {state.comments.length === 0 ? (
        <p className="field__hint">No comments on this view yet.</p>
      ) : (
        <>
          <h3 className="review-comments__group">Open ({open.length})</h3>
          {open.length > 0 && list(open, 'Open comments')}
          <h3 className="review-comments__group">Resolved ({resolved.length})</h3>
          {resolved.length > 0 && list(resolved, 'Resolved comments')}
        </>
      )}
    </div>
  )
}
