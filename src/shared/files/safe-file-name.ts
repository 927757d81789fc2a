/** Characters no file name may hold on Windows, macOS or Linux, plus control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]+/g
/** Names Windows reserves whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i
const MAX_STEM = 120

/**
 * A file name built from user text (a patient's name, a date) that every OS accepts: no path
 * separators or reserved characters, no leading dots or trailing dots and spaces, no reserved
 * Windows device names, and short enough for any file system. `extension` is without its dot.
 */
export function safeFileName(stem: string, extension: string): string {
  let clean = stem
    .normalize('NFC')
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
  clean = Array.from(clean).slice(0, MAX_STEM).join('').trim()
  if (clean === '' || RESERVED.test(clean)) clean = `Stipple ${clean}`.trim()
  return `${clean}.${extension}`
}

/** The extension of a file this app writes and the filter a save dialog offers for it. */
export const SAVED_FILE_KINDS = {
  pdf: { extension: 'pdf', label: 'PDF document', mime: 'application/pdf' },
  png: { extension: 'png', label: 'PNG image', mime: 'image/png' },
  html: { extension: 'html', label: 'Web page (offline review)', mime: 'text/html' },
  archive: { extension: 'stipple', label: 'Stipple patient archive', mime: 'application/octet-stream' },
} as const

export type SavedFileKind = keyof typeof SAVED_FILE_KINDS
