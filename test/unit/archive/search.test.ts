// Search: the local matcher, merging without duplicates, the provider queries, and a search run end to end.
import { describe, expect, it } from 'vitest';
import type { MessageSummary, SearchQuery } from '@/utils/api/schemas';
import type { BackgroundClient } from '@/utils/rpc/client';
import { isEmptyFilter, summaryMatcher } from '@/utils/rules/match';
import { dayAfter, EMPTY_SEARCH, localFilterOf, mergeResults, providerQueries, SearchRun } from '@/entrypoints/archive/search/search';
import { summary } from './fixtures';

describe('instant filter matcher', () => {
  const invoice = summary(1, {
    subject: 'Fattura n. 753 — Perché pagare',
    from: { name: 'Assistenza Tecnica', address: 'assistenza@informatica.it' },
  });
  const sent = summary(2, { folderId: 'sent', subject: 'Ferie', to: [{ name: 'Giulia Verdi', address: 'giulia.verdi@example.it' }] });

  it('matches subject, sender and recipients, every term, ignoring case and accents', () => {
    expect(summaryMatcher({ text: 'fattura' })(invoice)).toBe(true);
    expect(summaryMatcher({ text: 'PERCHE' })(invoice)).toBe(true);
    expect(summaryMatcher({ text: 'assistenza 753' })(invoice)).toBe(true);
    expect(summaryMatcher({ text: 'informatica.it' })(invoice)).toBe(true);
    expect(summaryMatcher({ text: 'fattura giulia' })(invoice)).toBe(false);
    expect(summaryMatcher({ text: 'giulia' })(sent)).toBe(true);
    expect(summaryMatcher({ text: 'verdi@' })(sent)).toBe(true);
  });

  it('narrows by date range and attachments; an empty filter asks for nothing', () => {
    const day = invoice.date.slice(0, 10);
    expect(summaryMatcher({ text: '', after: day })(invoice)).toBe(true);
    expect(summaryMatcher({ text: '', before: day })(invoice)).toBe(false);
    expect(summaryMatcher({ text: '', before: dayAfter(day) })(invoice)).toBe(true);
    expect(summaryMatcher({ text: '', hasAttachment: true })(summary(5))).toBe(true);
    expect(summaryMatcher({ text: '', hasAttachment: true })(summary(6))).toBe(false);
    expect(isEmptyFilter({ text: '   ' })).toBe(true);
    expect(isEmptyFilter({ text: '', hasAttachment: true })).toBe(false);
  });
});

describe('merging results', () => {
  it('keeps one row per message id, newest first', () => {
    const a = [summary(3), summary(1), summary(7)];
    const b = [summary(1), summary(2), summary(3, { subject: 'other copy' })];
    const merged = mergeResults(a, b);
    expect(merged.map((m) => m.id)).toEqual(['m000001', 'm000002', 'm000003', 'm000007']);
    expect(merged.find((m) => m.id === 'm000003')?.subject).toBe('Messaggio numero 3');
    expect(mergeResults([], [])).toEqual([]);
  });
});

describe('provider queries', () => {
  it('asks for the text as free text, as sender and as recipient, with the same filters', () => {
    const form = { ...EMPTY_SEARCH, text: ' rossi ', from: '2026-01-01', until: '2026-01-31', hasAttachment: true, scope: 'folder' as const };
    const queries = providerQueries(form, 'sent');
    const base = { after: '2026-01-01', before: '2026-02-01', hasAttachment: true, folderId: 'sent', limit: 100 };
    expect(queries).toEqual([
      { ...base, q: 'rossi' },
      { ...base, from: 'rossi' },
      { ...base, to: 'rossi' },
    ]);
    expect(providerQueries({ ...EMPTY_SEARCH, hasAttachment: true }, 'sent')).toEqual([{ hasAttachment: true, limit: 100 }]);
    expect(localFilterOf(form, 'sent')).toEqual({ text: 'rossi', after: '2026-01-01', before: '2026-02-01', hasAttachment: true, folderId: 'sent' });
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
  });
});

describe('a search run', () => {
  function api(local: MessageSummary[], pages: Record<string, { items: MessageSummary[]; nextCursor: string | null }>) {
    const searched: SearchQuery[] = [];
    const fake = {
      call: async (name: string, payload: { query: SearchQuery }) => {
        if (name === 'messages.filter') return local;
        const query = payload.query;
        searched.push(query);
        const key = `${query.q ? 'q' : query.from ? 'from' : 'to'}:${query.cursor ?? ''}`;
        return pages[key] ?? { items: [], nextCursor: null };
      },
    } as unknown as BackgroundClient;
    return { fake, searched };
  }

  it('shows cached matches first, then adds the provider results without duplicates, and pages on', async () => {
    const { fake, searched } = api([summary(1), summary(4)], {
      'q:': { items: [summary(1), summary(2)], nextCursor: 'c2' },
      'from:': { items: [summary(4), summary(9)], nextCursor: null },
      'q:c2': { items: [summary(20)], nextCursor: null },
    });
    const run = new SearchRun(fake, { ...EMPTY_SEARCH, text: 'numero' }, 'inbox');
    const snapshots: string[][] = [];
    run.subscribe(() => snapshots.push(run.items.map((m) => m.id)));
    run.start(250);
    await expect.poll(() => run.localDone).toBe(true);
    expect(run.items.map((m) => m.id)).toEqual(['m000001', 'm000004']);
    expect(run.remoteDone).toBe(false);
    await expect.poll(() => run.remoteDone).toBe(true);
    expect(run.items.map((m) => m.id)).toEqual(['m000001', 'm000002', 'm000004', 'm000009']);
    expect(run.hasMore).toBe(true);
    run.loadMore();
    await expect.poll(() => run.items.length).toBe(5);
    expect(run.hasMore).toBe(false);
    expect(searched.filter((q) => q.cursor === 'c2')).toHaveLength(1);
    expect(snapshots[0]).toEqual(['m000001', 'm000004']);
  });

  it('does nothing more once cancelled (the user typed on)', async () => {
    const { fake, searched } = api([summary(1)], {});
    const run = new SearchRun(fake, { ...EMPTY_SEARCH, text: 'x' }, null);
    run.start(20);
    run.cancel();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(searched).toHaveLength(0);
    expect(run.items).toEqual([]);
  });
});
