// The locale numbers and dates are shown in: the user's own regional format when it matches the UI language.
import { uiLanguage } from '@/utils/i18n';

/**
 * "it" UI on an it-CH browser keeps the Swiss format; an English UI chosen on an Italian browser falls back to
 * plain "en" rather than mixing Italian separators into English text.
 */
export function formatLocale(language: 'it' | 'en' = uiLanguage(), browserLocale = globalThis.navigator?.language): string {
  if (browserLocale && browserLocale.toLowerCase().split('-')[0] === language) return browserLocale;
  return language === 'it' ? 'it-IT' : 'en';
}
