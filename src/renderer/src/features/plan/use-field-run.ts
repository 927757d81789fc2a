import { useRef } from 'react'

let runs = 0

/**
 * An undo coalesce key for one field that changes each time the field gains focus: typing into
 * it is one undo step, and coming back to it later starts another.
 */
export function useFieldRun(field: string): { key: () => string; onFocus(): void } {
  const run = useRef(0)
  return {
    key: () => `${field}#${run.current}`,
    onFocus: () => {
      runs += 1
      run.current = runs
    },
  }
}
