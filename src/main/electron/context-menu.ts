import { type ContextMenuParams, Menu, type MenuItemConstructorOptions, type WebContents } from 'electron'

/**
 * What a right-click offers: spelling suggestions and "Add to Dictionary" over a misspelt word,
 * Cut/Copy/Paste where they apply (by the page's own edit flags), Copy over a selection.
 * Nothing at all over plain page areas: the canvas has its own gestures.
 */
export function contextMenuTemplate(
  params: Pick<
    ContextMenuParams,
    'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'selectionText' | 'editFlags'
  >,
  contents: Pick<WebContents, 'replaceMisspelling' | 'session'>,
): MenuItemConstructorOptions[] {
  const spelling: MenuItemConstructorOptions[] = params.misspelledWord
    ? [
        ...(params.dictionarySuggestions.length > 0
          ? params.dictionarySuggestions
              .slice(0, 5)
              .map(
                (word): MenuItemConstructorOptions => ({ label: word, click: () => contents.replaceMisspelling(word) }),
              )
          : [{ label: 'No Guesses Found', enabled: false }]),
        {
          label: 'Add to Dictionary',
          click: () => contents.session.addWordToSpellCheckerDictionary(params.misspelledWord),
        },
        { type: 'separator' },
      ]
    : []
  if (params.isEditable)
    return [
      ...spelling,
      { role: 'cut', enabled: params.editFlags.canCut },
      { role: 'copy', enabled: params.editFlags.canCopy },
      { role: 'paste', enabled: params.editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: params.editFlags.canSelectAll },
    ]
  if (params.selectionText.trim() !== '') return [{ role: 'copy', enabled: params.editFlags.canCopy }]
  return []
}

export function installContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, contents)
    if (template.length > 0) Menu.buildFromTemplate(template).popup()
  })
}
