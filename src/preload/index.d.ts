import type { StippleDesktopApi } from './api'

declare global {
  interface Window {
    /** Present in the desktop app only; the web harness talks HTTP instead. */
    stipple?: StippleDesktopApi
  }
}
