// Loaded into the harness with `node --import` by the hostile-corpus bench: it measures main's
// event loop from inside (the longest task, as the delay of a 5 ms timer) and answers over the
// IPC channel the bench opened, so no app code carries a benchmark hook.
import { monitorEventLoopDelay } from 'node:perf_hooks'

const delay = monitorEventLoopDelay({ resolution: 5 })
delay.enable()
process.on('message', (message) => {
  if (message !== 'longest-task') return
  process.send?.({ longestTaskMs: delay.max / 1e6 })
  delay.reset()
})
process.channel?.unref()
