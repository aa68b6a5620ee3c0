// PLACEHOLDER — owned by the archive-tab helper (issue 4): picks the adapter of the current webmail.
import type { WebmailAdapter } from './adapter';

export function adapterFor(_url: URL, _doc: Document): WebmailAdapter {
  throw new Error('no webmail adapters yet');
}
