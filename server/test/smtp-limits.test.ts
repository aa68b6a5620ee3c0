// Contract: the SMTP intake stays bounded whatever a client sends: oversized data is dropped as it arrives (552),
// recipients per message, connections at once and commands per connection are capped; normal mail still flows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCT } from '../config';
import { TokenBucket } from '../intake/paced-server';
import { GIULIA, listAll, mailboxItems, sendMail, startTestProvider, uniqueSubject, type Client, type TestProvider } from './helpers';
import { SmtpWire } from './smtp-wire';

const MiB = 1024 * 1024;
const { maxClients, maxRecipients, commandPace } = PRODUCT.smtpIntake;

let provider: TestProvider;
let giulia: Client;

beforeAll(async () => {
  provider = await startTestProvider();
  giulia = await provider.as(GIULIA);
});
afterAll(async () => {
  await provider.close();
  expect(provider.errors).toEqual([]);
});

async function session(): Promise<SmtpWire> {
  const { wire, greeting } = await SmtpWire.open(provider.smtpPort);
  expect(greeting.code).toBe(220);
  expect((await wire.command('EHLO test.example')).code).toBe(250);
  return wire;
}

async function smallMessage(wire: SmtpWire, subject: string): Promise<number> {
  expect((await wire.command('MAIL FROM:<mittente@esterno.example>')).code).toBe(250);
  expect((await wire.command(`RCPT TO:<${GIULIA}>`)).code).toBe(250);
  expect((await wire.command('DATA')).code).toBe(354);
  return (await wire.command(`From: mittente@esterno.example\r\nTo: ${GIULIA}\r\nSubject: ${subject}\r\n\r\nCiao.\r\n.`)).code;
}

describe('message size', () => {
  it('a 150 MB DATA without a declared size is refused with 552 and the process does not hold it', { timeout: 120_000 }, async () => {
    const wire = await session();
    const inboxBefore = (await mailboxItems(giulia, 'inbox')).length;
    expect((await wire.command('MAIL FROM:<mittente@esterno.example>')).code).toBe(250);
    expect((await wire.command(`RCPT TO:<${GIULIA}>`)).code).toBe(250);
    expect((await wire.command('DATA')).code).toBe(354);

    const line = `${'X'.repeat(998)}\r\n`;
    const block = Buffer.from(line.repeat(64)); // 64,000 bytes, reused: the sender holds no more than this
    const total = 150 * 1000 * 1000;
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      await wire.write(`Subject: troppo grande\r\nTo: ${GIULIA}\r\n\r\n`);
      for (let sent = 0; sent < total; sent += block.length) await wire.write(block);
      const reply = await wire.command('.');
      peak = Math.max(peak, process.memoryUsage().rss);
      expect(reply.code).toBe(552);
    } finally {
      clearInterval(sampler);
    }
    // What may stay: the part up to the limit (the server cannot know it is too big before) and read buffers not yet
    // collected. Holding the whole message, as before, grows by 150 MB or more.
    const bound = PRODUCT.maxMessageBytes / MiB + 64;
    const growth = (peak - baseline) / MiB;
    expect(growth, `RSS grew from ${(baseline / MiB).toFixed(0)} to ${(peak / MiB).toFixed(0)} MiB`).toBeLessThan(bound);
    expect((await mailboxItems(giulia, 'inbox')).length).toBe(inboxBefore);

    // The same connection goes on with a normal message.
    const subject = uniqueSubject('Dopo il rifiuto');
    expect(await smallMessage(wire, subject)).toBe(250);
    expect((await listAll(giulia, GIULIA, 'inbox')).map((m) => m.subject)).toContain(subject);
    wire.close();
  });

  it('a declared SIZE over the limit is refused at MAIL FROM', async () => {
    const wire = await session();
    const reply = await wire.command(`MAIL FROM:<mittente@esterno.example> SIZE=${PRODUCT.maxMessageBytes + 1}`);
    expect(reply.code).toBe(552);
    wire.close();
  });
});

describe('recipients', () => {
  it(`accepts ${maxRecipients} recipients of one message and answers 452 to the next`, async () => {
    const wire = await session();
    const credentials = Buffer.from(`\0${GIULIA}\0archivio-demo`).toString('base64');
    expect((await wire.command(`AUTH PLAIN ${credentials}`)).code).toBe(235);
    expect((await wire.command(`MAIL FROM:<${GIULIA}>`)).code).toBe(250);
    for (let i = 1; i <= maxRecipients; i++) {
      expect((await wire.command(`RCPT TO:<destinatario${i}@remoto.example>`)).code, `recipient ${i}`).toBe(250);
    }
    const over = await wire.command(`RCPT TO:<destinatario${maxRecipients + 1}@remoto.example>`);
    expect(over.code).toBe(452);
    expect(over.text).toMatch(/too many recipients/i);
    // The message still goes to the recipients that were accepted.
    const subject = uniqueSubject('Cento destinatari');
    expect((await wire.command('DATA')).code).toBe(354);
    expect((await wire.command(`From: ${GIULIA}\r\nSubject: ${subject}\r\n\r\nA tutti.\r\n.`)).code).toBe(250);
    expect((await listAll(giulia, GIULIA, 'sent')).filter((m) => m.subject === subject)).toHaveLength(1);
    wire.close();
  });
});

describe('connections', () => {
  it(`serves ${maxClients} connections at once and refuses the next with 421 until one closes`, { timeout: 60_000 }, async () => {
    // A provider of its own, so no connection of another test is still being closed on the server's side.
    const quiet = await startTestProvider({ seed: null });
    const open: SmtpWire[] = [];
    try {
      for (let i = 0; i < maxClients; i++) {
        const { wire, greeting } = await SmtpWire.open(quiet.smtpPort);
        open.push(wire);
        expect(greeting.code, `connection ${i + 1}`).toBe(220);
      }
      const { wire: extra, greeting } = await SmtpWire.open(quiet.smtpPort);
      expect(greeting.code).toBe(421);
      await extra.closed;

      const first = open.shift() as SmtpWire;
      first.close();
      await first.closed;
      await expect
        .poll(async () => {
          const { wire, greeting: again } = await SmtpWire.open(quiet.smtpPort);
          wire.close();
          return again.code;
        })
        .toBe(220);
    } finally {
      for (const wire of open) wire.close();
      await quiet.close();
    }
    expect(quiet.errors).toEqual([]);
  });

  it('a connection that sends commands faster than the pace is cut with 421', async () => {
    const wire = await session();
    const count = commandPace.burst + 100;
    wire.socket.write('NOOP\r\n'.repeat(count));
    const codes: number[] = [];
    for (let i = 0; i < count; i++) {
      const reply = await wire.reply();
      codes.push(reply.code);
      if (reply.code !== 250) break;
    }
    expect(codes.at(-1)).toBe(421);
    expect(codes.filter((code) => code === 250).length).toBeLessThan(count);
    expect(codes.filter((code) => code === 250).length).toBeGreaterThanOrEqual(commandPace.burst - 1);
    await wire.closed;
  });

  it('normal delivery still works after all of the above', async () => {
    const subject = uniqueSubject('Posta normale');
    const result = await sendMail(provider, { from: 'mittente@esterno.example', to: GIULIA, subject, text: 'Tutto a posto.' });
    expect(result.accepted).toEqual([GIULIA]);
    expect((await listAll(giulia, GIULIA, 'inbox')).map((m) => m.subject)).toContain(subject);
  });
});

describe('the command pace', () => {
  it('allows a burst, then refills at its rate', () => {
    const bucket = new TokenBucket({ burst: 3, perSecond: 2 }, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.take(499)).toBe(false);
    expect(bucket.take(500)).toBe(true);
    expect(bucket.take(500)).toBe(false);
    expect([bucket.take(10_000), bucket.take(10_000), bucket.take(10_000), bucket.take(10_000)]).toEqual([true, true, true, false]);
  });
});
