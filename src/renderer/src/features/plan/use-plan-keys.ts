import { useMemo } from 'react'
import { useRegisterActions } from '../../actions/ActionsProvider'
import { commandAction } from '../../actions/command-action'
import { usePlanActions } from './plan-context'

/**
 * Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z (or Ctrl+Y), and the Edit menu, undo and redo the plan while
 * its page is open: registered as the plan's actions, so the app's one rule decides when a text
 * field or a modal dialog keeps them.
 */
export function usePlanKeys(enabled: boolean): void {
  const { undo, redo } = usePlanActions()
  useRegisterActions(
    useMemo(
      () =>
        enabled
          ? { actions: [commandAction('edit.undo', 'plan', undo), commandAction('edit.redo', 'plan', redo)] }
          : null,
      [enabled, undo, redo],
    ),
  )
}
