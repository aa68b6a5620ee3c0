// The toolbar badge: calls attention to the signed-in user's own archive when it is at 90 % or more, or full.
import type { ArchiveStatus } from '@/utils/api/schemas';
import { CRITICAL_RATIO, needsBadge, usageRatio } from '@/utils/rules/quota';

export interface Badge {
  text: string;
  color: string;
  /** Message key and substitution of the toolbar tooltip. */
  titleKey: 'badge_title_full' | 'badge_title_nearlyFull';
  percent: number;
}

const AMBER = '#b45309';
const RED = '#b91c1c';

type QuotaPart = Pick<ArchiveStatus, 'enabled' | 'usedBytes' | 'quotaBytes' | 'full'>;

/** "!" on red when full; "92%" on amber from 90 %, on red from 95 %; nothing otherwise (or when unlimited/off). */
export function badgeFor(status: QuotaPart | null | undefined): Badge | null {
  if (!status || !status.enabled || !needsBadge(status)) return null;
  const ratio = usageRatio(status) ?? 1;
  const percent = Math.floor(ratio * 100);
  if (status.full || ratio >= 1) return { text: '!', color: RED, titleKey: 'badge_title_full', percent: 100 };
  return { text: `${percent}%`, color: ratio >= CRITICAL_RATIO ? RED : AMBER, titleKey: 'badge_title_nearlyFull', percent };
}

/** The parts of `browser.action` the badge uses (so tests can pass a recorder). */
export interface BadgeAction {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setBadgeTextColor?(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

export async function showBadge(action: BadgeAction, status: QuotaPart | null, translate: (key: string, ...s: string[]) => string): Promise<void> {
  const badge = badgeFor(status);
  if (!badge) {
    await action.setBadgeText({ text: '' });
    await action.setTitle({ title: translate('extName') });
    return;
  }
  await action.setBadgeBackgroundColor({ color: badge.color });
  await action.setBadgeTextColor?.({ color: '#ffffff' });
  await action.setBadgeText({ text: badge.text });
  await action.setTitle({ title: translate(badge.titleKey, String(badge.percent)) });
}
