// Inbox month folders: a message belongs to the calendar month of its date in the provider's time zone (Europe/Rome).
import { PRODUCT } from '../config';

const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: PRODUCT.timeZone, year: 'numeric', month: '2-digit' });

export function monthKey(dateMs: number): string {
  const parts = formatter.formatToParts(new Date(dateMs));
  const year = parts.find((p) => p.type === 'year')?.value;
  const month = parts.find((p) => p.type === 'month')?.value;
  return `${year}-${month}`;
}

export function monthFolderId(dateMs: number): string {
  return `inbox-${monthKey(dateMs)}`;
}
