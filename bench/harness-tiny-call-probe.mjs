// Forked by the hostile-corpus bench: sends a tiny bridge call (app.info) to the harness every
// 20 ms while a row runs and answers with the longest wait. It runs in a process of its own, as a
// second window would: the bench's own thread, busy encoding or decoding a large archive, would
// otherwise delay its own tiny calls and count that against the harness.
import http from 'node:http'

const [port, token] = process.argv.slice(2)
const agent = new http.Agent({ keepAlive: true })

function tinyCall() {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: Number(port),
        method: 'POST',
        path: '/api/app.info',
        agent,
        headers: {
          origin: `http://127.0.0.1:${port}`,
          'x-stipple-token': token,
          'content-type': 'application/json',
          'content-length': 2,
        },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(performance.now() - started))
      },
    )
    req.on('error', reject)
    req.end('{}')
  })
}

let stopping = false
let rounds = null

async function probe() {
  let longest = 0
  while (!stopping) {
    // A kept-alive socket the harness closed between rows fails once; the next call opens another.
    const ms = await tinyCall().catch(() => tinyCall())
    longest = Math.max(longest, ms)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return longest
}

process.on('message', async (message) => {
  if (message === 'start' && !rounds) {
    stopping = false
    rounds = probe()
  } else if (message === 'stop' && rounds) {
    stopping = true
    const longestMs = await rounds
    rounds = null
    process.send?.({ longestMs })
  }
})
