// Small synthetic messages for test-mode bulk inserts: raw RFC 822 bytes plus the index fields parsing would give.
import type { Addr, IndexFields } from './parse';

export interface SyntheticSpec {
  owner: Addr;
  direction: 'in' | 'out';
  /** 1-based position in the batch: 1 is the oldest message. */
  n: number;
  count: number;
  dateMs: number;
  /** Makes Message-IDs unique across batches. */
  batch: string;
}

const TOPICS = ['Fattura', 'Preventivo', 'Ordine', 'Riunione', 'Verbale', 'Consegna', 'Rinnovo', 'Promemoria'] as const;
const PEOPLE: Addr[] = [
  { name: 'Anna Bianchi', address: 'anna.bianchi@prova.example.net' },
  { name: 'Marco Esposito', address: 'marco.esposito@prova.example.net' },
  { name: 'Sara Colombo', address: 'sara.colombo@prova.example.net' },
  { name: 'Luigi Ricci', address: 'luigi.ricci@prova.example.net' },
  { name: 'Elena Marino', address: 'elena.marino@prova.example.net' },
];

/** The topic word of message n (cycles, so a search term matches a known share of a batch). */
export function syntheticTopic(n: number): string {
  return TOPICS[(n - 1) % TOPICS.length] as string;
}

/** "Fattura di prova n. 00042": zero-padded so the position reads the same in every row. */
export function syntheticSubject(n: number): string {
  return `${syntheticTopic(n)} di prova n. ${String(n).padStart(5, '0')}`;
}

function mailbox(addr: Addr): string {
  return `"${addr.name}" <${addr.address}>`;
}

/**
 * Plain ASCII, 7bit, one text/plain part: the index fields below are exactly what parseForIndex derives from
 * these bytes (a server test checks it), so no MIME parsing is needed for tens of thousands of messages.
 */
export function syntheticMessage(spec: SyntheticSpec): { raw: Buffer; fields: IndexFields } {
  const other = PEOPLE[(spec.n - 1) % PEOPLE.length] as Addr;
  // The owner's name goes into a quoted header: printable ASCII without quotes keeps the bytes 7bit and unambiguous.
  const name = spec.owner.name
    .replace(/[^\x20-\x7e]|["\\]/g, '')
    .replace(/ +/g, ' ')
    .trim();
  const owner = { name, address: spec.owner.address };
  const from = spec.direction === 'in' ? other : owner;
  const to = spec.direction === 'in' ? owner : other;
  const subject = syntheticSubject(spec.n);
  const topic = syntheticTopic(spec.n).toLowerCase();
  const messageId = `<bulk-${spec.batch}-${spec.n}@prova.example.net>`;
  const body = `Messaggio sintetico ${spec.n} di ${spec.count} (${topic}), generato per le prove di carico dell'archivio.\r\nNessuna azione richiesta.\r\n`;
  const raw = Buffer.from(
    [
      `From: ${mailbox(from)}`,
      `To: ${mailbox(to)}`,
      `Subject: ${subject}`,
      `Date: ${new Date(spec.dateMs).toUTCString().replace('GMT', '+0000')}`,
      `Message-ID: ${messageId}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=us-ascii',
      'Content-Transfer-Encoding: 7bit',
      '',
      body,
    ].join('\r\n'),
    'ascii',
  );
  const text = body.replace(/\s+/g, ' ').trim();
  return {
    raw,
    fields: {
      messageId,
      from,
      to: [to],
      subject,
      hasAttachments: false,
      snippet: text.slice(0, 200),
      searchText: `${subject}\n${text}`.toLowerCase(),
      fromSearch: `${from.name} ${from.address}`.toLowerCase(),
      toSearch: `${to.name} ${to.address}`.toLowerCase(),
    },
  };
}
