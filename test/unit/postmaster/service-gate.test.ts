// The background refuses the postmaster's operations for any other session before asking the provider.
import { describe, expect, it } from 'vitest';
import { ArchiveService } from '@/utils/background/archive-service';
import { memoryIdentityStore } from '@/utils/background/identity';

const ORIGIN = 'http://127.0.0.1:8787';
const MARIO = 'mario.rossi@example.it';

async function serviceFor(role: 'user' | 'postmaster') {
  const reached: string[] = [];
  const identities = memoryIdentityStore();
  await identities.set(ORIGIN, { address: role === 'user' ? MARIO : 'postmaster@example.it', domain: 'example.it', role, displayName: '' });
  const service = new ArchiveService({
    clientFor: (origin) => {
      reached.push(origin);
      throw new Error('the provider was asked');
    },
    cache: async () => {
      throw new Error('the cache was touched');
    },
    identities,
    notify: () => reached.push('notify'),
  });
  return { service, reached };
}

describe('postmaster gate in the background', () => {
  it('answers forbidden to a user session for enable, settings and disable, without calling the provider', async () => {
    const { service, reached } = await serviceFor('user');
    await expect(service.updateSettings(ORIGIN, MARIO, { writable: true })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(service.enable(ORIGIN, 'luca.neri@example.it')).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(service.disable(ORIGIN, MARIO, MARIO)).rejects.toMatchObject({ kind: 'forbidden' });
    expect(reached).toEqual([]);
  });

  it('lets a postmaster session through to the provider', async () => {
    const { service, reached } = await serviceFor('postmaster');
    await expect(service.updateSettings(ORIGIN, MARIO, { writable: true })).rejects.toThrow('the provider was asked');
    expect(reached).toEqual([ORIGIN]);
  });

  it('lets only the owner or the postmaster export a whole archive', async () => {
    const user = await serviceFor('user');
    await expect(user.service.downloadUrl(ORIGIN, { kind: 'archive-export', mailbox: 'giulia.verdi@example.it' })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(user.service.downloadUrl(ORIGIN, { kind: 'archive-export', mailbox: MARIO })).rejects.toThrow('the provider was asked');
  });
});
