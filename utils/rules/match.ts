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

// Folding text is the costly part of a scan; the background keeps the same summary objects between keystrokes.
const haystacks = new WeakMap<MessageSummary, string>();

function haystack(summary: MessageSummary): string {
  let text = haystacks.get(summary);
  if (text === undefined) {
    const people = [summary.from, ...summary.to].map((person) => `${person.name} ${person.address}`).join(' ');
    text = foldText(`${summary.subject} ${people}`);
    haystacks.set(summary, text);
  }
  return text;
}

/** Every term must occur in the subject, a sender or a recipient; dates and the attachment mark narrow it further. */
export function summaryMatcher(filter: LocalFilter): (summary: MessageSummary) => boolean {
  const terms = searchTerms(filter.text);
  const afterMs = filter.after ? Date.parse(filter.after) : Number.NEGATIVE_INFINITY;
  const beforeMs = filter.before ? Date.parse(filter.before) : Number.POSITIVE_INFINITY;
  return (summary) => {
    const dateMs = Date.parse(summary.date);
    if (dateMs < afterMs || dateMs >= beforeMs) return false;
    if (filter.hasAttachment !== undefined && summary.hasAttachments !== filter.hasAttachment) return false;
    if (terms.length === 0) return true;
    const text = haystack(summary);
    return terms.every((term) => text.includes(term));
  };
}

export { newestFirst } from './order';
