// Messages for what the content script draws on the webmail page itself (the nav item, the postmaster column…).
// A content script cannot read the packaged _locales files, so each content script bundles the few strings it draws,
// in both languages — only those: each one bundled is carried into the webmail page. It speaks the same language as
// the frames it opens: options choice, else the page's, else the browser's.
import { browserLanguage, chosenLanguage, resolveLanguage, useDictionary, type Dictionary, type UiLanguage } from './index';

export type PageMessages = Record<UiLanguage, Dictionary>;

/**
 * Chooses the page's language at once (the page's, else the browser's), so the features start without waiting;
 * the options choice, read from storage, then replaces it for everything drawn from then on.
 */
export function initWebmailPageI18n(doc: Document, messages: PageMessages): Promise<UiLanguage> {
  const page = doc.documentElement.lang;
  const first = resolveLanguage({ page, browser: browserLanguage() });
  useDictionary(first, messages[first]);
  return chosenLanguage()
    .catch(() => 'auto' as const)
    .then((chosen) => {
      const language = resolveLanguage({ chosen, page, browser: browserLanguage() });
      if (language !== first) useDictionary(language, messages[language]);
      return language;
    });
}
