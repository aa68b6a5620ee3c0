// A status as the reference provider returns it for mario.rossi, and the Italian dictionary, for profile tests.
import { resolve } from 'node:path';
import type { ArchiveStatus } from '@/utils/api/schemas';
import { mergeLocale } from '@/utils/i18n/merge';

export const LOCALES = resolve(import.meta.dirname, '../../../locales');
export const italian = () => mergeLocale(LOCALES, 'it');
export const english = () => mergeLocale(LOCALES, 'en');

export function marioStatus(overrides: Partial<ArchiveStatus> = {}): ArchiveStatus {
  return {
    address: 'mario.rossi@example.it',
    enabled: true,
    writable: false,
    imapAccess: false,
    retentionMonths: 24,
    plan: 'base',
    planName: 'Archivio 1 GB',
    usedBytes: 300 * 1024 * 1024,
    quotaBytes: 1024 ** 3,
    messageCount: 360,
    full: false,
    archiveAddress: 'mario.rossi_example.it@archivio.postassl.it',
    imap: { host: 'imaps.archivio.postassl.it', port: 993, security: 'ssl' },
    smtp: { host: 'smtps.archivio.postassl.it', port: 465, security: 'ssl' },
    enabledAt: '2023-09-01T00:00:00.000Z',
    nextPurge: null,
    growth: { windowDays: 30, bytes: 30 * 1024 * 1024 },
    upgradeUrl: 'http://127.0.0.1:8787/#/piani',
    version: 7,
    ...overrides,
  };
}
