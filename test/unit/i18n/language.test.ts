// One language per screen: the options choice, else the webmail page's, else the browser's; and how it travels.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { archiveHash, readHash } from '@/utils/frames/archive-url';
import { frameHash, readFrameHash } from '@/utils/frames/postmaster-url';
import { formatLocale } from '@/utils/format';
import { initI18n, LANGUAGE_KEY, t, uiLanguage, useDictionary } from '@/utils/i18n';
import { resolveLanguage, supportedLanguage } from '@/utils/i18n/language';

describe('the language a screen speaks', () => {
  it('reads language tags in any usual spelling and refuses the ones we have no messages for', () => {
    expect(['it', 'it-IT', 'it-CH', 'IT_it', ' it '].map(supportedLanguage)).toEqual(['it', 'it', 'it', 'it', 'it']);
    expect(['en', 'en-GB', 'en_US'].map(supportedLanguage)).toEqual(['en', 'en', 'en']);
    expect(['de', 'fr-FR', '', 'italiano', 'x-it', null, undefined].map(supportedLanguage)).toEqual([null, null, null, null, null, null, null]);
  });

  it('takes the options choice first, then the webmail page, then the browser, then English', () => {
    expect(resolveLanguage({ chosen: 'en', page: 'it', browser: 'it-IT' })).toBe('en');
    expect(resolveLanguage({ chosen: 'auto', page: 'it', browser: 'en-US' })).toBe('it');
    expect(resolveLanguage({ chosen: null, page: 'de', browser: 'it-IT' })).toBe('it');
    expect(resolveLanguage({ page: null, browser: 'en-US' })).toBe('en');
    expect(resolveLanguage({ browser: 'pt-BR' })).toBe('en');
  });

  it('carries the webmail page language in the archive and postmaster fragments, and nothing else there', () => {
    const hash = archiveHash({ scheme: 'light', view: 'inbox', origin: null, lang: 'it' });
    expect(hash).toBe('#scheme=light&view=inbox&lang=it');
    expect(readHash(hash).lang).toBe('it');
    expect(readHash('#lang=en-GB').lang).toBe('en');
    expect(readHash('#lang=%3Cscript%3E').lang).toBeNull();
    expect(archiveHash({ scheme: null, view: null, origin: null, lang: null })).toBe('#');
    expect(readFrameHash(frameHash({ ticket: null, scheme: null, lang: 'en' })).lang).toBe('en');
    expect(readFrameHash('#lang=klingon').lang).toBeNull();
  });
});

describe('initI18n', () => {
  const dictionaries = { it: { greeting: { message: 'Posta in arrivo' } }, en: { greeting: { message: 'Inbox' } } };
  const load = (language: 'it' | 'en') => Promise.resolve(dictionaries[language]);
  beforeEach(() => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  });

  it('on an English browser inside an Italian webmail speaks and formats Italian', async () => {
    const language = await initI18n('it', load);
    expect(language).toBe('it');
    expect(t('greeting')).toBe('Posta in arrivo');
    expect(uiLanguage()).toBe('it');
    expect(formatLocale(uiLanguage(), 'en-US')).toBe('it-IT');
    useDictionary('it', null);
  });

  it('lets the options choice win over the page', async () => {
    await fakeBrowser.storage.local.set({ [LANGUAGE_KEY]: 'en' });
    expect(await initI18n('it', load)).toBe('en');
    expect(t('greeting')).toBe('Inbox');
    await fakeBrowser.storage.local.set({ [LANGUAGE_KEY]: 'auto' });
    expect(await initI18n('it', load)).toBe('it');
    expect(await initI18n(null, load)).toBe('en');
    useDictionary('it', null);
  });
});
