/** What a key press looks like to an action, so keys are matched and tested without a DOM. */
export interface KeyPress {
  key: string
  shift: boolean
  /** Ctrl, or Cmd on a Mac. */
  mod: boolean
}

/**
 * Whether a press is the one an Electron accelerator names ('Shift+CmdOrCtrl+Z', 'CmdOrCtrl+,'):
 * the menu's accelerator and the page's key test are read from the same string, so they cannot differ.
 */
export function pressMatches(accelerator: string, press: KeyPress): boolean {
  const named = pressOf(accelerator)
  return press.mod === named.mod && press.shift === named.shift && press.key.toLowerCase() === named.key.toLowerCase()
}

/** The key press an accelerator names. */
export function pressOf(accelerator: string): KeyPress {
  const parts = accelerator.split('+')
  const mods = new Set(parts.slice(0, -1))
  const key = parts.at(-1) ?? ''
  return { key: key === 'Plus' ? '+' : key.toLowerCase(), mod: mods.has('CmdOrCtrl'), shift: mods.has('Shift') }
}

/** An accelerator as tooltips and Help show it before a Mac turns Ctrl into ⌘: 'Shift+Ctrl+Z'. */
export const shortcutOf = (accelerator: string): string => accelerator.replace('CmdOrCtrl', 'Ctrl')
