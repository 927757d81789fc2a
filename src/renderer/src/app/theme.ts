import { useEffect, useState } from 'react'

export type Theme = 'dark' | 'light'

const STORAGE_KEY = 'stipple.theme'

function storedTheme(): Theme {
  return localStorage.getItem(STORAGE_KEY) === 'light' ? 'light' : 'dark'
}

/**
 * The colour theme, dark by default (a neutral grey workspace), kept across launches. With
 * `remember: false` it is this page's only: a locked-down browser may refuse local storage to a
 * file opened from disk, as the offline review is.
 */
export function useTheme({ remember = true }: { remember?: boolean } = {}): [Theme, (theme: Theme) => void] {
  const [theme, setTheme] = useState<Theme>(() => (remember ? storedTheme() : 'dark'))
  useEffect(() => {
    document.documentElement.dataset.theme = theme
    if (remember) localStorage.setItem(STORAGE_KEY, theme)
    // The desktop follows it: native menus and dialogs, and the window's colour at the next launch.
    window.stipple?.setTheme(theme)
  }, [theme, remember])
  return [theme, setTheme]
}
