import { describe, expect, it } from 'vitest'
import { p, validDesign, zone } from '../../../../test/fixtures/designs'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { refusal } from '../../../../test/node/service-refusal'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import type { ReviewComment } from '../../../shared/comments/comment'
import { openBackend } from '../../backend'

const tempDir = tempDirsForEachTest()
const backend = photoBackendsForEachTest(tempDir)

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000'

/** A patient with one 200 × 150 photo and a saved design over it, ready to comment on. */
async function designToReview() {
  const bed = backend()
  const photo = await bed.plainPhoto()
  const design = bed.designs.save(photo.id, null, validDesign([zone()]))
  /** Every comment row and audit entry, to prove a refused call changed nothing. */
  const rows = () => ({
    comments: bed.db.prepare('SELECT * FROM comments ORDER BY rowid').all(),
    audit: bed.db.prepare("SELECT seq, action, entity_id FROM audit_log WHERE entity = 'comment' ORDER BY seq").all(),
  })
  const comment = (body = 'Soften the left temple point', at = p(120, 40)) =>
    bed.comments.add({ designId: design.id, at, author: 'Dr Lena Park', body })
  return { ...bed, photo, design, rows, comment }
}

describe('review comments', () => {
  it('pins a comment at a photo point with its author and time, lists it oldest first and keeps it after a restart', async () => {
    const { dispatch, design, comment, db, dataDir } = await designToReview()
    const added = await dispatch('comments.add', {
      comment: { designId: design.id, at: { x: 50.5, y: 20 }, author: '  Dr Lena Park ', body: ' Hairline too low \n' },
    })
    expect(added).toEqual({
      ok: true,
      value: {
        id: expect.any(String),
        designId: design.id,
        at: { x: 50.5, y: 20 },
        author: 'Dr Lena Park',
        body: 'Hairline too low',
        createdAt: expect.any(String),
        resolvedAt: null,
        resolvedBy: null,
        updatedAt: expect.any(String),
        revision: 1,
      },
    })
    const second = comment('Crown density looks right')
    const listed = await dispatch('comments.list', { designId: design.id })
    expect(listed.ok && (listed.value as ReviewComment[]).map((c) => c.body)).toEqual([
      'Hairline too low',
      'Crown density looks right',
    ])

    db.close()
    const restarted = openBackend({ dataDir, shell: 'web', version: '0.0.0-test' })
    const again = await restarted.dispatch('comments.list', { designId: design.id })
    expect(again).toEqual(listed)
    expect(again.ok && (again.value as ReviewComment[])[1]).toEqual(second)
    restarted.close()
  })

  it('refuses an empty text, a missing name, a point off the photo or an unknown design, writing nothing', async () => {
    const { dispatch, design, rows, comment } = await designToReview()
    comment()
    const before = rows()
    const base = { designId: design.id, at: { x: 10, y: 10 }, author: 'Dr Lena Park', body: 'Fine' }

    const empty = await dispatch('comments.add', { comment: { ...base, body: '   ' } })
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(!empty.ok && empty.error.fieldErrors?.['comment.body']).toBe('Write the comment first')
    const nameless = await dispatch('comments.add', { comment: { ...base, author: '' } })
    expect(!nameless.ok && nameless.error.fieldErrors?.['comment.author']).toMatch(/Enter your name/)
    const long = await dispatch('comments.add', { comment: { ...base, body: 'x'.repeat(4001) } })
    expect(!long.ok && long.error.fieldErrors?.['comment.body']).toMatch(/too long/)

    const outside = await dispatch('comments.add', { comment: { ...base, at: { x: 201, y: 10 } } })
    expect(outside).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'A comment must be pinned on the photo.',
        fieldErrors: { at: 'This point lies outside the 200 × 150 px photo' },
      },
    })
    const unknown = await dispatch('comments.add', { comment: { ...base, designId: NO_SUCH_ID } })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await dispatch('comments.list', { designId: NO_SUCH_ID })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    expect(rows()).toEqual(before)
  })

  it('resolves and reopens from the revision seen, saying who resolved it, and refuses stale or repeated changes', async () => {
    const { comments, rows, comment } = await designToReview()
    const open = comment()
    const resolved = comments.resolve(open.id, 1, 'Ana Ruiz')
    expect(resolved).toMatchObject({ id: open.id, resolvedBy: 'Ana Ruiz', revision: 2, body: open.body })
    expect(resolved.resolvedAt).toBe(resolved.updatedAt)
    expect(comments.list(open.designId)).toEqual([resolved])

    const before = rows()
    const stale = refusal(() => comments.reopen(open.id, 1, 'Ana Ruiz'))
    expect(stale.code).toBe('conflict')
    expect(stale.message).toBe('This comment was changed elsewhere (revision 2); reload the review to see the latest.')
    const twice = refusal(() => comments.resolve(open.id, 2, 'Dr Lena Park'))
    expect(twice).toMatchObject({ code: 'conflict', message: 'Ana Ruiz already resolved this comment.' })
    expect(refusal(() => comments.resolve(NO_SUCH_ID, 1, 'Ana Ruiz')).code).toBe('not_found')
    expect(rows()).toEqual(before)

    const reopened = comments.reopen(open.id, 2, 'Dr Lena Park')
    expect(reopened).toMatchObject({ resolvedAt: null, resolvedBy: null, revision: 3 })
    expect(refusal(() => comments.reopen(open.id, 3, 'Dr Lena Park')).message).toBe('This comment is already open.')
  })

  it('deletes a comment, and a second delete finds nothing', async () => {
    const { dispatch, comments, comment, design } = await designToReview()
    const first = comment('First')
    const second = comment('Second')
    expect(await dispatch('comments.delete', { id: first.id, by: 'Ana Ruiz' })).toEqual({
      ok: true,
      value: { id: first.id },
    })
    expect(comments.list(design.id)).toEqual([second])
    expect(await dispatch('comments.delete', { id: first.id, by: 'Ana Ruiz' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })

  it('records every change in the audit trail with its text, and who made it when not the author', async () => {
    const { comments, comment, db } = await designToReview()
    const added = comment()
    comments.resolve(added.id, 1, 'Ana Ruiz')
    comments.reopen(added.id, 2, 'Dr Lena Park')
    comments.remove(added.id, 'Ana Ruiz')
    const entries = db
      .prepare("SELECT action, entity_id, detail FROM audit_log WHERE entity = 'comment' ORDER BY seq")
      .all() as { action: string; entity_id: string; detail: string }[]
    expect(entries.map((e) => [e.action, e.entity_id, JSON.parse(e.detail).by])).toEqual([
      ['added', added.id, null],
      ['resolved', added.id, 'Ana Ruiz'],
      ['reopened', added.id, null],
      ['deleted', added.id, 'Ana Ruiz'],
    ])
    expect(JSON.parse(entries[3]?.detail ?? '{}')).toMatchObject({ author: 'Dr Lena Park', body: added.body })
  })

  it('survives every save of the design, and goes with the design when its photo is deleted', async () => {
    const { designs, photos, photo, design, comments, comment, rows } = await designToReview()
    const kept = comment()
    designs.save(photo.id, design.revision, validDesign([zone({ name: 'Crown, second pass' })]))
    designs.save(photo.id, design.revision + 1, validDesign([]))
    expect(comments.list(design.id)).toEqual([kept])

    await photos.remove(photo.id)
    expect(rows().comments).toEqual([])
    expect(refusal(() => comments.list(design.id)).code).toBe('not_found')
  })

  it('refuses every change on an archived record, and changes nothing', async () => {
    const { patients, photo, comments, comment, rows, design } = await designToReview()
    const open = comment()
    patients.archive(photo.patientId)
    const before = rows()
    for (const change of [
      () => comment('Too late'),
      () => comments.resolve(open.id, 1, 'Ana Ruiz'),
      () => comments.reopen(open.id, 1, 'Ana Ruiz'),
      () => comments.remove(open.id, 'Ana Ruiz'),
    ])
      expect(refusal(change)).toMatchObject({
        code: 'conflict',
        message: 'This patient is archived; restore the record to change its comments.',
      })
    expect(rows()).toEqual(before)
    expect(comments.list(design.id)).toEqual([open])
  })
})
