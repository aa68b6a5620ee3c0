// Contract: retention purge inside the ±3-day window, with a simulated date; at start, periodically and on demand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archivePath,
  listAll,
  LUCA,
  MARIO,
  POSTMASTER,
  sendMail,
  startTestProvider,
  tempDataDir,
  uniqueSubject,
  type Client,
  type TestProvider,
} from './helpers';

const DAY = 86_400_000;
let provider: TestProvider;
let postmaster: Client;
let luca: Client;

beforeAll(async () => {
  provider = await startTestProvider({ purgeIntervalMs: 150 });
  postmaster = await provider.as(POSTMASTER);
  luca = await provider.as(LUCA);
});
afterAll(async () => {
  await provider.close();
  expect(provider.errors).toEqual([]);
});

describe('retention window', () => {
  it('deletes each message inside [due − 3 days, due + 3 days], never before', async () => {
    // Only Luca's archive has a retention period, so every purge count below is his.
    await postmaster.patch(archivePath(MARIO), { retentionMonths: null });
    await postmaster.post(archivePath(LUCA, '/enable'), {});
    await postmaster.patch(archivePath(LUCA), { retentionMonths: 6 });

    const t0 = Date.parse('2030-01-15T12:00:00.000Z');
    const clock = await provider.client().post('/api/test/clock', { now: new Date(t0).toISOString() });
    expect(clock.body.simulated).toBe(true);
    for (let i = 0; i < 6; i++)
      await sendMail(provider, { from: 'x@outside.example.com', to: LUCA, subject: uniqueSubject(`Vecchio ${i}`), text: 'x' });
    const items = await listAll(luca, LUCA, 'inbox');
    expect(items).toHaveLength(6);
    const due = Date.parse('2030-07-15T12:00:00.000Z');
    for (const item of items) {
      expect(Math.abs(Date.parse(item.date) - t0)).toBeLessThan(60_000);
      expect(Math.abs(Date.parse(item.deleteFrom) - (due - 3 * DAY))).toBeLessThan(60_000);
      expect(Math.abs(Date.parse(item.deleteTo) - (due + 3 * DAY))).toBeLessThan(60_000);
    }
    const status = (await luca.get(archivePath(LUCA))).body;
    expect(status.nextPurge.count).toBe(6);
    expect(Math.abs(Date.parse(status.nextPurge.dueFrom) - (due - 3 * DAY))).toBeLessThan(60_000);

    const purge = async (at: number) => (await provider.client().post('/api/test/purge', { now: new Date(at).toISOString() })).body.purged;
    expect(await purge(due - 3 * DAY - 60 * 60_000)).toBe(0);
    expect(await purge(due - 30 * DAY)).toBe(0);
    expect((await luca.get(archivePath(LUCA))).body.messageCount).toBe(6);

    // Walking through the window, each message goes at its own fixed point, and all are gone by its end.
    let gone = 0;
    for (let at = due - 3 * DAY; at <= due + 3 * DAY + 2 * 60_000; at += DAY / 2) {
      const before = await listAll(luca, LUCA, 'inbox');
      const purged = await purge(at);
      const after = await listAll(luca, LUCA, 'inbox');
      expect(after).toHaveLength(before.length - purged);
      for (const removed of before.filter((m) => !after.some((a) => a.id === m.id))) {
        expect(Date.parse(removed.deleteFrom)).toBeLessThanOrEqual(at);
      }
      gone += purged;
    }
    expect(await purge(due + 3 * DAY + 2 * 60_000)).toBe(0);
    expect(gone).toBe(6);
    const empty = (await luca.get(archivePath(LUCA))).body;
    expect(empty).toMatchObject({ messageCount: 0, usedBytes: 0, nextPurge: null });
    // The purge drops the month folder it emptied (a user can only empty folders, never remove them).
    expect(((await luca.get(archivePath(LUCA, '/folders'))).body.folders as any[]).map((f) => f.id)).toEqual(['inbox', 'sent']);
    await provider.client().post('/api/test/clock', { now: null });
  });

  it('the periodic job purges on its own once the (simulated) date has passed', async () => {
    await postmaster.patch(archivePath(LUCA), { retentionMonths: 12 });
    await provider.client().post('/api/test/clock', { now: '2031-03-01T08:00:00.000Z' });
    await sendMail(provider, { from: 'x@outside.example.com', to: LUCA, subject: uniqueSubject('Periodico'), text: 'x' });
    expect((await luca.get(archivePath(LUCA))).body.messageCount).toBe(1);
    await provider.client().post('/api/test/clock', { now: '2032-03-05T08:00:00.000Z' });
    let count = 1;
    for (let i = 0; i < 100 && count > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      count = (await luca.get(archivePath(LUCA))).body.messageCount;
    }
    expect(count).toBe(0);
    await provider.client().post('/api/test/clock', { now: null });
  });

  it('retention off: nothing is ever purged', async () => {
    await postmaster.patch(archivePath(LUCA), { retentionMonths: null });
    await sendMail(provider, { from: 'x@outside.example.com', to: LUCA, subject: uniqueSubject('Per sempre'), text: 'x' });
    expect((await provider.client().post('/api/test/purge', { now: '2090-01-01T00:00:00Z' })).body.purged).toBe(0);
    expect((await luca.get(archivePath(LUCA))).body.messageCount).toBe(1);
    const expiring = (await luca.get(archivePath(LUCA, '/expiring?days=365'))).body;
    expect(expiring.items).toEqual([]);
    expect((await luca.get(archivePath(LUCA, '/folders/inbox/messages'))).body.items[0].deleteFrom).toBeUndefined();
  });

  it('bad purge and clock requests are refused', async () => {
    expect((await provider.client().post('/api/test/purge', { now: 'soon' })).body.error.code).toBe('invalid_request');
    expect((await provider.client().post('/api/test/clock', { now: 12 })).body.error.code).toBe('invalid_request');
  });
});

describe('purge at start', () => {
  it('a provider started at a later date purges what is due at once', async () => {
    const dataDir = tempDataDir();
    const first = await startTestProvider({ dataDir });
    const mario = await first.as(MARIO);
    const all = [...(await listAll(mario, MARIO, 'inbox')), ...(await listAll(mario, MARIO, 'sent'))];
    await first.close();

    const later = Date.now() + 200 * DAY;
    const second = await startTestProvider({ dataDir, now: new Date(later) });
    try {
      const again = await second.as(MARIO);
      const left = [...(await listAll(again, MARIO, 'inbox')), ...(await listAll(again, MARIO, 'sent'))];
      const overdue = all.filter((m) => Date.parse(m.deleteTo) < later);
      const notYet = all.filter((m) => Date.parse(m.deleteFrom) > later);
      expect(overdue.length).toBeGreaterThan(0);
      expect(notYet.length).toBeGreaterThan(0);
      const leftIds = new Set(left.map((m) => m.id));
      for (const m of overdue) expect(leftIds.has(m.id)).toBe(false);
      for (const m of notYet) expect(leftIds.has(m.id)).toBe(true);
    } finally {
      await second.close();
    }
  });
});
