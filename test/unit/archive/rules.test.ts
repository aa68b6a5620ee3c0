// Small rules of the archive app: folder tree and labels, URL fragment, colour scheme, export progress.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Folder } from '@/utils/api/schemas';
import { useDictionary } from '@/utils/i18n';
import { folderTree, listingTouched, moveTargets, visibleNodes } from '@/entrypoints/archive/folders/folders';
import { readHash } from '@/utils/frames/archive-url';
import { counterpart, rowLabel } from '@/entrypoints/archive/labels';
import { currentScheme, followColorScheme } from '@/entrypoints/archive/theme';
import { summary } from './fixtures';
import { useLanguage } from './i18n';

const folder = (id: string, kind: Folder['kind'], messageCount: number, extra: Partial<Folder> = {}): Folder => ({
  id,
  kind,
  messageCount,
  bytes: messageCount * 1000,
  parentId: kind === 'inbox-month' ? 'inbox' : null,
  name: kind === 'inbox' ? 'Posta in arrivo' : kind === 'sent' ? 'Posta inviata' : id.replace('inbox-', ''),
  ...(kind === 'inbox-month' ? { month: id.replace('inbox-', '') } : {}),
  ...extra,
});

export const FOLDERS: Folder[] = [
  folder('inbox-2025-12', 'inbox-month', 3),
  folder('sent', 'sent', 12),
  folder('inbox', 'inbox', 28),
  folder('custom-1', 'custom', 2, { name: 'Progetti' }),
  folder('inbox-2026-11', 'inbox-month', 20),
  folder('inbox-2026-01', 'inbox-month', 5),
];

beforeEach(() => useLanguage('it'));
afterEach(() => useDictionary('it', null));

describe('folder tree', () => {
  it('names months in the user language, newest first under the inbox by year, then sent and custom folders', () => {
    useLanguage('it');
    const nodes = folderTree(FOLDERS, 'it');
    expect(nodes.map((n) => [n.label, n.level, n.count])).toEqual([
      ['Posta in arrivo', 1, 28],
      ['2026', 2, 25],
      ['novembre 2026', 3, 20],
      ['gennaio 2026', 3, 5],
      ['2025', 2, 3],
      ['dicembre 2025', 3, 3],
      ['Posta inviata', 1, 12],
      ['Progetti', 1, 2],
    ]);
    useLanguage('en');
    expect(
      folderTree(FOLDERS, 'en')
        .map((n) => n.label)
        .slice(0, 3),
    ).toEqual(['Inbox', '2026', 'November 2026']);
  });

  it('hides the months of a collapsed inbox or year', () => {
    const nodes = folderTree(FOLDERS, 'it');
    expect(visibleNodes(nodes, new Set()).map((n) => n.id)).toEqual(['inbox', 'sent', 'custom-1']);
    expect(visibleNodes(nodes, new Set(['inbox'])).map((n) => n.id)).toEqual(['inbox', 'year-2026', 'year-2025', 'sent', 'custom-1']);
    // A year left open under a closed inbox stays hidden with it.
    expect(visibleNodes(nodes, new Set(['year-2026'])).map((n) => n.id)).toEqual(['inbox', 'sent', 'custom-1']);
  });

  it('offers as move targets the inbox, sent and custom folders, never where the message is', () => {
    expect(moveTargets(FOLDERS, 'inbox-2026-11', 'it').map((t) => t.id)).toEqual(['sent', 'custom-1']);
    expect(moveTargets(FOLDERS, 'sent', 'it').map((t) => t.id)).toEqual(['inbox', 'custom-1']);
  });

  it('knows which listing a change touches (the inbox shows every month)', () => {
    expect(listingTouched('inbox', ['inbox-2026-11'])).toBe(true);
    expect(listingTouched('inbox-2026-11', ['inbox'])).toBe(true);
    expect(listingTouched('sent', ['inbox-2026-11'])).toBe(false);
    expect(listingTouched('sent', undefined)).toBe(true);
  });
});

describe('row labels', () => {
  it('name the sender, or the recipients in sent mail, and read the whole row aloud', () => {
    useLanguage('it');
    const sent = summary(5, {
      folderId: 'sent',
      to: [
        { name: '', address: 'a@example.it' },
        { name: 'Giulia', address: 'g@example.it' },
      ],
    });
    expect(counterpart(summary(1), 'received')).toBe('Mittente 1');
    expect(counterpart(sent, 'sent')).toBe('A: a@example.it, Giulia');
    const label = rowLabel(summary(5, { subject: '' }), 'received', 'it-IT');
    expect(label).toMatch(/^Mittente 5, [^,]+, \(nessun oggetto\), 1005\u00a0B, con allegati$/);
  });
});

describe('URL fragment and colour scheme', () => {
  it('reads scheme, view and origin, rejecting anything else', () => {
    expect(readHash('#scheme=dark&view=inbox-2026-11&origin=http%3A%2F%2F127.0.0.1%3A8787%2Fx')).toEqual({
      scheme: 'dark',
      view: 'inbox-2026-11',
      origin: 'http://127.0.0.1:8787',
      lang: null,
    });
    expect(readHash('#scheme=purple&view=../../x&origin=javascript:alert(1)')).toEqual({ scheme: null, view: null, origin: null, lang: null });
    expect(readHash('')).toEqual({ scheme: null, view: null, origin: null, lang: null });
  });

  it('follows the fragment, else the system preference, and updates on hashchange', () => {
    expect(currentScheme('#scheme=light', true)).toBe('light');
    expect(currentScheme('', true)).toBe('dark');
    expect(currentScheme('#view=sent', false)).toBe('light');
    location.hash = '#scheme=dark';
    const stop = followColorScheme(window);
    expect(document.documentElement.dataset.theme).toBe('dark');
    location.hash = '#scheme=light';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(document.documentElement.dataset.theme).toBe('light');
    stop();
    location.hash = '';
  });
});
