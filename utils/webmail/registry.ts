// Picks the adapter of the current webmail by URL and a cheap DOM check; unknown pages get the default adapter.
import type { WebmailAdapter } from './adapter';
import { arubaAdapter } from './aruba';
import { defaultAdapter } from './default';
import { demoAdapter } from './demo';
import { roundcubeAdapter } from './roundcube';

/** Known webmails, most specific first. */
export const webmailAdapters: readonly WebmailAdapter[] = [demoAdapter, arubaAdapter, roundcubeAdapter];

export function adapterFor(url: URL, doc: Document): WebmailAdapter {
  return webmailAdapters.find((adapter) => adapter.matches(url, doc)) ?? defaultAdapter;
}
