// Message summaries for the archive app's tests.
import type { MessageSummary } from '@/utils/api/schemas';

export function summary(n: number, patch: Partial<MessageSummary> = {}): MessageSummary {
  const date = new Date(Date.UTC(2026, 10, 30, 12) - n * 3_600_000).toISOString();
  return {
    id: `m${String(n).padStart(6, '0')}`,
    folderId: 'inbox-2026-11',
    messageId: `<${n}@example.it>`,
    date,
    from: { name: `Mittente ${n}`, address: `mittente${n}@example.it` },
    to: [{ name: 'Mario Rossi', address: 'mario.rossi@example.it' }],
    subject: `Messaggio numero ${n}`,
    size: 1000 + n,
    hasAttachments: n % 5 === 0,
    snippet: '',
    ...patch,
  };
}

/** A listing of `total` rows generated on demand, as the background would page it. */
export function syntheticListing(total: number) {
  const calls: [number, number][] = [];
  const fetchWindow = async (offset: number, limit: number) => {
    calls.push([offset, limit]);
    const items: MessageSummary[] = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) items.push(summary(i));
    return { items, total, complete: true };
  };
  return { calls, fetchWindow };
}
