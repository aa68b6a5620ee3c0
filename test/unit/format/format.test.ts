// Formatting in the user's locale: binary byte units, percentages, plural keys, dates.
import { describe, expect, it } from 'vitest';
import {
  byteParts,
  formatBytes,
  formatDate,
  formatDateTime,
  formatDateWithArticle,
  formatLocale,
  formatNumber,
  formatPercent,
  formatWhen,
  pluralKey,
} from '@/utils/format';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('formatBytes', () => {
  it('uses binary units with the locale decimal separator', () => {
    expect(plain(formatBytes(1.5 * GiB, 'it-IT'))).toBe('1,5 GiB');
    expect(plain(formatBytes(1.5 * GiB, 'en'))).toBe('1.5 GiB');
    expect(plain(formatBytes(GiB, 'it-IT'))).toBe('1 GiB');
    expect(plain(formatBytes(512 * MiB, 'it-IT'))).toBe('512 MiB');
    expect(plain(formatBytes(1536, 'it-IT'))).toBe('1,5 KiB');
    expect(plain(formatBytes(2.25 * 1024 * GiB, 'it-IT'))).toBe('2,2 TiB');
  });

  it('keeps whole bytes whole and treats nonsense as zero', () => {
    expect(plain(formatBytes(0, 'it-IT'))).toBe('0 B');
    expect(plain(formatBytes(1023, 'en'))).toBe('1,023 B');
    expect(plain(formatBytes(-5, 'en'))).toBe('0 B');
    expect(plain(formatBytes(Number.NaN, 'en'))).toBe('0 B');
  });

  it('never rounds a value up into a larger number than it is', () => {
    // 1023.99 MiB must not read as "1024 MiB" or "1 GiB".
    expect(plain(formatBytes(GiB - 10 * 1024, 'en'))).toBe('1,023 MiB');
    expect(plain(formatBytes(9.99 * MiB, 'en'))).toBe('9.9 MiB');
  });

  it('keeps number and unit together with a no-break space', () => {
    expect(formatBytes(GiB, 'it-IT')).toBe('1\u00a0GiB');
    expect(byteParts(3 * MiB)).toEqual({ value: 3, unit: 'MiB' });
  });
});

describe('numbers and percentages', () => {
  it('formats percentages without promising more than there is', () => {
    expect(formatPercent(0.85, 'it-IT')).toBe('85%');
    expect(formatPercent(0.996, 'en')).toBe('99%');
    expect(formatPercent(1, 'en')).toBe('100%');
    expect(formatPercent(0.004, 'en')).toBe('< 1%');
    expect(formatPercent(0, 'en')).toBe('0%');
  });

  it('groups thousands by locale', () => {
    expect(formatNumber(12345, 'it-IT')).toBe('12.345');
    expect(formatNumber(12345, 'en')).toBe('12,345');
  });

  it('chooses the plural message key by the locale rules', () => {
    expect(pluralKey('days', 1, 'it-IT')).toBe('days_one');
    expect(pluralKey('days', 2, 'it-IT')).toBe('days_other');
    expect(pluralKey('days', 0, 'en')).toBe('days_other');
  });
});

describe('dates', () => {
  const when = '2026-03-15T10:32:00Z';

  it('formats absolute dates per locale', () => {
    expect(formatDate(when, 'it-IT', 'UTC')).toBe('15 marzo 2026');
    expect(formatDate(when, 'en-US', 'UTC')).toBe('March 15, 2026');
    expect(formatDateTime(when, 'it-IT', 'UTC')).toBe('15/03/26, 10:32');
  });

  it('shows only the time for today, the date and time otherwise', () => {
    expect(formatWhen(when, 'it-IT', '2026-03-15T20:00:00Z', 'UTC')).toBe('10:32');
    expect(formatWhen(when, 'it-IT', '2026-03-16T08:00:00Z', 'UTC')).toBe('15/03/26, 10:32');
  });

  it('gives Italian dates their article, elided before 8 and 11 ("l\'8 dicembre", not "il 8")', () => {
    expect(formatDateWithArticle('2026-12-02T12:00:00Z', 'it-IT', 'UTC')).toBe('il 2 dicembre 2026');
    expect(formatDateWithArticle('2026-12-08T12:00:00Z', 'it-IT', 'UTC')).toBe("l'8 dicembre 2026");
    expect(formatDateWithArticle('2026-12-11T12:00:00Z', 'it-IT', 'UTC')).toBe("l'11 dicembre 2026");
    expect(formatDateWithArticle('2026-12-18T12:00:00Z', 'it-IT', 'UTC')).toBe('il 18 dicembre 2026');
    // The day is the one shown: late on the 7th in UTC is already the 8th in Rome.
    expect(formatDateWithArticle('2026-12-07T23:30:00Z', 'it-IT', 'Europe/Rome')).toBe("l'8 dicembre 2026");
    expect(formatDateWithArticle('2026-12-08T12:00:00Z', 'en-US', 'UTC')).toBe('December 8, 2026');
  });
});

describe('formatLocale', () => {
  it("keeps the user's regional format when it matches the interface language", () => {
    expect(formatLocale('it', 'it-CH')).toBe('it-CH');
    expect(formatLocale('en', 'en-GB')).toBe('en-GB');
  });

  it('falls back to the language itself when the browser speaks another one', () => {
    expect(formatLocale('en', 'it-IT')).toBe('en');
    expect(formatLocale('it', 'de-DE')).toBe('it-IT');
  });
});
