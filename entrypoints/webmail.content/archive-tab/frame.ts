// The archive app's frame: an extension page in an iframe, told the host's colour scheme and view in its fragment.
import { archiveHash } from '@/utils/frames/archive-url';
import type { ColorScheme } from '@/utils/frames/scheme';
import { supportedLanguage, t } from '@/utils/i18n';

export interface FrameState {
  scheme: ColorScheme;
  /** The archive view to show ('' = the app's default). */
  view: string;
}

/**
 * The URL of the archive page for a state: `archive.html#scheme=dark&view=expiring`. The app reads its fragment on
 * load and on `hashchange`; the webmail page's language goes along, so the app speaks it (unless the user chose one in
 * the options). Nothing else is passed (the app asks the background who is signed in).
 */
export function archiveFrameUrl(state: FrameState, pageLanguage: string | null = null): string {
  // Cast: the page is another helper's entrypoint, absent from WXT's generated path list until it is built.
  const getURL = browser.runtime.getURL as (path: string) => string;
  return `${getURL('/archive.html')}${archiveHash({ scheme: state.scheme, view: state.view || null, origin: null, lang: supportedLanguage(pageLanguage) })}`;
}

export function createArchiveFrame(doc: Document, state: FrameState): HTMLIFrameElement {
  const frame = doc.createElement('iframe');
  frame.title = t('archiveTab_frameTitle');
  frame.src = archiveFrameUrl(state, doc.documentElement.lang);
  frame.dataset.archivio = 'archive-frame';
  frame.dataset.scheme = state.scheme;
  frame.dataset.view = state.view;
  frame.style.cssText = 'display:block;width:100%;height:100%;border:0;margin:0;padding:0;background:transparent';
  frame.style.colorScheme = state.scheme;
  return frame;
}

/** Tells an open frame a new scheme or view without a reload and without adding a history entry. */
export function updateArchiveFrame(frame: HTMLIFrameElement, state: FrameState): void {
  if (frame.dataset.scheme === state.scheme && frame.dataset.view === state.view) return;
  frame.dataset.scheme = state.scheme;
  frame.dataset.view = state.view;
  frame.style.colorScheme = state.scheme;
  const url = archiveFrameUrl(state, frame.ownerDocument.documentElement.lang);
  const target = frame.contentWindow;
  try {
    // Only the fragment changes, so the app gets a `hashchange`; replace() keeps the tab's history clean.
    if (target) {
      target.location.replace(url);
      return;
    }
  } catch {
    // Not reachable (frame not loaded yet): setting src below is the fallback.
  }
  frame.src = url;
}
