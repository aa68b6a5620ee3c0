// Delivers change events to every open view: extension pages and frames, and content scripts on webmail tabs.
import { MESSAGE_TAGS } from '@/utils/frames/tags';
import type { ProviderProfile } from '@/utils/providers/profile';
import type { ChangeEvent, Notify } from '@/utils/rpc/events';

export function browserNotifier(profile: ProviderProfile): Notify {
  return (change) => {
    const event: ChangeEvent = { type: MESSAGE_TAGS.event, ...change };
    // No open view is not an error.
    browser.runtime.sendMessage(event).catch(() => undefined);
    browser.tabs
      .query({ url: profile.webmailMatches })
      .then((tabs) => {
        for (const tab of tabs) if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, event).catch(() => undefined);
      })
      .catch(() => undefined);
  };
}
