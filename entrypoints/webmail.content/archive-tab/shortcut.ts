// The keyboard shortcut that opens the archive even when the navigation item is missing: Alt+Shift+A.

/** Alt+Shift+A by physical key, so layouts where Alt+Shift changes the character still match. */
export function isArchiveShortcut(event: KeyboardEvent): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && (event.code === 'KeyA' || event.key.toLowerCase() === 'a');
}
