// The instant filter's rules: which cached summaries match what the user typed (subject, sender, recipients).
import type { LocalFilter } from '@/utils/rpc/payloads';
import type { MessageSummary } from '@/utils/api/schemas';

export type { LocalFilter };

/** Lower case without accents, so "perche" finds "Perché". */
export function foldText(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function searchTerms(text: string): string[] {
  return foldText(text).split(/\s+/).filter(Boolean).slice(0, 10);
}

/** Whether a filter asks for anything at all (an empty filter matches nothing rather than everything). */
export function isEmptyFilter(filter: LocalFilter): boolean {
  return searchTerms(filter.text).length === 0 && !filter.after && !filter.before && filter.hasAttachment === undefined;
}

/** What the instant filter needs of a summary, kept by the background for every cached one (the rest stays on disk). */
export interface FilterEntry {
  dateMs: number;
  hasAttachments: boolean;
  /** Subject, senders and recipients, folded (see `foldText`). */
  text: string;
}

/** The folded text a summary is matched on. */
export function filterText(summary: Pick<MessageSummary, 'subject' | 'from' | 'to'>): string {
  const people = [summary.from, ...summary.to].map((person) => `${person.name} ${person.address}`).join(' ');
  return foldText(`${summary.subject} ${people}`);
}

/** Every term must occur in the subject, a sender or a recipient; dates and the attachment mark narrow it further. */
export function entryMatcher(filter: LocalFilter): (entry: FilterEntry) => boolean {
  const terms = searchTerms(filter.text);
  const afterMs = filter.after ? Date.parse(filter.after) : Number.NEGATIVE_INFINITY;
  const beforeMs = filter.before ? Date.parse(filter.before) : Number.POSITIVE_INFINITY;
  return (entry) => {
    if (entry.dateMs < afterMs || entry.dateMs >= beforeMs) return false;
    if (filter.hasAttachment !== undefined && entry.hasAttachments !== filter.hasAttachment) return false;
    return terms.every((term) => entry.text.includes(term));
  };
}

/** The same rules on a whole summary (views and tests that hold summaries). */
export function summaryMatcher(filter: LocalFilter): (summary: MessageSummary) => boolean {
  const matches = entryMatcher(filter);
  return (summary) => matches({ dateMs: Date.parse(summary.date), hasAttachments: summary.hasAttachments, text: filterText(summary) });
}

export { newestFirst } from './order';
