// A long archive's folder tree: months grouped by year, this year open, the folders after the months in reach.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Folder } from '@/utils/api/schemas';
import { ancestorsOf, folderTree, initiallyExpanded, visibleNodes } from '@/entrypoints/archive/folders/folders';
import { useDictionary } from '@/utils/i18n';
import { useLanguage } from './i18n';

/** `count` months back from November 2026, each with a few messages, plus the inbox and sent folders. */
function archiveOf(count: number): Folder[] {
  const months: Folder[] = Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(2026, 10 - i, 1));
    const month = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
    return { id: `inbox-${month}`, parentId: 'inbox', kind: 'inbox-month', name: month, month, messageCount: 3, bytes: 3000 };
  });
  return [
    { id: 'inbox', parentId: null, kind: 'inbox', name: 'INBOX', messageCount: 3 * count, bytes: 3000 * count },
    ...months,
    { id: 'sent', parentId: null, kind: 'sent', name: 'Sent', messageCount: 7, bytes: 7000 },
  ];
}

beforeEach(() => useLanguage('it'));
afterEach(() => useDictionary('it', null));

describe('folder tree of a long archive', () => {
  let nodes: ReturnType<typeof folderTree>;
  beforeEach(() => {
    nodes = folderTree(archiveOf(30), 'it');
  });
  const now = new Date('2026-12-02T10:00:00Z');

  it('puts thirty months under one node per year, newest year first, each with its months and total', () => {
    const years = nodes.filter((node) => node.kind === 'year');
    expect(years.map((node) => [node.label, node.count, node.level, node.parentId])).toEqual([
      ['2026', 33, 2, 'inbox'],
      ['2025', 36, 2, 'inbox'],
      ['2024', 21, 2, 'inbox'],
    ]);
    const months2024 = nodes.filter((node) => node.parentId === 'year-2024');
    expect(months2024.map((node) => node.label)).toEqual([
      'dicembre 2024',
      'novembre 2024',
      'ottobre 2024',
      'settembre 2024',
      'agosto 2024',
      'luglio 2024',
      'giugno 2024',
    ]);
    expect(months2024.every((node) => node.level === 3 && node.kind === 'inbox-month')).toBe(true);
  });

  it('opens only this year at first: "Posta inviata" stays within the first rows', () => {
    const open = initiallyExpanded(nodes, 'inbox', now);
    expect([...open].sort()).toEqual(['inbox', 'year-2026']);
    const shown = visibleNodes(nodes, open);
    // Inbox, 2026 and its 11 months, 2025, 2024, sent: 16 rows, whatever the archive's length.
    expect(shown.map((node) => node.id).slice(-3)).toEqual(['year-2025', 'year-2024', 'sent']);
    expect(shown).toHaveLength(16);
    expect(visibleNodes(folderTree(archiveOf(120), 'it'), initiallyExpanded(folderTree(archiveOf(120), 'it'), 'inbox', now)).length).toBeLessThan(30);
  });

  it('opens the year of a month chosen from elsewhere, and the newest year when this one has no month yet', () => {
    expect(ancestorsOf(nodes, 'inbox-2024-08')).toEqual(['year-2024', 'inbox']);
    expect(initiallyExpanded(nodes, 'inbox-2024-08', now).has('year-2024')).toBe(true);
    expect([...initiallyExpanded(nodes, 'sent', new Date('2027-01-05T10:00:00Z'))].sort()).toEqual(['inbox', 'year-2026']);
  });

  it('keeps months ungrouped while they all fall in one year', () => {
    const short = folderTree(archiveOf(6), 'it');
    expect(short.some((node) => node.kind === 'year')).toBe(false);
    expect(short.filter((node) => node.kind === 'inbox-month').every((node) => node.level === 2 && node.parentId === 'inbox')).toBe(true);
  });
});
