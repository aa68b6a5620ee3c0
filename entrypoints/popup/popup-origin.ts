// Which webmail the popup speaks for: `?origin=` when given, else the active tab's webmail, else the last one seen.
import { webmailOriginOf, type ProviderProfile } from '@/utils/providers/profile';

export async function popupOrigin(search: string, profile: ProviderProfile): Promise<string | undefined> {
  const requested = new URLSearchParams(search).get('origin');
  if (requested) return webmailOriginOf(profile, requested) ?? undefined;
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    // Undefined lets the background use the webmail origin it saw last.
    return webmailOriginOf(profile, tab?.url) ?? undefined;
  } catch {
    return undefined;
  }
}
