// Tests the seeded mail-history generator: determinism, dates, directions, MIME validity, threads, attachments.
import PostalMime, { type Email } from 'postal-mime';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMessage, generateHistory, type HistoryMessage, type HistoryOptions } from '../seed/history';

const owner = { address: 'mario.rossi@example.it', displayName: 'Mario Rossi' };
const now = new Date('2026-03-16T09:30:00Z');
const options: HistoryOptions = { owner, domain: 'example.it', now, months: 30, count: 300, seed: 42 };
const windowStart = new Date(now);
windowStart.setUTCMonth(windowStart.getUTCMonth() - options.months);

let history: HistoryMessage[];
let parsed: Email[];

beforeAll(async () => {
  history = await generateHistory(options);
  parsed = await Promise.all(history.map((message) => PostalMime.parse(message.raw)));
});

const addressesOf = (list: Email['to']): string[] =>
  (list ?? []).flatMap((entry) => ('group' in entry && entry.group ? entry.group.map((g) => g.address) : [entry.address ?? '']));

describe('generateHistory', () => {
  it('is deterministic for a seed and differs across seeds', async () => {
    const again = await generateHistory(options);
    expect(again.length).toBe(history.length);
    again.forEach((message, index) => {
      const original = history[index]!;
      expect(message.raw.equals(original.raw)).toBe(true);
      expect(message.date.getTime()).toBe(original.date.getTime());
      expect(message.direction).toBe(original.direction);
      expect(message.keptInMailbox).toBe(original.keptInMailbox);
    });
    const other = await generateHistory({ ...options, seed: 43, count: 40 });
    const firstForty = history.slice(0, 40).map((message) => message.raw.toString('latin1'));
    expect(other.map((message) => message.raw.toString('latin1'))).not.toEqual(firstForty);
  });

  it('produces exactly `count` messages, oldest first, inside the window, denser recently', async () => {
    expect(history).toHaveLength(300);
    for (let index = 1; index < history.length; index++) {
      expect(history[index]!.date.getTime()).toBeGreaterThanOrEqual(history[index - 1]!.date.getTime());
    }
    for (const message of history) {
      expect(message.date.getTime()).toBeGreaterThan(windowStart.getTime());
      expect(message.date.getTime()).toBeLessThan(now.getTime());
    }
    const third = (now.getTime() - windowStart.getTime()) / 3;
    const oldest = history.filter((m) => m.date.getTime() < windowStart.getTime() + third).length;
    const newest = history.filter((m) => m.date.getTime() >= now.getTime() - third).length;
    expect(newest).toBeGreaterThan(oldest);
    expect(await generateHistory({ ...options, count: 0 })).toEqual([]);
    expect(await generateHistory({ ...options, count: 7 })).toHaveLength(7);
  });

  it('builds valid MIME whose Date header matches the returned date', () => {
    parsed.forEach((email, index) => {
      expect(email.messageId).toMatch(/^<[^<>@\s]+@[^<>@\s]+>$/);
      expect(email.subject?.length ?? 0).toBeGreaterThan(0);
      expect(new Date(email.date ?? '').getTime()).toBe(history[index]!.date.getTime());
      expect((email.text ?? '').length + (email.html ?? '').length).toBeGreaterThan(0);
    });
    expect(new Set(parsed.map((email) => email.messageId)).size).toBe(parsed.length);
  });

  it('addresses incoming mail to the owner and sends outgoing mail from the owner', () => {
    const directions = new Set(history.map((m) => m.direction));
    expect(directions).toEqual(new Set(['in', 'out']));
    parsed.forEach((email, index) => {
      if (history[index]!.direction === 'out') {
        expect(email.from?.address).toBe(owner.address);
      } else {
        expect(email.from?.address).not.toBe(owner.address);
        expect([...addressesOf(email.to), ...addressesOf(email.cc)]).toContain(owner.address);
      }
    });
    const viaCc = parsed.filter((email, i) => history[i]!.direction === 'in' && !addressesOf(email.to).includes(owner.address));
    expect(viaCc.length).toBeGreaterThan(0);
  });

  it('has correspondents inside the domain and outside it, never the owner writing to itself', () => {
    const counterparts = parsed.flatMap((email, i) => (history[i]!.direction === 'in' ? [email.from?.address ?? ''] : addressesOf(email.to)));
    expect(counterparts.some((a) => /^(giulia\.verdi|luca\.neri|postmaster)@example\.it$/.test(a))).toBe(true);
    expect(counterparts.some((a) => !a.endsWith('@example.it'))).toBe(true);
    expect(counterparts).not.toContain(owner.address);
  });

  it('contains threads with In-Reply-To/References to earlier messages and "Re:" subjects', () => {
    const seen = new Map<string, number>();
    let replies = 0;
    parsed.forEach((email, index) => {
      if (email.inReplyTo) {
        replies++;
        const parentIndex = seen.get(email.inReplyTo);
        expect(parentIndex, `parent of ${email.subject}`).toBeDefined();
        expect(email.subject).toBe(`Re: ${parsed[parentIndex!]!.subject?.replace(/^Re: /, '')}`);
        expect(email.references ?? '').toContain(email.inReplyTo);
        expect(history[index]!.direction).not.toBe(history[parentIndex!]!.direction);
      }
      seen.set(email.messageId ?? '', index);
    });
    expect(replies).toBeGreaterThan(30);
  });

  it('carries small and large attachments of several real formats', () => {
    const attachments = parsed.flatMap((email) => email.attachments);
    expect(parsed.filter((email) => email.attachments.length > 0).length).toBeGreaterThan(20);
    const bytes = (content: ArrayBuffer | Uint8Array | string) => Buffer.from(content as ArrayBuffer);
    const kinds = new Set(attachments.map((a) => a.mimeType));
    for (const kind of ['application/pdf', 'text/csv', 'image/png', 'text/plain']) expect(kinds.has(kind), kind).toBe(true);
    for (const attachment of attachments) {
      const content = bytes(attachment.content);
      if (attachment.mimeType === 'application/pdf') expect(content.subarray(0, 5).toString()).toBe('%PDF-');
      if (attachment.mimeType === 'image/png') expect(content.subarray(1, 4).toString()).toBe('PNG');
      expect(attachment.filename).toBeTruthy();
    }
    const sizes = attachments.map((a) => bytes(a.content).length);
    expect(sizes.some((size) => size < 10_000)).toBe(true);
    expect(sizes.some((size) => size >= 100_000 && size <= 330_000)).toBe(true);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(330_000);
  });

  it('mixes Italian and English, HTML+text and plain text, remote images and hostile markup', () => {
    const texts = parsed.map((email) => email.text ?? '');
    expect(texts.filter((t) => /\b(Buongiorno|Ciao|Cordiali saluti)\b/.test(t)).length).toBeGreaterThan(50);
    expect(texts.filter((t) => /\b(Dear|Best regards)\b/.test(t)).length).toBeGreaterThan(10);
    const withHtml = parsed.filter((email) => email.html);
    expect(withHtml.length).toBeGreaterThan(30);
    expect(withHtml.every((email) => (email.text ?? '').length > 0)).toBe(true);
    expect(parsed.length - withHtml.length).toBeGreaterThan(30);
    expect(withHtml.filter((e) => e.html!.includes('<img src="https://newsletter.example.com/pixel.png"')).length).toBeGreaterThan(3);
    const hostile = withHtml.filter((e) => /<script|onerror=/i.test(e.html!));
    expect(hostile.length).toBeGreaterThanOrEqual(1);
    expect(hostile.length).toBeLessThanOrEqual(2);
  });

  it('marks about 15% of the messages as deleted from the mailbox', () => {
    const deleted = history.filter((m) => !m.keptInMailbox).length / history.length;
    expect(deleted).toBeGreaterThan(0.07);
    expect(deleted).toBeLessThan(0.25);
  });
});

describe('buildMessage', () => {
  it('round-trips headers, non-ASCII text and attachments through a MIME parser', async () => {
    const raw = await buildMessage({
      from: { name: 'Giulia Verdi', address: 'giulia.verdi@example.it' },
      to: [{ name: 'Mario Rossi', address: 'mario.rossi@example.it' }],
      cc: [{ name: 'Luca Neri', address: 'luca.neri@example.it' }],
      subject: 'Perché è già venerdì? €',
      date: new Date('2025-05-02T08:15:00Z'),
      messageId: '<test-1@example.it>',
      inReplyTo: '<test-0@example.it>',
      references: ['<test-0@example.it>'],
      text: 'Città, qualità, però.\n',
      html: '<p>Città &amp; qualità</p>',
      attachments: [{ filename: 'note è.txt', contentType: 'text/plain', content: Buffer.from('ciao\n') }],
    });
    expect(raw.includes(Buffer.from('\r\n'))).toBe(true);
    const email = await PostalMime.parse(raw);
    expect(email.subject).toBe('Perché è già venerdì? €');
    expect(email.messageId).toBe('<test-1@example.it>');
    expect(email.inReplyTo).toBe('<test-0@example.it>');
    expect(email.cc?.[0]).toMatchObject({ address: 'luca.neri@example.it', name: 'Luca Neri' });
    expect(email.text?.trimEnd()).toBe('Città, qualità, però.');
    expect(email.html).toContain('Città &amp; qualità');
    expect(email.attachments).toHaveLength(1);
    expect(email.attachments[0]!.filename).toBe('note è.txt');
    expect(Buffer.from(email.attachments[0]!.content as ArrayBuffer).toString()).toBe('ciao\n');
    expect(
      await buildMessage({
        from: { name: '', address: 'a@example.it' },
        to: [],
        subject: 's',
        date: new Date(0),
        messageId: '<same@example.it>',
        text: 'x',
      }),
    ).toEqual(
      await buildMessage({
        from: { name: '', address: 'a@example.it' },
        to: [],
        subject: 's',
        date: new Date(0),
        messageId: '<same@example.it>',
        text: 'x',
      }),
    );
  });
});
