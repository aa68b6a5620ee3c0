// The postmaster frames: the views they show, and their address, which holds a one-time ticket and nothing to act on.
import { supportedLanguage, type UiLanguage } from '@/utils/i18n/language';
import { parseColorScheme, type ColorScheme } from './scheme';

export const POSTMASTER_VIEWS = ['tab', 'enable', 'disable', 'bulk'] as const;
export type PostmasterView = (typeof POSTMASTER_VIEWS)[number];

export interface FrameParams {
  view: PostmasterView;
  /** One mailbox for tab/enable/disable; one or more for bulk. */
  mailboxes: string[];
  /** The webmail origin the frame serves (the background sets it from the tab that asked). */
  origin: string | null;
  scheme: ColorScheme | null;
}

const MAILBOX = /^[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s]{1,63}$/;
export const MAX_BULK = 500;

export function isMailboxAddress(value: string): boolean {
  return value.length <= 254 && MAILBOX.test(value);
}

/** What a postmaster frame's address carries: the ticket our content script got for it, and the colour scheme. */
export interface FrameHash {
  ticket: string | null;
  scheme: ColorScheme | null;
  /** The webmail page's language (its `<html lang>`), which the frame speaks unless the user chose one. */
  lang?: UiLanguage | null;
}

const TICKET = /^[0-9a-f]{32}$/;

/** `#ticket=…&scheme=dark&lang=it`: never the view or the mailboxes, which the frame learns by redeeming the ticket. */
export function frameHash(hash: FrameHash): string {
  const query = new URLSearchParams();
  if (hash.ticket) query.set('ticket', hash.ticket);
  if (hash.scheme) query.set('scheme', hash.scheme);
  const lang = supportedLanguage(hash.lang);
  if (lang) query.set('lang', lang);
  return `#${query.toString()}`;
}

export function readFrameHash(hash: string): FrameHash {
  const query = new URLSearchParams(hash.replace(/^#/, ''));
  const ticket = query.get('ticket');
  return {
    ticket: ticket && TICKET.test(ticket) ? ticket : null,
    scheme: parseColorScheme(query.get('scheme')),
    lang: supportedLanguage(query.get('lang')),
  };
}
