// Messages for what the content script draws on the webmail page itself (the nav item, the postmaster column…).
// A content script cannot read the packaged _locales files, so the few features it shows are bundled in both
// languages, and it speaks the same language as the frames it opens: options choice, else the page's, else the browser's.
import archiveTabEn from '@/locales/en/archive-tab.json';
import archiveTabIt from '@/locales/it/archive-tab.json';
import commonEn from '@/locales/en/common.json';
import commonIt from '@/locales/it/common.json';
import coreEn from '@/locales/en/core.json';
import coreIt from '@/locales/it/core.json';
import postmasterEn from '@/locales/en/postmaster.json';
import postmasterIt from '@/locales/it/postmaster.json';
import { browserLanguage, chosenLanguage, resolveLanguage, useDictionary, type Dictionary, type UiLanguage } from './index';

const BUNDLED: Record<UiLanguage, Dictionary> = {
  it: { ...coreIt, ...commonIt, ...archiveTabIt, ...postmasterIt },
  en: { ...coreEn, ...commonEn, ...archiveTabEn, ...postmasterEn },
};

/**
 * Chooses the page's language at once (the page's, else the browser's), so the features start without waiting;
 * the options choice, read from storage, then replaces it for everything drawn from then on.
 */
export function initWebmailPageI18n(doc: Document): Promise<UiLanguage> {
  const page = doc.documentElement.lang;
  const first = resolveLanguage({ page, browser: browserLanguage() });
  useDictionary(first, BUNDLED[first]);
  return chosenLanguage()
    .catch(() => 'auto' as const)
    .then((chosen) => {
      const language = resolveLanguage({ chosen, page, browser: browserLanguage() });
      if (language !== first) useDictionary(language, BUNDLED[language]);
      return language;
    });
}
