import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t, useDictionary } from '@/utils/i18n';
import { LANGUAGES, mergeLocale } from '@/utils/i18n/merge';

const LOCALES = resolve(import.meta.dirname, '../../locales');

describe('localized messages', () => {
  it('have the same keys, all non-empty, in Italian and English', () => {
    const [it, en] = LANGUAGES.map((language) => mergeLocale(LOCALES, language));
    expect(Object.keys(it!).sort()).toEqual(Object.keys(en!).sort());
    for (const messages of [it!, en!]) {
      for (const [key, entry] of Object.entries(messages)) expect(entry.message.trim(), key).not.toBe('');
    }
  });

  it('has a message for every error kind', () => {
    const it = mergeLocale(LOCALES, 'it');
    for (const kind of [
      'unauthenticated',
      'forbidden',
      'read_only',
      'not_found',
      'archive_disabled',
      'folder_not_deletable',
      'confirmation_required',
      'invalid_request',
      'version_expired',
      'rate_limited',
      'server',
      'timeout',
      'network',
      'invalid_reply',
      'no_webmail',
      'bad_message',
    ]) {
      expect(it[`error_${kind}`], kind).toBeDefined();
    }
  });

  it('substitutes placeholders and shows missing keys as themselves', () => {
    useDictionary('it', { hello: { message: 'Ciao $1, hai $2 messaggi' } });
    expect(t('hello', 'Mario', 3)).toBe('Ciao Mario, hai 3 messaggi');
    expect(t('missing_key')).toBe('missing_key');
    useDictionary('it', null);
  });
});
