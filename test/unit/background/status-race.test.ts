// A status read that was on its way while the postmaster changed a setting must not put the older value back.
import { describe, expect, it } from 'vitest';
import type { ArchiveApiClient } from '@/utils/api/client';
import { ArchiveService } from '@/utils/background/archive-service';
import { memoryIdentityStore } from '@/utils/background/identity';
import { ArchiveCache } from '@/utils/cache/archive-cache';
import { openCacheDb } from '@/utils/cache/open';
import { status as statusOf } from '../archive/fake-api';

const ORIGIN = 'http://127.0.0.1:8787';
const POSTMASTER = { address: 'postmaster@example.it', domain: 'example.it', role: 'postmaster' as const, displayName: 'Postmaster' };
const MARIO = 'mario.rossi@example.it';

describe('status reads and changes racing', () => {
  it('keeps the changed setting when an older read answers after the change', async () => {
    const cache = new ArchiveCache(await openCacheDb(`race-${Math.random()}`));
    const identities = memoryIdentityStore();
    await identities.set(ORIGIN, POSTMASTER);
    let provider = statusOf({ address: MARIO, retentionMonths: 24 });
    let releaseRead: () => void = () => undefined;
    const client = {
      // The read sees the provider as it was when it was asked, and answers only when released.
      status: async () => {
        const seen = provider;
        await new Promise<void>((resolve) => (releaseRead = resolve));
        return seen;
      },
      updateSettings: async (_mailbox: string, patch: { retentionMonths?: 36 }) => (provider = { ...provider, ...patch }),
    } as unknown as ArchiveApiClient;
    const service = new ArchiveService({
      clientFor: () => client,
      cache: async () => cache,
      identities,
      notify: () => undefined,
      revalidateBudgetMs: 0,
    });
    await cache.putStatus(POSTMASTER.address, MARIO, provider);

    const read = service.status(ORIGIN, MARIO);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const changed = await service.updateSettings(ORIGIN, MARIO, { retentionMonths: 36 });
    expect(changed.retentionMonths).toBe(36);
    releaseRead();
    await read;
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect((await cache.getStatus(POSTMASTER.address, MARIO))?.value.retentionMonths).toBe(36);
    expect((await service.status(ORIGIN, MARIO)).value.retentionMonths).toBe(36);
  });
});
