// Text of a message row: who (sender, or recipients in sent mail), when, how big, and the label read aloud.
import type { MessageSummary } from '@/utils/api/schemas';
import { formatBytes, formatLocale, formatNumber, pluralKey } from '@/utils/format';
import { t } from '@/utils/i18n';

export type ListMode = 'received' | 'sent';

type Person = { name: string; address: string };

export function personLabel(person: Person): string {
  return person.name.trim() || person.address;
}

export function peopleLabel(people: readonly Person[]): string {
  return people.length === 0 ? t('archive_no_recipients') : people.map(personLabel).join(', ');
}

/** Who a row names: the sender, or the recipients of mail the user sent. */
export function counterpart(summary: MessageSummary, mode: ListMode): string {
  return mode === 'sent' ? t('archive_row_to', peopleLabel(summary.to)) : personLabel(summary.from);
}

export function modeOfFolder(folderId: string | null, summary?: MessageSummary): ListMode {
  return (summary?.folderId ?? folderId) === 'sent' ? 'sent' : 'received';
}

/** Compact date for a list: the time today, day and month this year, the full short date before. */
export function listDate(iso: string, locale: string, now = new Date()): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === now.toDateString();
  if (sameDay) return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date);
  if (date.getFullYear() === now.getFullYear()) return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(date);
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

export function fullDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
}

export function subjectOf(summary: Pick<MessageSummary, 'subject'>): string {
  return summary.subject.trim() || t('archive_no_subject');
}

/**
 * What a screen reader announces for a row: the words on the row, in their order (WCAG 2.5.3: who says what they
 * see can name it), then what only an icon shows.
 */
export function rowLabel(summary: MessageSummary, mode: ListMode, locale: string, detail: string | null = null, now = new Date()): string {
  const parts = [counterpart(summary, mode), listDate(summary.date, locale, now), subjectOf(summary), formatBytes(summary.size, locale)];
  if (detail) parts.push(detail);
  if (summary.hasAttachments) parts.push(t('archive_has_attachments'));
  return parts.join(', ');
}

/** A message with a count in it, singular or plural by the locale's rules; `$n` of the count is `formatNumber`ed. */
export function countText(base: string, count: number, ...substitutions: (string | number)[]): string {
  const locale = formatLocale();
  return t(pluralKey(base, count, locale), ...substitutions.map((value) => (value === count ? formatNumber(count, locale) : value)));
}
