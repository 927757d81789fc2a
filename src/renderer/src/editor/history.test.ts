import { describe, expect, it } from 'vitest'
import { type DesignDocument, emptyDesign } from '../../../shared/design/design-types'
import {
  bailToMark,
  emptyHistory,
  HISTORY_LIMIT,
  type History,
  mark,
  record,
  redo,
  squashToMark,
  undo,
} from './history'

/** Distinct documents: history works on identity, so empty ones tell steps apart. */
const docs = (n: number): DesignDocument[] => Array.from({ length: n }, () => emptyDesign())

const labels = (history: History) => history.past.map((e) => e.label)

describe('record', () => {
  it('adds a step and clears what could be redone', () => {
    const [d0, d1, d2] = docs(3) as [DesignDocument, DesignDocument, DesignDocument]
    let history = record(emptyHistory(), { label: 'Draw zone', before: d0, after: d1 })
    history = undo(history)?.history as History
    expect(history.future).toHaveLength(1)

    history = record(history, { label: 'Add pin', before: d0, after: d2 })
    expect(labels(history)).toEqual(['Add pin'])
    expect(history.future).toEqual([])
  })

  it('makes no step when nothing changed', () => {
    const [d0] = docs(1) as [DesignDocument]
    const history = emptyHistory()
    expect(record(history, { label: 'Nothing', before: d0, after: d0 })).toBe(history)
  })

  it('merges consecutive steps with the same key into one, from the first before to the last after', () => {
    const [d0, d1, d2, d3] = docs(4) as [DesignDocument, DesignDocument, DesignDocument, DesignDocument]
    let history = record(emptyHistory(), { label: 'Rename', before: d0, after: d1, coalesceKey: 'name:a' })
    history = record(history, { label: 'Rename', before: d1, after: d2, coalesceKey: 'name:a' })
    history = record(history, { label: 'Rename', before: d2, after: d3, coalesceKey: 'name:a' })
    expect(history.past).toEqual([{ label: 'Rename', before: d0, after: d3, coalesceKey: 'name:a' }])

    const back = undo(history)
    expect(back?.document).toBe(d0)
    expect(back?.history.past).toEqual([])
  })

  it('keeps steps apart when another step, another key or no key comes between', () => {
    const d = docs(6)
    const [d0, d1, d2, d3, d4, d5] = d as [
      DesignDocument,
      DesignDocument,
      DesignDocument,
      DesignDocument,
      DesignDocument,
      DesignDocument,
    ]
    let history = record(emptyHistory(), { label: 'Rename', before: d0, after: d1, coalesceKey: 'name:a' })
    history = record(history, { label: 'Density', before: d1, after: d2, coalesceKey: 'density:a' })
    history = record(history, { label: 'Rename', before: d2, after: d3, coalesceKey: 'name:a' })
    history = record(history, { label: 'Add pin', before: d3, after: d4 })
    history = record(history, { label: 'Add pin', before: d4, after: d5 })
    expect(labels(history)).toEqual(['Rename', 'Density', 'Rename', 'Add pin', 'Add pin'])
  })

  it('does not merge into a step the document has since moved on from', () => {
    const [d0, d1, d2, d3] = docs(4) as [DesignDocument, DesignDocument, DesignDocument, DesignDocument]
    let history = record(emptyHistory(), { label: 'Nudge', before: d0, after: d1, coalesceKey: 'nudge:a' })
    // The same key, but starting from a document the last step did not produce.
    history = record(history, { label: 'Nudge', before: d2, after: d3, coalesceKey: 'nudge:a' })
    expect(history.past).toHaveLength(2)
  })

  it(`keeps the last ${HISTORY_LIMIT} steps`, () => {
    const d = docs(HISTORY_LIMIT + 2)
    let history = emptyHistory()
    for (let i = 0; i <= HISTORY_LIMIT; i++)
      history = record(history, {
        label: `Step ${i + 1}`,
        before: d[i] as DesignDocument,
        after: d[i + 1] as DesignDocument,
      })
    expect(history.past).toHaveLength(500)
    expect(history.past[0]?.label).toBe('Step 2')
    expect(history.past.at(-1)?.label).toBe('Step 501')

    let document: DesignDocument | undefined
    for (let i = 0; i < 500; i++) {
      const step = undo(history)
      if (!step) throw new Error(`undo ${i + 1} found nothing`)
      history = step.history
      document = step.document
    }
    // The very first step fell off the end: undo stops at the document after it.
    expect(document).toBe(d[1])
    expect(undo(history)).toBeNull()
  })
})

describe('undo and redo', () => {
  it('walk back and forth through the steps, naming each', () => {
    const [d0, d1, d2] = docs(3) as [DesignDocument, DesignDocument, DesignDocument]
    let history = record(emptyHistory(), { label: 'Draw zone', before: d0, after: d1 })
    history = record(history, { label: 'Add pin', before: d1, after: d2 })

    const first = undo(history)
    expect(first).toMatchObject({ document: d1, label: 'Add pin' })
    const second = undo(first?.history as History)
    expect(second).toMatchObject({ document: d0, label: 'Draw zone' })
    expect(undo(second?.history as History)).toBeNull()

    const again = redo(second?.history as History)
    expect(again).toMatchObject({ document: d1, label: 'Draw zone' })
    const last = redo(again?.history as History)
    expect(last).toMatchObject({ document: d2, label: 'Add pin' })
    expect(redo(last?.history as History)).toBeNull()
    expect(last?.history).toEqual(history)
  })

  it('find nothing in an empty history', () => {
    expect(undo(emptyHistory())).toBeNull()
    expect(redo(emptyHistory())).toBeNull()
  })
})

describe('marks', () => {
  it('squash every step since the mark into one, from the mark to now', () => {
    const [d0, d1, d2, d3] = docs(4) as [DesignDocument, DesignDocument, DesignDocument, DesignDocument]
    const start = record(emptyHistory(), { label: 'Draw zone', before: d0, after: d1 })
    const at = mark(start, d1)
    let history = record(start, { label: 'Move', before: d1, after: d2 })
    history = record(history, { label: 'Move', before: d2, after: d3 })
    expect(history.past).toHaveLength(3)
    history = squashToMark(at, d3, 'Move object')
    expect(history.past).toEqual([
      { label: 'Draw zone', before: d0, after: d1 },
      { label: 'Move object', before: d1, after: d3 },
    ])
  })

  it('make no step for a gesture that ends where it began', () => {
    const [d0] = docs(1) as [DesignDocument]
    const start = emptyHistory()
    expect(squashToMark(mark(start, d0), d0, 'Move object')).toBe(start)
  })

  it('bail back to the very history and document of the mark', () => {
    const [d0, d1] = docs(2) as [DesignDocument, DesignDocument]
    const start = emptyHistory()
    const at = mark(start, d0)
    record(start, { label: 'Move', before: d0, after: d1 })
    const back = bailToMark(at)
    expect(back.history).toBe(start)
    expect(back.document).toBe(d0)
  })
})
