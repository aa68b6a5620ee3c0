// Localized text for every view, in the one language the screen speaks (see ./language.ts).
import { resolveLanguage, supportedLanguage, type Language, type UiLanguage } from './language';

export { resolveLanguage, supportedLanguage, type Language, type UiLanguage } from './language';
export type Dictionary = Record<string, { message: string }>;

export const LANGUAGE_KEY = 'language';
let dictionary: Dictionary | null = null;
let activeLanguage: UiLanguage | null = null;

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
  // Only before a dictionary is loaded (or if loading it failed): the browser's own language.
  // Keys come from locales/ at build time, so WXT's generated key list does not know them.
  const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
  const text = getMessage(key, substitutions.map(String));
  return text || key;
}

/** The browser's UI language tag ("en-US"), which chrome.i18n's own messages follow. */
export function browserLanguage(): string | undefined {
  try {
    const fromBrowser = typeof browser !== 'undefined' ? browser.i18n?.getUILanguage?.() : undefined;
    if (fromBrowser) return fromBrowser;
  } catch {
    // No chrome.i18n here (a test's fake browser): the page's own idea of the language is next best.
  }
  return globalThis.navigator?.language;
}

/** The language views format numbers and dates in: the screen's chosen language once loaded. */
export function uiLanguage(): UiLanguage {
  return activeLanguage ?? resolveLanguage({ browser: browserLanguage() });
}

/** The language picked in the options page, or 'auto'. */
export async function chosenLanguage(): Promise<Language> {
  const stored = await browser.storage.local.get(LANGUAGE_KEY);
  return supportedLanguage(stored[LANGUAGE_KEY] as string | undefined) ?? 'auto';
}

/**
 * Picks the screen's language once (options choice, else `pageLanguage`, the webmail's `<html lang>` when the view is
 * shown inside it, else the browser's) and loads its messages; views call it once before rendering.
 * `load` fetches a language's messages (default: the packaged `_locales/<lang>/messages.json`).
 */
export async function initI18n(
  pageLanguage: string | null = null,
  load: (language: UiLanguage) => Promise<Dictionary> = packagedMessages,
): Promise<UiLanguage> {
  const chosen = await chosenLanguage().catch(() => 'auto' as const);
  const language = resolveLanguage({ chosen, page: pageLanguage, browser: browserLanguage() });
  useDictionary(language, await load(language));
  return language;
}

async function packagedMessages(language: UiLanguage): Promise<Dictionary> {
  const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json` as '/'));
  return (await response.json()) as Dictionary;
}

/** Uses a given dictionary (tests, bundled messages in the content script, or the screen's language). */
export function useDictionary(language: UiLanguage, messages: Dictionary | null): void {
  dictionary = messages;
  activeLanguage = messages ? language : null;
}
