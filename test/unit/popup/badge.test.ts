// The toolbar badge: when it shows, what it says, and which background replies move it.
import { fakeBrowser } from 'wxt/testing';
import { describe, expect, it } from 'vitest';
import { badgeFor, showBadge } from '@/utils/background/badge';
import { marioStatus } from '../client-profiles/fixtures';

const GiB = 1024 ** 3;
const translate = (key: string, ...s: string[]) => [key, ...s].join(':');

describe('badgeFor', () => {
  it('stays away below 90 %, for unlimited plans and for archives that are off', () => {
    expect(badgeFor(marioStatus({ usedBytes: 0.89 * GiB }))).toBeNull();
    expect(badgeFor(marioStatus({ usedBytes: 5 * GiB, quotaBytes: null }))).toBeNull();
    expect(badgeFor(marioStatus({ enabled: false, usedBytes: GiB, full: true }))).toBeNull();
    expect(badgeFor(null)).toBeNull();
  });

  it('shows the percentage from 90 %, red from 95 %, and "!" when full', () => {
    expect(badgeFor(marioStatus({ usedBytes: 0.9 * GiB }))).toMatchObject({ text: '90%', color: '#b45309' });
    expect(badgeFor(marioStatus({ usedBytes: 0.96 * GiB }))).toMatchObject({ text: '96%', color: '#b91c1c' });
    expect(badgeFor(marioStatus({ usedBytes: 0.5 * GiB, full: true }))).toMatchObject({ text: '!', titleKey: 'badge_title_full' });
    expect(badgeFor(marioStatus({ usedBytes: 2 * GiB }))).toMatchObject({ text: '!' });
  });
});

describe('showBadge', () => {
  it('sets and clears the badge text, colour and tooltip', async () => {
    await showBadge(fakeBrowser.action, marioStatus({ usedBytes: 0.93 * GiB }), translate);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('93%');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xb4, 0x53, 0x09, 255]);
    expect(await fakeBrowser.action.getTitle({})).toBe('badge_title_nearlyFull:93');
    await showBadge(fakeBrowser.action, marioStatus(), translate);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('extName');
  });
});
