import type { Theme } from './theme'

/** Switches between the dark and the light theme, showing the one it switches to. */
export function ThemeButton({ theme, onChange }: { theme: Theme; onChange(theme: Theme): void }) {
  return (
    <button
      type="button"
      className="button button--ghost button--icon"
      aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
      title={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
      onClick={() => onChange(theme === 'dark' ? 'light' : 'dark')}
    >
      {theme === 'dark' ? '☀' : '☾'}
    </button>
  )
}
