// The strings the webmail page's own script draws (the Archivio tab), in both languages.
import archiveTabEn from '@/locales/en/archive-tab.json';
import archiveTabIt from '@/locales/it/archive-tab.json';
import type { PageMessages } from '@/utils/i18n/webmail-page';

export const WEBMAIL_PAGE_MESSAGES: PageMessages = { it: archiveTabIt, en: archiveTabEn };
