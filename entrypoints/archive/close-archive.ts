// Esc closes the archive from inside its frame: a key nothing in the app used asks the hosting content script to leave.
import { MESSAGE_TAGS } from '@/utils/frames/tags';

/** Asks the webmail tab hosting this frame to close the archive; a page of its own (no parent) stays as it is. */
export function requestCloseArchive(win: Window): void {
  // The message carries no data, so any parent may read it; the content script checks that it came from our frame.
  if (win.parent !== win) win.parent.postMessage({ type: MESSAGE_TAGS.closeArchive }, '*');
}

/** An Escape that no view handled (not default-prevented) and with no dialog open closes the archive. */
export function closeOnUnhandledEscape(win: Window): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (win.document.querySelector('[aria-modal="true"]')) return;
    requestCloseArchive(win);
  };
  win.addEventListener('keydown', onKeyDown);
  return () => win.removeEventListener('keydown', onKeyDown);
}
