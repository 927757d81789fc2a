/** "3 May 2025", "14 Mar 2026, 09:41": the one way days and moments are written, unambiguous in every locale (main writes them too). */
export { formatDay, formatDayTime, formatMoment } from '../../../shared/plan/plan-dates'

/** "3 hours ago", "yesterday", "12 days ago". */
export function formatAge(iso: string, now = new Date()): string {
  const minutes = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 60_000))
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`
  const hours = Math.round(minutes / 60)
  if (hours < 24) return `${plural(hours, 'hour')} ago`
  const days = Math.round(hours / 24)
  return days === 1 ? 'yesterday' : `${plural(days, 'day')} ago`
}

/** A file's size: "640 KB", "3.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** A whole count with thousands separators: "12,400". */
export const count = (n: number): string => Math.round(n).toLocaleString('en')

/** "1 photo", "1,200 sessions". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`

/**
 * A number as a form shows it: at most `decimals` places and no float noise
 * (0.15 × 100 reads 15, not 15.000000000000002).
 */
export function formatNumber(value: number, decimals = 4): string {
  if (!Number.isFinite(value)) return ''
  return String(Number(value.toFixed(decimals)))
}

/** How a stored value is shown: a share (0.6) as a percentage (60), everything else as it is. */
export interface Scale {
  /** Shown = stored × factor. */
  factor: number
}

export const AS_IS: Scale = { factor: 1 }
export const PERCENT: Scale = { factor: 100 }

export const toShown = (stored: number, scale: Scale) => stored * scale.factor
// Dividing (not multiplying by 0.01) keeps 15 → 0.15 exact to the last digit.
export const toStored = (shown: number, scale: Scale) => shown / scale.factor
