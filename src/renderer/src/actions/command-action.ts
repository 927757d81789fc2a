import { type AppCommand, appCommand, commandKeyTest, commandShortcut } from '../../../shared/actions/app-commands'
import type { AppAction } from './action'

/** An action for one of the catalogue's commands: its label and keys are the catalogue's, as the menu's are. */
export function commandAction(
  id: AppCommand,
  scope: AppAction['scope'],
  perform: () => void,
  more: Pick<AppAction, 'enabled'> = {},
): AppAction {
  const keyTest = commandKeyTest(id)
  return {
    id,
    label: appCommand(id).label,
    shortcut: commandShortcut(id),
    ...(keyTest && { keyTest }),
    perform: () => perform(),
    scope,
    ...more,
  }
}
