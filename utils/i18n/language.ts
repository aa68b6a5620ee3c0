// Which one language a screen speaks: the options page's choice, else the webmail page's (when our UI sits inside
// it), else the browser's. Chosen once per screen, so strings, dates, numbers and sizes never mix languages.
export type UiLanguage = 'it' | 'en';
export type Language = 'auto' | UiLanguage;

export const UI_LANGUAGES: readonly UiLanguage[] = ['it', 'en'];

/** "it", "it-CH", "IT_it" → "it"; "en-GB" → "en"; a language we have no messages for (or garbage) → null. */
export function supportedLanguage(tag: string | null | undefined): UiLanguage | null {
  if (typeof tag !== 'string') return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return UI_LANGUAGES.find((language) => language === primary) ?? null;
}

export interface LanguageSources {
  /** What the user picked in the options page ('auto' or nothing: no choice). */
  chosen?: string | null;
  /** The `<html lang>` of the webmail page our view is shown in, if any. */
  page?: string | null;
  /** The browser's UI language (chrome.i18n.getUILanguage, else navigator.language). */
  browser?: string | null;
}

/** A browser in a language we do not speak gets English, as the manifest's `default_locale` gives chrome.i18n. */
export function resolveLanguage({ chosen, page, browser }: LanguageSources): UiLanguage {
  return supportedLanguage(chosen) ?? supportedLanguage(page) ?? supportedLanguage(browser) ?? 'en';
}
