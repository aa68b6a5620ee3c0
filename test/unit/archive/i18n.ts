// Loads the real Italian (or English) messages for component tests, as the built extension would.
import { resolve } from 'node:path';
import { useDictionary } from '@/utils/i18n';
import { mergeLocale } from '@/utils/i18n/merge';

export function useLanguage(language: 'it' | 'en'): void {
  useDictionary(language, mergeLocale(resolve(import.meta.dirname, '../../../locales'), language));
}
