// "Apri Archivio": focus a webmail tab and ask it to show the Archivio view, or open the webmail in a new tab.
import { MESSAGE_TAGS } from '@/utils/frames/tags';
import { webmailOriginOf, type ProviderProfile } from '@/utils/providers/profile';

export const OPEN_VIEW_MESSAGE = { type: MESSAGE_TAGS.openView } as const;

/** Prefers the active tab, then a tab on `origin`, then any webmail tab; returns how it went. */
export async function openArchive(profile: ProviderProfile, origin?: string): Promise<'focused' | 'opened'> {
  const tabs = await browser.tabs.query({ url: profile.webmailMatches });
  const onOrigin = origin ? tabs.filter((tab) => webmailOriginOf(profile, tab.url) === origin) : tabs;
  const candidates = onOrigin.length ? onOrigin : tabs;
  const target = candidates.find((tab) => tab.active) ?? candidates[0];
  if (target?.id === undefined) {
    const entry = new URL(profile.archiveEntryUrl);
    await browser.tabs.create({ url: origin ? new URL(entry.pathname + entry.hash, origin).href : entry.href });
    return 'opened';
  }
  await browser.tabs.update(target.id, { active: true });
  if (target.windowId !== undefined) await browser.windows.update(target.windowId, { focused: true }).catch(() => undefined);
  // A tab whose content script is not running (e.g. still loading) simply stays on the webmail.
  await browser.tabs.sendMessage(target.id, OPEN_VIEW_MESSAGE).catch(() => undefined);
  return 'focused';
}
