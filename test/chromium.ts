/**
 * The browser every test layer drives: Debian's Chromium, never a downloaded build. The flags
 * keep it from reaching for the network, which this machine and CI do not have.
 */
export const CHROMIUM_PATH = process.env.STIPPLE_CHROMIUM ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]
