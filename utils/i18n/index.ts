// Localized text for every view: the browser's language by default, or the one chosen in the options page.
export type Language = 'auto' | 'it' | 'en';
type Dictionary = Record<string, { message: string }>;

export const LANGUAGE_KEY = 'language';
let dictionary: Dictionary | null = null;
let activeLanguage: 'it' | 'en' | null = null;

function substitute(text: string, substitutions: (string | number)[]): string {
  return text.replace(/\$(\d)/g, (match, n: string) => {
    const value = substitutions[Number(n) - 1];
    return value === undefined ? match : String(value);
  });
}

/** The localized text for `key`; the key itself when a message is missing, so gaps show in tests and screenshots. */
export function t(key: string, ...substitutions: (string | number)[]): string {
  if (dictionary) {
    const entry = dictionary[key];
    return entry ? substitute(entry.message, substitutions) : key;
  }
  // Keys come from locales/ at build time, so WXT's generated key list does not know them.
  const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
  const text = getMessage(key, substitutions.map(String));
  return text || key;
}

/** The language views format numbers and dates in. */
export function uiLanguage(): 'it' | 'en' {
  if (activeLanguage) return activeLanguage;
  const fromBrowser = typeof browser !== 'undefined' ? browser.i18n?.getUILanguage?.() : undefined;
  const browserLanguage = (fromBrowser ?? globalThis.navigator?.language ?? 'it').toLowerCase();
  return browserLanguage.startsWith('it') ? 'it' : 'en';
}

/** Loads the language chosen in the options page, if any; views call it once before rendering. */
export async function initI18n(): Promise<void> {
  const stored = await browser.storage.local.get(LANGUAGE_KEY);
  const language = stored[LANGUAGE_KEY] as Language | undefined;
  if (language !== 'it' && language !== 'en') return;
  const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json` as '/'));
  useDictionary(language, (await response.json()) as Dictionary);
}

/** Uses a given dictionary (tests, or a language chosen in the options page). */
export function useDictionary(language: 'it' | 'en', messages: Dictionary | null): void {
  dictionary = messages;
  activeLanguage = messages ? language : null;
}
