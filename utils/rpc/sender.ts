// Who sent a runtime message: an extension page (privileged), a content script on a webmail tab, or nobody we serve.
import type { ProviderProfile } from '@/utils/providers/profile';
import { webmailOriginOf } from '@/utils/providers/profile';

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export type SenderContext = { kind: 'extension'; tabOrigin: string | null } | { kind: 'content'; origin: string; tabId: number };

/**
 * Web pages cannot message the background at all (no `externally_connectable`); this decides what our own
 * contexts may ask. A frame of ours inside a webmail tab counts as an extension page, and it is tied to the
 * webmail origin of the tab it lives in.
 */
export function classifySender(sender: SenderLike, extensionId: string, extensionOrigin: string, profile: ProviderProfile): SenderContext | null {
  if (sender.id !== extensionId) return null;
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) {
    return { kind: 'extension', tabOrigin: webmailOriginOf(profile, sender.tab?.url) };
  }
  const origin = webmailOriginOf(profile, url);
  if (origin && sender.tab?.id !== undefined && webmailOriginOf(profile, sender.tab.url) === origin) {
    return { kind: 'content', origin, tabId: sender.tab.id };
  }
  return null;
}
