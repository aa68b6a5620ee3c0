// The strings the postmaster's additions draw on the webmail page, in both languages.
import postmasterPageEn from '@/locales/en/postmaster-page.json';
import postmasterPageIt from '@/locales/it/postmaster-page.json';
import type { PageMessages } from '@/utils/i18n/webmail-page';

export const POSTMASTER_PAGE_MESSAGES: PageMessages = { it: postmasterPageIt, en: postmasterPageEn };
