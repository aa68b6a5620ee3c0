// The postmaster frame's address: which view it shows, for which mailboxes, on which webmail origin (in the hash).
import { httpOrigin } from '@/utils/url/http';
import { parseColorScheme, type ColorScheme } from './scheme';

export const POSTMASTER_VIEWS = ['tab', 'enable', 'disable', 'bulk'] as const;
export type PostmasterView = (typeof POSTMASTER_VIEWS)[number];

export interface FrameParams {
  view: PostmasterView;
  /** One mailbox for tab/enable/disable; one or more for bulk. */
  mailboxes: string[];
  /** The webmail origin the frame serves (the background checks it against the provider profile). */
  origin: string | null;
  scheme: ColorScheme | null;
}

const MAILBOX = /^[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s]{1,63}$/;
export const MAX_BULK = 500;

export function isMailboxAddress(value: string): boolean {
  return value.length <= 254 && MAILBOX.test(value);
}

/** `#view=tab&mailbox=a@b.it&origin=…`; bulk repeats `mailbox`. */
export function frameHash(params: FrameParams): string {
  const query = new URLSearchParams();
  query.set('view', params.view);
  for (const mailbox of params.mailboxes) query.append('mailbox', mailbox);
  if (params.origin) query.set('origin', params.origin);
  if (params.scheme) query.set('scheme', params.scheme);
  return `#${query.toString()}`;
}

/** Reads a frame hash; null when it does not name a known view and valid mailboxes. */
export function parseFrameHash(hash: string): FrameParams | null {
  const query = new URLSearchParams(hash.replace(/^#/, ''));
  const view = query.get('view');
  if (!view || !(POSTMASTER_VIEWS as readonly string[]).includes(view)) return null;
  const mailboxes = [...new Set(query.getAll('mailbox'))];
  if (mailboxes.length === 0 || mailboxes.length > MAX_BULK || !mailboxes.every(isMailboxAddress)) return null;
  if (view !== 'bulk' && mailboxes.length !== 1) return null;
  return {
    view: view as PostmasterView,
    mailboxes,
    origin: httpOrigin(query.get('origin')),
    scheme: parseColorScheme(query.get('scheme')),
  };
}
