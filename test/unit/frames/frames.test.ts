// The frames module: one message-tag list, one colour-scheme parser, one view-name check, the archive fragment both ways.
import { describe, expect, it } from 'vitest';
import { archiveHash, readHash } from '@/utils/frames/archive-url';
import { frameHash, readFrameHash } from '@/utils/frames/postmaster-url';
import { parseColorScheme } from '@/utils/frames/scheme';
import { MESSAGE_TAGS } from '@/utils/frames/tags';
import { isArchiveViewName } from '@/utils/frames/view-name';
import { fragmentRoute } from '@/utils/webmail/route';

describe('frames module', () => {
  it('declares every message tag once, all in our namespace', () => {
    const tags = Object.values(MESSAGE_TAGS);
    expect(new Set(tags).size).toBe(tags.length);
    for (const tag of tags) expect(tag).toMatch(/^archivio\/[a-z-]+$/);
  });

  it('accepts only light and dark as colour schemes', () => {
    expect(parseColorScheme('light')).toBe('light');
    expect(parseColorScheme('dark')).toBe('dark');
    for (const other of ['Dark', '', null, undefined, 'purple', 1]) expect(parseColorScheme(other)).toBeNull();
  });

  it('checks view names the same way for the fragment, the route and messages', () => {
    for (const view of ['inbox', 'inbox-2026-11', 'sent', 'custom-1', 'expiring', 'custom_2']) expect(isArchiveViewName(view)).toBe(true);
    for (const view of ['', '-x', '../x', 'a/b', 'a b', 'x'.repeat(65), 'ünïcode', 'a?b']) expect(isArchiveViewName(view)).toBe(false);
    const route = fragmentRoute('#/archivio');
    expect(route.viewOf(new URL('http://h/#/archivio/inbox-2026-11'))).toBe('inbox-2026-11');
    expect(readHash('#view=inbox-2026-11').view).toBe('inbox-2026-11');
  });

  it('writes and reads the archive fragment with the same parameter names as the postmaster frames', () => {
    const hash = archiveHash({ scheme: 'dark', view: 'expiring', origin: 'http://127.0.0.1:8787' });
    expect(hash).toBe('#scheme=dark&view=expiring&origin=http%3A%2F%2F127.0.0.1%3A8787');
    expect(readHash(hash)).toEqual({ scheme: 'dark', view: 'expiring', origin: 'http://127.0.0.1:8787', lang: null });
    expect(archiveHash({ scheme: null, view: '../x', origin: null })).toBe('#');
    expect(readFrameHash(frameHash({ ticket: null, scheme: 'dark' })).scheme).toBe('dark');
  });
});
