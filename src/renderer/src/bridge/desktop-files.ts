/**
 * Where a chosen or dropped file is on this machine, so main reads it and its bytes never cross
 * IPC: the desktop's only. Null in the browser, and for a file with no path (a pasted image).
 */
export function desktopPathOf(file: File): string | null {
  return window.stipple?.pathForFile(file) || null
}
