/** At most `size` holders at once; the others wait, first come first served. */
export function createTurns(size: number): { acquire(): Promise<void>; release(): void } {
  const waiting: (() => void)[] = []
  let running = 0
  return {
    async acquire() {
      if (running < size) {
        running++
        return
      }
      await new Promise<void>((resolve) => waiting.push(resolve))
    },
    release() {
      const next = waiting.shift()
      if (next) next()
      else running--
    },
  }
}
