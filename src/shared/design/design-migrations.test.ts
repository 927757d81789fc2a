import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { type DocumentFormat, type DocumentMigration, readDesignDocument } from './design-migrations'
import type { DesignDocument } from './design-types'

const validV1 = (): DesignDocument => ({
  schema: 1,
  objects: [
    {
      id: 'midline',
      kind: 'landmark',
      name: '',
      colour: '#2255cc',
      hidden: false,
      locked: false,
      points: [
        { x: 500, y: 900 },
        { x: 500, y: 100 },
      ],
      role: 'midline',
    },
    {
      id: 'crown',
      kind: 'zone',
      name: 'Crown',
      colour: '#33aa77',
      hidden: false,
      locked: true,
      points: [
        { x: 0, y: 0 },
        { x: 100, y: 0 },
        { x: 100, y: 100 },
        { x: 0, y: 100 },
      ],
      role: 'crown',
      density: 140,
      softnessMm: 5,
    },
  ],
})

describe('reading today’s design format', () => {
  it('passes a valid version 1 document through unchanged', () => {
    const raw = validV1()
    expect(readDesignDocument(raw)).toEqual({ ok: true, document: validV1(), migrated: false })
  })

  it('passes a document that went through JSON through unchanged', () => {
    const raw: unknown = JSON.parse(JSON.stringify(validV1()))
    expect(readDesignDocument(raw)).toEqual({ ok: true, document: validV1(), migrated: false })
  })

  it.each([2, 3, 17])('refuses format %i, from a newer Stipple, and says so', (version) => {
    const result = readDesignDocument({ ...validV1(), schema: version })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.message).toContain('newer version of Stipple')
    expect(result.message).toContain(`format ${version}`)
    expect(result.message).toContain('reads up to 1')
  })

  it.each([
    ['no version', { objects: [] }],
    ['a version as text', { schema: '1', objects: [] }],
    ['a fractional version', { schema: 1.5, objects: [] }],
    ['version 0', { schema: 0, objects: [] }],
    ['a negative version', { schema: -1, objects: [] }],
    ['a version that is not a number', { schema: Number.NaN, objects: [] }],
    ['an endless version', { schema: Number.POSITIVE_INFINITY, objects: [] }],
  ])('refuses a document with %s', (_label, raw) => {
    expect(readDesignDocument(raw)).toEqual({ ok: false, message: 'The design document has no valid format version' })
  })

  it.each([
    ['nothing', null],
    ['undefined', undefined],
    ['a list', [validV1()]],
    ['text', '{"schema":1,"objects":[]}'],
    ['a number', 1],
  ])('refuses %s as not a design document', (_label, raw) => {
    expect(readDesignDocument(raw)).toEqual({ ok: false, message: 'Not a design document' })
  })

  it('refuses an invalid version 1 document with the first problem found', () => {
    const raw = validV1()
    const crown = raw.objects[1] as { points: { x: number; y: number }[] }
    crown.points = [
      { x: 0, y: 0 },
      { x: 10, y: 10 },
      { x: 10, y: 0 },
      { x: 0, y: 10 },
    ]
    expect(readDesignDocument(raw)).toEqual({ ok: false, message: 'Crown: A zone outline must not cross itself' })
  })
})

describe('migrating older formats', () => {
  /**
   * A made-up history: version 1 kept its objects under `items`, each with a `label`; version 2
   * renamed `items` to `objects`; version 3 renamed `label` to `name` and added a `count`.
   * Step 2 only works on what step 1 produces, so running them out of order fails.
   */
  function madeUpFormat(include: 'both' | 'only-second' = 'both') {
    const ran: { from: number; sawSchema: unknown }[] = []
    const first: DocumentMigration = {
      from: 1,
      up: ({ items, ...rest }) => {
        ran.push({ from: 1, sawSchema: rest.schema })
        return { ...rest, objects: items }
      },
    }
    const second: DocumentMigration = {
      from: 2,
      up: (document) => {
        ran.push({ from: 2, sawSchema: document.schema })
        const objects = (document.objects as { label: string }[]).map(({ label }) => ({ name: label }))
        return { ...document, objects, count: objects.length }
      },
    }
    const schema = z.strictObject({
      schema: z.literal(3),
      objects: z.array(z.strictObject({ name: z.string() })),
      count: z.number().int(),
    })
    const format: DocumentFormat = {
      // Listed newest first: the reader must pick steps by version, not by position.
      migrations: include === 'both' ? [second, first] : [second],
      current: 3,
      // The made-up version 3 is not today's DesignDocument type; the reader only passes it through.
      schema: schema as unknown as DocumentFormat['schema'],
    }
    return { format, ran }
  }

  const expected = { schema: 3, objects: [{ name: 'Crown' }, { name: 'Temples' }], count: 2 }

  it('runs every step from the document’s version up, in order', () => {
    const { format, ran } = madeUpFormat()
    const result = readDesignDocument({ schema: 1, items: [{ label: 'Crown' }, { label: 'Temples' }] }, format)
    expect(result).toEqual({ ok: true, document: expected, migrated: true })
    // Each step sees the version it migrates from, stamped by the reader after the step before.
    expect(ran).toEqual([
      { from: 1, sawSchema: 1 },
      { from: 2, sawSchema: 2 },
    ])
  })

  it('starts from a version 2 document’s own version, skipping the older step', () => {
    const { format, ran } = madeUpFormat()
    const result = readDesignDocument({ schema: 2, objects: [{ label: 'Crown' }, { label: 'Temples' }] }, format)
    expect(result).toEqual({ ok: true, document: expected, migrated: true })
    expect(ran).toEqual([{ from: 2, sawSchema: 2 }])
  })

  it('runs no step for a current document', () => {
    const { format, ran } = madeUpFormat()
    expect(readDesignDocument(expected, format)).toEqual({ ok: true, document: expected, migrated: false })
    expect(ran).toEqual([])
  })

  it('leaves the document it was given alone', () => {
    const { format } = madeUpFormat()
    const raw = { schema: 1, items: [{ label: 'Crown' }] }
    readDesignDocument(raw, format)
    expect(raw).toEqual({ schema: 1, items: [{ label: 'Crown' }] })
  })

  it('refuses a version it has no step for', () => {
    const { format, ran } = madeUpFormat('only-second')
    expect(readDesignDocument({ schema: 1, items: [] }, format)).toEqual({
      ok: false,
      message: 'No way to read design format 1',
    })
    expect(ran).toEqual([])
  })

  it('refuses a document newer than the format it reads up to', () => {
    const { format, ran } = madeUpFormat()
    const result = readDesignDocument({ schema: 4, objects: [] }, format)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toContain('format 4; this version reads up to 3')
    expect(ran).toEqual([])
  })

  it('validates the migrated document against the current schema', () => {
    const { format } = madeUpFormat()
    // A version 1 item without a label migrates to an object without a name, which version 3 refuses.
    const result = readDesignDocument({ schema: 1, items: [{ title: 'Crown' }] }, format)
    expect(result.ok).toBe(false)
  })
})
