// Small helpers shared by the webmail adapters: addresses seen on the page, colour scheme, table rows.
import type { ColorScheme } from '@/utils/frames/scheme';
import type { MailboxRow } from './adapter';

const addressPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/** The first e-mail address in `text`, lower-cased; null when there is none. */
export function addressIn(text: string | null | undefined): string | null {
  const match = text ? addressPattern.exec(text) : null;
  return match ? match[0].toLowerCase() : null;
}

/** 'dark' only when the page says so on <html data-theme> (or the given attribute); light otherwise. */
export function themeOf(doc: Document, attribute = 'data-theme'): ColorScheme {
  const value = doc.documentElement.getAttribute(attribute)?.toLowerCase() ?? '';
  return value.includes('dark') ? 'dark' : 'light';
}

/** Rows of a mailbox table whose address is read by `addressOf`; rows without one are skipped. */
export function rowsWithAddress(rows: Iterable<HTMLElement>, addressOf: (row: HTMLElement) => string | null): MailboxRow[] {
  const found: MailboxRow[] = [];
  for (const row of rows) {
    const address = addressOf(row);
    if (address) found.push({ row, address });
  }
  return found;
}
