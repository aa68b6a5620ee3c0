// What the archive page is told in its URL fragment:
// `#scheme=light|dark&view=<view name>&origin=<webmail>&lang=it|en`.
import { supportedLanguage, type UiLanguage } from '@/utils/i18n/language';
import { httpOrigin } from '@/utils/url/http';
import { parseColorScheme, type ColorScheme } from './scheme';
import { isArchiveViewName } from './view-name';

export interface ArchiveHash {
  scheme: ColorScheme | null;
  /** A folder id ("inbox", "inbox-2026-11", "sent", "custom-1") or "expiring"; null for the app's default. */
  view: string | null;
  /** The webmail origin, given only when the page runs in a tab of its own (no webmail tab to take it from). */
  origin: string | null;
  /** The webmail page's language (its `<html lang>`) when the app is shown inside it; null elsewhere. */
  lang?: UiLanguage | null;
}

/** `#scheme=dark&view=expiring&lang=it`; fields that are null are left out. */
export function archiveHash(options: ArchiveHash): string {
  const params = new URLSearchParams();
  if (options.scheme) params.set('scheme', options.scheme);
  if (options.view && isArchiveViewName(options.view)) params.set('view', options.view);
  if (options.origin) params.set('origin', options.origin);
  const lang = supportedLanguage(options.lang);
  if (lang) params.set('lang', lang);
  return `#${params.toString()}`;
}

export function readHash(hash: string): Required<ArchiveHash> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const view = params.get('view');
  return {
    scheme: parseColorScheme(params.get('scheme')),
    view: view && isArchiveViewName(view) ? view : null,
    origin: httpOrigin(params.get('origin')),
    lang: supportedLanguage(params.get('lang')),
  };
}
