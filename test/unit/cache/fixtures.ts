// Message summaries for cache tests: ids m1, m2, … with dates one hour apart (higher n = newer).
import type { MessageSummary } from '@/utils/api/schemas';

export function summary(n: number, folderId: string): MessageSummary {
  return {
    id: `m${n}`,
    folderId,
    messageId: `<m${n}@example.it>`,
    date: new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString(),
    from: { name: 'Mittente', address: 'mittente@example.it' },
    to: [{ name: '', address: 'mario.rossi@example.it' }],
    subject: `Messaggio ${n}`,
    size: 1000 + n,
    hasAttachments: n % 2 === 0,
    snippet: '',
  };
}

export function summaries(from: number, to: number, folderId: string): MessageSummary[] {
  const list: MessageSummary[] = [];
  for (let n = to; n >= from; n--) list.push(summary(n, folderId));
  return list;
}
