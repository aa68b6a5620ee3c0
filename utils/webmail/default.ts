// Adapter for a page no webmail adapter recognises: no anchors, so the floating launcher and the shortcut open the
// archive in a panel; nothing is read from the page but its colour scheme.
import type { WebmailAdapter } from './adapter';

function prefersDark(doc: Document): boolean {
  const view = doc.defaultView;
  return !!view && typeof view.matchMedia === 'function' && view.matchMedia('(prefers-color-scheme: dark)').matches;
}

export const defaultAdapter: WebmailAdapter = {
  id: 'default',
  matches: () => true,
  accountHint: () => null,
  navigation: () => null,
  createNavItem(doc, label) {
    const control = doc.createElement('button');
    control.type = 'button';
    control.textContent = label;
    return { item: control, control };
  },
  contentArea: () => null,
  colorScheme(doc) {
    const declared = doc.documentElement.getAttribute('data-theme');
    if (declared) return declared.toLowerCase().includes('dark') ? 'dark' : 'light';
    return prefersDark(doc) ? 'dark' : 'light';
  },
  mailboxTable: () => null,
  mailboxRows: () => [],
  mailboxDetail: () => null,
};
