// The order of every listing: newest first, ties broken by id (descending), as the provider orders them.
import type { MessageSummary } from '@/utils/api/schemas';

export function newestFirst(a: Pick<MessageSummary, 'date' | 'id'>, b: Pick<MessageSummary, 'date' | 'id'>): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
