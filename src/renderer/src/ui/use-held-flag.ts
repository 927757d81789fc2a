import { useEffect, useState } from 'react'

/**
 * True once `flag` has stayed true for `ms`, false as soon as it is false: a wait shown only
 * when it is long enough to notice, so a quick one does not flash a message.
 */
export function useHeldFlag(flag: boolean, ms: number): boolean {
  const [held, setHeld] = useState(false)
  useEffect(() => {
    if (!flag) {
      setHeld(false)
      return
    }
    const timer = setTimeout(() => setHeld(true), ms)
    return () => clearTimeout(timer)
  }, [flag, ms])
  return flag && held
}
