// Pure provider rules: archive address, retention dates and window, quota plans, delivery resolution, sessions' expiry.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveAddressOf } from '../rules/archive-address';
import { planDeliveries, type Directory } from '../rules/delivery';
import { monthFolderId } from '../rules/months';
import { fitsQuota, isFull, PLANS } from '../rules/quota';
import { addMonths, isRetentionMonths, purgeSchedule, WINDOW_MS } from '../rules/retention';
import { openDatabase } from '../storage/db';
import { SessionsRepo } from '../storage/sessions';
import { tempDataDir } from './helpers';

describe('archive address', () => {
  it('follows the product guide: nomecasella_nomedominio.it@archivio.postassl.it', () => {
    expect(archiveAddressOf('nomecasella@nomedominio.it')).toBe('nomecasella_nomedominio.it@archivio.postassl.it');
  });
});

describe('retention', () => {
  it('allows 6 to 48 months in steps of 6, or none', () => {
    expect([6, 12, 18, 24, 30, 36, 42, 48, null].every(isRetentionMonths)).toBe(true);
    expect([0, 1, 5, 7, 54, '6', undefined].some(isRetentionMonths)).toBe(false);
  });

  it('adds calendar months, clamping to the end of shorter months', () => {
    expect(new Date(addMonths(Date.parse('2024-01-31T10:00:00Z'), 1)).toISOString()).toBe('2024-02-29T10:00:00.000Z');
    expect(new Date(addMonths(Date.parse('2023-08-31T00:00:00Z'), 6)).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(new Date(addMonths(Date.parse('2024-05-15T12:00:00Z'), 24)).toISOString()).toBe('2026-05-15T12:00:00.000Z');
  });

  it('places each message at a fixed point inside its ±3-day window', () => {
    const date = Date.parse('2024-03-10T09:00:00Z');
    const points = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const schedule = purgeSchedule(`message-${i}`, date, 12);
      expect(schedule.dueMs).toBe(Date.parse('2025-03-10T09:00:00Z'));
      expect(schedule.fromMs).toBe(schedule.dueMs - WINDOW_MS);
      expect(schedule.toMs).toBe(schedule.dueMs + WINDOW_MS);
      expect(schedule.atMs).toBeGreaterThanOrEqual(schedule.fromMs);
      expect(schedule.atMs).toBeLessThanOrEqual(schedule.toMs);
      expect(purgeSchedule(`message-${i}`, date, 12).atMs).toBe(schedule.atMs);
      points.add(schedule.atMs);
    }
    expect(points.size).toBeGreaterThan(150);
  });
});

describe('quota', () => {
  it('base 1 GiB, GigaMail 11 GiB, SpazioMail illimitato without limit', () => {
    expect(PLANS.base.quotaBytes).toBe(1024 ** 3);
    expect(PLANS.gigamail.quotaBytes).toBe(11 * 1024 ** 3);
    expect(PLANS.unlimited.quotaBytes).toBeNull();
    expect(fitsQuota(90, 10, 100)).toBe(true);
    expect(fitsQuota(91, 10, 100)).toBe(false);
    expect(fitsQuota(10 ** 15, 10, null)).toBe(true);
    expect(isFull(100, 100, false)).toBe(true);
    expect(isFull(50, 100, true)).toBe(true);
    expect(isFull(50, 100, false)).toBe(false);
    expect(isFull(10 ** 15, null, true)).toBe(false);
  });
});

describe('months', () => {
  it('groups by the calendar month in Europe/Rome', () => {
    expect(monthFolderId(Date.parse('2024-05-31T22:30:00Z'))).toBe('inbox-2024-06');
    expect(monthFolderId(Date.parse('2024-05-31T21:30:00Z'))).toBe('inbox-2024-05');
  });
});

describe('delivery', () => {
  const directory: Directory = {
    isMailbox: (a) => a === 'mario@example.it' || a === 'giulia@example.it',
    redirect: (a) =>
      a === 'info@example.it'
        ? { address: a, target: 'mario@example.it', kind: 'alias' }
        : a === 'vendite@example.it'
          ? { address: a, target: 'mario@example.it', kind: 'forward' }
          : null,
  };

  it('marks direct, alias and forward deliveries; direct wins for the same mailbox', () => {
    expect(planDeliveries(directory, ['INFO@example.it'])).toEqual([{ mailbox: 'mario@example.it', via: 'alias' }]);
    expect(planDeliveries(directory, ['vendite@example.it'])).toEqual([{ mailbox: 'mario@example.it', via: 'forward' }]);
    expect(planDeliveries(directory, ['info@example.it', 'mario@example.it', 'vendite@example.it'])).toEqual([
      { mailbox: 'mario@example.it', via: 'direct' },
    ]);
    expect(planDeliveries(directory, ['nobody@example.it', 'giulia@example.it'])).toEqual([{ mailbox: 'giulia@example.it', via: 'direct' }]);
  });
});

describe('sessions', () => {
  it('slide with use and expire after 8 hours idle, staying "expired" afterwards', () => {
    const dir = tempDataDir();
    const db = openDatabase(dir);
    db.prepare(
      `INSERT INTO accounts (address, domain, display_name, password_hash, role, mailbox_quota_bytes) VALUES ('a@example.it', 'example.it', 'A', 'x', 'user', 1)`,
    ).run();
    const hours = (n: number) => n * 3_600_000;
    const sessions = new SessionsRepo(db, hours(8));
    const token = sessions.create('a@example.it', 0);
    expect(sessions.touch(token, hours(7)).state).toBe('valid');
    expect(sessions.touch(token, hours(14)).state).toBe('valid');
    expect(sessions.touch(token, hours(22) + 1).state).toBe('expired');
    expect(sessions.touch(token, hours(22) + 2).state).toBe('expired');
    expect(sessions.touch('unknown-token-000000000', 0).state).toBe('missing');
    db.close();
    expect(fs.existsSync(path.join(dir, 'provider.sqlite'))).toBe(true);
  });
});
