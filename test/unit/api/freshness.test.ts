import { describe, expect, it } from 'vitest';
import { ArchiveError } from '@/utils/api/errors';
import { staleWhileRevalidate } from '@/utils/background/freshness';

const cached = { value: 'old', fetchedAt: 42 };
const never = () => new Promise<string>(() => undefined);

describe('stale-while-revalidate', () => {
  it('goes to the network when nothing is cached, and lets errors through', async () => {
    expect(await staleWhileRevalidate(undefined, async () => 'new', 10)).toMatchObject({ value: 'new', freshness: { source: 'network' } });
    await expect(
      staleWhileRevalidate(
        undefined,
        async () => {
          throw new ArchiveError('network');
        },
        10,
      ),
    ).rejects.toThrow(ArchiveError);
  });

  it('returns a refresh that settles within the budget', async () => {
    expect(await staleWhileRevalidate(cached, async () => 'new', 50)).toMatchObject({ value: 'new', freshness: { source: 'network', stale: false } });
  });

  it('answers from the cache when the refresh is slow, with the last known connection state', async () => {
    expect(await staleWhileRevalidate(cached, never, 5)).toEqual({
      value: 'old',
      freshness: { source: 'cache', fetchedAt: 42, offline: false, stale: true },
    });
    expect((await staleWhileRevalidate(cached, never, 5, Date.now, true)).freshness.offline).toBe(true);
  });

  it('marks a quick network failure offline and a bad reply stale, keeping the cached value', async () => {
    const offline = await staleWhileRevalidate(
      cached,
      async () => {
        throw new ArchiveError('network');
      },
      50,
    );
    expect(offline).toMatchObject({ value: 'old', freshness: { source: 'cache', offline: true, error: { kind: 'network' } } });
    const invalid = await staleWhileRevalidate(
      cached,
      async () => {
        throw new ArchiveError('invalid_reply');
      },
      50,
    );
    expect(invalid).toMatchObject({ value: 'old', freshness: { offline: false, error: { kind: 'invalid_reply' } } });
  });

  it('never hides a lost session behind the cache', async () => {
    await expect(
      staleWhileRevalidate(
        cached,
        async () => {
          throw new ArchiveError('unauthenticated');
        },
        50,
      ),
    ).rejects.toMatchObject({ kind: 'unauthenticated' });
  });
});
