/**
 * Resolves in a new task, after whatever the page has queued: long work cut into pieces awaits
 * it between pieces so no task of the UI thread runs long. A message, not a timer: nested
 * timers are held back at least 4 ms each.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}
