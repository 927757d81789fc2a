/**
 * The app's name everywhere the OS shows it (menu title, About, Dock, task bar, installers) and
 * the name of its user-data folder: ~/Library/Application Support/Stipple, %APPDATA%\Stipple,
 * ~/.config/Stipple. Fixed here, before anyone has data, so it never has to move.
 */
export const PRODUCT_NAME = 'Stipple'
/** Windows ties task-bar grouping and notifications to it; the installers use the same id. */
export const APP_ID = 'app.stipple.desktop'
/** The extension of a patient archive: the desktop opens one it is handed at the import preview. */
export const ARCHIVE_EXTENSION = '.stipple'
