import { createDecodeHost } from './decode-host'
import type { DecodeLauncher } from './decode-launcher'
import { nodeLauncher } from './node-launcher'

let launcher: DecodeLauncher = nodeLauncher

/**
 * The desktop shell names Electron's `utilityProcess` launcher here at start-up, before any
 * decode; the web harness and tests keep `child_process.fork`.
 */
export function useDecodeLauncher(chosen: DecodeLauncher): void {
  launcher = chosen
}

/**
 * Issue 17's budget: the app's memory at most 512 MB above its idle figure. A decode process is
 * what grows by hundreds of MB, so its growth above its own idle figure (Node and the decoders
 * loaded, about 100 MB) is held to that: the largest photos the caps allow peak below it (a 50 MP
 * progressive JPEG, decoded whole, at about 380 MB above idle; a 100 MP baseline one at about 260 MB).
 */
export const DECODE_MEMORY_BUDGET_MB = 512

/**
 * Decoding photos and opening archives, in a process of their own, one at a time: each may use
 * hundreds of MB outside V8, which the OS takes back when the process ends.
 */
export const decoding = createDecodeHost({
  launcher: () => launcher,
  size: 1,
  memoryBudgetMb: DECODE_MEMORY_BUDGET_MB,
  heapMb: 320,
  keepBelowMb: 192,
})
