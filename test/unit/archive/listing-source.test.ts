// The windowed listing behind the virtual list: fetches only what is asked, keeps a bounded number of windows.
import { describe, expect, it } from 'vitest';
import { ListingSource } from '@/entrypoints/archive/list/listing-source';
import { syntheticListing } from './fixtures';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ListingSource', () => {
  it('fetches the windows a range needs, once each', async () => {
    const { calls, fetchWindow } = syntheticListing(20_000);
    const source = new ListingSource(fetchWindow, { pageSize: 100 });
    source.request(0, 30);
    source.request(0, 30);
    await settle();
    expect(calls).toEqual([[0, 100]]);
    expect(source.total).toBe(20_000);
    expect(source.row(0)?.id).toBe('m000000');
    source.request(12_050, 12_180);
    await settle();
    expect(calls.slice(1)).toEqual([
      [12_000, 100],
      [12_100, 100],
    ]);
    expect(source.row(12_150)?.id).toBe('m012150');
    expect(source.row(5_000)).toBeUndefined();
    source.request(30_000, 30_010);
    await settle();
    expect(calls).toHaveLength(3);
  });

  it('forgets the least recently used windows beyond its bound', async () => {
    const { fetchWindow } = syntheticListing(20_000);
    const source = new ListingSource(fetchWindow, { pageSize: 100, maxPages: 3 });
    for (const start of [0, 1000, 2000, 0, 3000]) {
      source.request(start, start + 10);
      await settle();
    }
    expect(source.row(0)).toBeDefined();
    expect(source.row(1000)).toBeUndefined();
    expect(source.row(2000)).toBeDefined();
    expect(source.row(3000)).toBeDefined();
  });

  it('refreshes what is in view and keeps showing the old rows meanwhile', async () => {
    let total = 300;
    let release: () => void = () => undefined;
    let gate = Promise.resolve();
    const fetchWindow = async (offset: number, limit: number) => {
      await gate;
      const items = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({ id: `v${total}-${offset + i}` }));
      return { items: items as never, total, complete: true };
    };
    const source = new ListingSource(fetchWindow, { pageSize: 100 });
    source.request(150, 170);
    await settle();
    expect(source.row(150)?.id).toBe('v300-150');
    total = 120;
    gate = new Promise((resolve) => (release = resolve));
    source.refresh();
    expect(source.row(150)?.id).toBe('v300-150');
    release();
    await settle();
    await settle();
    expect(source.total).toBe(120);
    expect(source.row(150)).toBeUndefined();
  });

  it('reports a failed window and tries again on refresh', async () => {
    let fail = true;
    const source = new ListingSource(async (offset) => {
      if (fail) throw Object.assign(new Error('down'), { kind: 'network' });
      return { items: [{ id: `r${offset}` }] as never, total: 1, complete: true };
    });
    source.request(0, 10);
    await settle();
    expect(source.error).toMatchObject({ kind: 'network' });
    fail = false;
    source.refresh();
    await settle();
    expect(source.error).toBeNull();
    expect(source.row(0)?.id).toBe('r0');
  });
});
