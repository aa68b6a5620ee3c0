import { describe, expect, it } from 'vitest';
import { archiveAddressFor, isMailboxAddress, mailboxName, parseMailboxAddress } from '@/utils/rules/address';
import { monthLabel } from '@/utils/rules/months';
import { daysUntilFull, needsBadge, quotaLevel, usageRatio } from '@/utils/rules/quota';
import { addMonthsUtc, isExpiringWithin, isRetentionMonths, retentionWindow, RETENTION_MONTHS, shortensRetention } from '@/utils/rules/retention';

const GiB = 1024 ** 3;

describe('archive address', () => {
  it('follows box_domain.tld@archivio.postassl.it', () => {
    expect(archiveAddressFor('mario.rossi@example.it', 'archivio.postassl.it')).toBe('mario.rossi_example.it@archivio.postassl.it');
    expect(archiveAddressFor('nomecasella@nomedominio.it', 'archivio.postassl.it')).toBe('nomecasella_nomedominio.it@archivio.postassl.it');
  });
  it('normalises case and spaces, keeps subdomains', () => {
    expect(archiveAddressFor('  Info@Mail.Example.CO.uk ', 'a.it')).toBe('info_mail.example.co.uk@a.it');
  });
  it('refuses what is not a mailbox address', () => {
    for (const bad of ['', 'mario', 'a@b', 'a@@b.it', 'a b@c.it']) expect(archiveAddressFor(bad, 'a.it')).toBeNull();
    expect(parseMailboxAddress('x@y.it')).toEqual({ box: 'x', domain: 'y.it' });
    expect(mailboxName('giulia.verdi@example.it')).toBe('giulia.verdi');
  });
});

describe('mailbox addresses from the provider', () => {
  it('accepts every address the provider hands out, % and + included, which a stricter email check refuses', () => {
    for (const address of ['mario.rossi@example.it', 'x+%3cscript%3e.%22-_@example.it', "o'neil@example.it", 'a/b{c}@example.it']) {
      expect(isMailboxAddress(address), address).toBe(true);
    }
  });
  it('refuses what cannot be a mailbox address', () => {
    for (const address of ['', 'mario', 'a b@example.it', 'a@b@example.it', 'a@localhost', 'a\u0000@example.it', `${'x'.repeat(65)}@example.it`]) {
      expect(isMailboxAddress(address), JSON.stringify(address)).toBe(false);
    }
  });
});

describe('retention', () => {
  it('allows 6 to 48 months in steps of 6', () => {
    expect(RETENTION_MONTHS).toEqual([6, 12, 18, 24, 30, 36, 42, 48]);
    expect(isRetentionMonths(24)).toBe(true);
    for (const bad of [0, 3, 7, 54, '24', null]) expect(isRetentionMonths(bad)).toBe(false);
  });
  it('adds months clamping to the end of shorter months', () => {
    expect(addMonthsUtc(new Date('2026-08-31T10:00:00Z'), 6).toISOString()).toBe('2027-02-28T10:00:00.000Z');
    expect(addMonthsUtc(new Date('2027-08-31T00:00:00Z'), 6).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(addMonthsUtc(new Date('2026-11-15T00:00:00Z'), 24).toISOString()).toBe('2028-11-15T00:00:00.000Z');
  });
  it('knows which changes make mail go sooner', () => {
    expect(shortensRetention(null, 48)).toBe(true);
    expect(shortensRetention(24, 12)).toBe(true);
    expect(shortensRetention(24, 36)).toBe(false);
    expect(shortensRetention(24, 24)).toBe(false);
    expect(shortensRetention(24, null)).toBe(false);
  });

  it('opens a window three days either side of the due date', () => {
    const window = retentionWindow(new Date('2024-12-10T12:00:00Z'), 24);
    expect(window.due.toISOString()).toBe('2026-12-10T12:00:00.000Z');
    expect(window.from.toISOString()).toBe('2026-12-07T12:00:00.000Z');
    expect(window.to.toISOString()).toBe('2026-12-13T12:00:00.000Z');
    expect(isExpiringWithin(window, new Date('2026-11-29T00:00:00Z'), 30)).toBe(true);
    expect(isExpiringWithin(window, new Date('2026-10-01T00:00:00Z'), 30)).toBe(false);
  });
});

describe('quota', () => {
  it('computes levels at 80 %, 95 % and full', () => {
    expect(quotaLevel({ usedBytes: 0.5 * GiB, quotaBytes: GiB })).toBe('ok');
    expect(quotaLevel({ usedBytes: 0.8 * GiB, quotaBytes: GiB })).toBe('warning');
    expect(quotaLevel({ usedBytes: 0.96 * GiB, quotaBytes: GiB })).toBe('critical');
    expect(quotaLevel({ usedBytes: GiB, quotaBytes: GiB })).toBe('full');
    expect(quotaLevel({ usedBytes: 10, quotaBytes: GiB, full: true })).toBe('full');
    expect(quotaLevel({ usedBytes: 5 * GiB, quotaBytes: null })).toBe('unlimited');
  });
  it('caps the ratio and knows unlimited plans have none', () => {
    expect(usageRatio({ usedBytes: 2 * GiB, quotaBytes: GiB })).toBe(1);
    expect(usageRatio({ usedBytes: 1, quotaBytes: null })).toBeNull();
  });
  it('shows the badge from 90 %', () => {
    expect(needsBadge({ usedBytes: 0.89 * GiB, quotaBytes: GiB })).toBe(false);
    expect(needsBadge({ usedBytes: 0.9 * GiB, quotaBytes: GiB })).toBe(true);
    expect(needsBadge({ usedBytes: 99 * GiB, quotaBytes: null })).toBe(false);
  });
  it('estimates days until full from recent growth', () => {
    expect(daysUntilFull({ usedBytes: 0.5 * GiB, quotaBytes: GiB }, { windowDays: 30, bytes: 0.1 * GiB })).toBe(150);
    expect(daysUntilFull({ usedBytes: 0.5 * GiB, quotaBytes: GiB }, { windowDays: 30, bytes: 0 })).toBeNull();
    expect(daysUntilFull({ usedBytes: GiB, quotaBytes: GiB }, { windowDays: 30, bytes: 5 })).toBe(0);
    expect(daysUntilFull({ usedBytes: 1, quotaBytes: null }, { windowDays: 30, bytes: 5 })).toBeNull();
  });
});

describe('month folders', () => {
  it('are named in the user language', () => {
    expect(monthLabel('2026-11', 'it')).toBe('novembre 2026');
    expect(monthLabel('2026-11', 'en')).toBe('November 2026');
    expect(monthLabel('nonsense', 'it')).toBe('nonsense');
  });
});
