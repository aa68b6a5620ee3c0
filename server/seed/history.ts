// Deterministic generator of a realistic mail history (raw RFC 822 messages) for one demo mailbox.
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { replyText, topics, type Draft, type Topic } from './history-corpus';
import { makePdf, type GeneratedFile } from './history-files';
import { colleaguesOf, outsiders, suspiciousSender, type Person } from './history-people';
import { createRandom, type Random } from './history-random';
import { renderHostile, renderHtml, renderNewsletter, renderText, type Letter } from './history-render';

export interface MailAddress {
  name: string;
  address: string;
}

export interface MessageSpec {
  from: MailAddress;
  to: MailAddress[];
  cc?: MailAddress[];
  subject: string;
  date: Date;
  /** With angle brackets, e.g. "<abc@example.it>". */
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  text: string;
  html?: string;
  attachments?: GeneratedFile[];
  headers?: Record<string, string>;
}

export interface HistoryOptions {
  owner: { address: string; displayName: string };
  domain: string;
  now: Date;
  months: number;
  count: number;
  seed: number;
}

export interface HistoryMessage {
  direction: 'in' | 'out';
  date: Date;
  raw: Buffer;
  /** false: deleted from the mailbox since, only the archive still has it. */
  keptInMailbox: boolean;
}

/** Builds one raw message; the bytes depend only on the spec (the MIME boundary derives from the Message-ID). */
export async function buildMessage(spec: MessageSpec): Promise<Buffer> {
  const composer = new MailComposer({
    from: spec.from,
    to: spec.to,
    cc: spec.cc && spec.cc.length > 0 ? spec.cc : undefined,
    subject: spec.subject,
    date: spec.date,
    messageId: spec.messageId,
    inReplyTo: spec.inReplyTo,
    references: spec.references && spec.references.length > 0 ? spec.references : undefined,
    text: spec.text,
    html: spec.html,
    attachments: spec.attachments?.map((file) => ({ ...file })),
    headers: spec.headers,
    baseBoundary: createHash('sha256').update(spec.messageId).digest('hex').slice(0, 16),
    newline: 'win',
  });
  return composer.compile().build();
}

interface Planned {
  direction: 'in' | 'out';
  spec: MessageSpec;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Mail dates: denser towards `now`, on working hours, mostly on weekdays, always inside the window. */
function mailClock(rnd: Random, now: Date, months: number) {
  const start = new Date(now);
  start.setUTCMonth(start.getUTCMonth() - months);
  const span = now.getTime() - start.getTime();
  const inside = (time: number): boolean => time > start.getTime() && time < now.getTime();
  // Whole seconds: the Date header has no milliseconds, so the returned date matches the parsed one.
  const seconds = (time: number): Date => {
    const whole = Math.floor(time / 1000) * 1000;
    return new Date(whole > start.getTime() ? whole : whole + 1000);
  };
  const toOfficeHours = (time: number): number => {
    const date = new Date(time);
    // Rome is UTC+1/+2: 07-17 UTC is the Italian working day.
    date.setUTCHours(rnd.int(7, 17), rnd.int(0, 59), rnd.int(0, 59), 0);
    const weekday = date.getUTCDay();
    if ((weekday === 0 || weekday === 6) && rnd.chance(0.85)) date.setTime(date.getTime() - (weekday === 0 ? 2 : 1) * DAY);
    return date.getTime();
  };
  return {
    start,
    sample(): Date {
      const age = span * Math.pow(rnd.next(), 1.7);
      const time = toOfficeHours(now.getTime() - age);
      if (inside(time)) return seconds(time);
      if (inside(time - DAY)) return seconds(time - DAY); // today's office hours are still ahead: the day before
      return seconds(now.getTime() - age * 0.999 - 60_000); // outside the window after rounding: keep the raw age
    },
    /** The date of a reply to a message sent at `after`; null when it would fall after `now`. */
    replyAfter(after: Date): Date | null {
      const gap = rnd.weighted<[number, number]>([
        [[0.3 * HOUR, 3 * HOUR], 50],
        [[3 * HOUR, DAY], 30],
        [[DAY, 4 * DAY], 20],
      ]);
      let time = after.getTime() + gap[0] + rnd.next() * (gap[1] - gap[0]);
      const hour = new Date(time).getUTCHours();
      if (hour < 6 || hour > 18) time = toOfficeHours(time + (hour > 18 ? DAY : 0));
      if (time <= after.getTime()) time = after.getTime() + 20 * 60_000;
      return inside(time) ? seconds(time) : null;
    },
  };
}

const domainOf = (address: string): string => address.split('@')[1] ?? 'example.it';
const messageIdFor = (rnd: Random, date: Date, sender: Person): string =>
  `<${date.getTime().toString(36)}.${rnd.hex(12)}@${domainOf(sender.address)}>`;
const toAddress = (person: Person): MailAddress => ({ name: person.name, address: person.address });

function topicsFor(counterpart: Person): Topic[] {
  return topics.filter(
    (topic) => topic.language === counterpart.language && topic.audiences.includes(counterpart.audience) && (!topic.only || topic.only(counterpart)),
  );
}

function updatedDocument(rnd: Random, language: 'it' | 'en', date: Date): GeneratedFile {
  const title = language === 'it' ? 'Documento aggiornato' : 'Updated document';
  const filename = `${language === 'it' ? 'documento' : 'document'}-rev${rnd.int(2, 6)}.pdf`;
  return { filename, contentType: 'application/pdf', content: makePdf(title, [[title, date.toISOString().slice(0, 10)]]) };
}

/** Plans one conversation: an opening message and, for some topics, a chain of alternating replies. */
function planConversation(rnd: Random, clock: ReturnType<typeof mailClock>, owner: Person, colleagues: Person[]): Planned[] {
  const pool = rnd.weighted<readonly Person[]>([
    [colleagues, colleagues.length > 0 ? 30 : 0],
    [outsiders.filter((person) => person.audience !== 'newsletter'), 55],
    [outsiders.filter((person) => person.audience === 'newsletter'), 15],
  ]);
  const counterpart = rnd.pick(pool);
  const candidates = topicsFor(counterpart);
  if (candidates.length === 0) return [];
  const topic = rnd.pick(candidates);
  let direction: 'in' | 'out' = topic.opener === 'any' ? (rnd.chance(0.5) ? 'in' : 'out') : topic.opener;
  const length = topic.threadable
    ? rnd.weighted([
        [1, 40],
        [2, 27],
        [3, 17],
        [4, 10],
        [5, 6],
      ])
    : 1;
  const others = colleagues.filter((person) => person.address !== counterpart.address);
  // An outside party sometimes writes to a colleague with the owner in copy; that colleague stays in the thread.
  const viaColleague =
    direction === 'in' && counterpart.audience !== 'colleague' && counterpart.audience !== 'newsletter' && others.length > 0 && rnd.chance(0.2);
  const copied = others.length > 0 && (viaColleague || rnd.chance(0.12)) ? [rnd.pick(others)] : [];

  let date: Date | null = clock.sample();
  const first = topic.write({ rnd, from: direction === 'in' ? counterpart : owner, to: direction === 'in' ? owner : counterpart, date });
  const planned: Planned[] = [];
  for (let index = 0; index < length && date; index++) {
    const from = direction === 'in' ? counterpart : owner;
    const to = direction === 'in' ? owner : counterpart;
    const previous = planned[planned.length - 1]?.spec;
    const draft: Draft = index === 0 ? first : replyDraft(rnd, topic, first, date);
    const letter: Letter = {
      language: topic.language,
      from,
      to,
      paragraphs: draft.paragraphs,
      quoted: previous ? { from: direction === 'in' ? owner : counterpart, date: previous.date, text: previous.text } : undefined,
    };
    const body =
      draft.style === 'newsletter'
        ? renderNewsletter(from, draft.subject, draft.paragraphs, topic.language)
        : { text: renderText(letter), html: draft.style === 'html' ? renderHtml(letter) : undefined };
    const messageId = messageIdFor(rnd, date, from);
    const toList = index === 0 && viaColleague ? copied : [to];
    const ccList = index === 0 && viaColleague ? [owner] : copied;
    planned.push({
      direction,
      spec: {
        from: toAddress(from),
        to: toList.map(toAddress),
        cc: ccList.map(toAddress),
        subject: index === 0 ? draft.subject : `Re: ${first.subject}`,
        date,
        messageId,
        inReplyTo: previous?.messageId,
        references: previous ? [...(previous.references ?? []), previous.messageId] : undefined,
        text: body.text,
        html: body.html,
        attachments: draft.attachments,
        headers:
          draft.style === 'newsletter' ? { 'List-Unsubscribe': '<https://newsletter.example.com/unsubscribe>', Precedence: 'bulk' } : undefined,
      },
    });
    direction = direction === 'in' ? 'out' : 'in';
    date = clock.replyAfter(date);
  }
  return planned;
}

function replyDraft(rnd: Random, topic: Topic, first: Draft, date: Date): Draft {
  const paragraphs = [replyText(rnd, topic.language)];
  const attachments: GeneratedFile[] = [];
  if (rnd.chance(0.1)) {
    paragraphs.push(topic.language === 'it' ? 'In allegato la versione aggiornata.' : 'Attached is the updated version.');
    attachments.push(updatedDocument(rnd, topic.language, date));
  }
  return { subject: first.subject, paragraphs, attachments, style: first.style === 'html' && rnd.chance(0.7) ? 'html' : 'plain' };
}

function planHostile(rnd: Random, clock: ReturnType<typeof mailClock>, owner: Person, variant: number): Planned {
  const date = clock.sample();
  const body = renderHostile(variant);
  return {
    direction: 'in',
    spec: {
      from: toAddress(suspiciousSender),
      to: [toAddress(owner)],
      subject: body.subject,
      date,
      messageId: messageIdFor(rnd, date, suspiciousSender),
      text: body.text,
      html: body.html,
    },
  };
}

/**
 * Generates `count` messages spread over the `months` before `now`, oldest first. Async because MailComposer
 * builds messages asynchronously.
 */
export async function generateHistory(options: HistoryOptions): Promise<HistoryMessage[]> {
  const { count, months, now, seed, domain } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a non-negative integer');
  if (!(months > 0)) throw new RangeError('months must be positive');
  const rnd = createRandom(seed);
  const clock = mailClock(rnd, now, months);
  const owner: Person = { name: options.owner.displayName, address: options.owner.address, language: 'it', audience: 'colleague' };
  const colleagues = colleaguesOf(owner.address, domain);

  const planned: Planned[] = [];
  const hostileCount = count >= 20 ? 2 : count >= 5 ? 1 : 0;
  for (let variant = 0; variant < hostileCount; variant++) planned.push(planHostile(rnd, clock, owner, variant));
  while (planned.length < count) {
    for (const message of planConversation(rnd, clock, owner, colleagues)) {
      if (planned.length >= count) break;
      planned.push(message);
    }
  }
  const ordered = planned
    .map((message, order) => ({ message, order }))
    .sort((a, b) => a.message.spec.date.getTime() - b.message.spec.date.getTime() || a.order - b.order)
    .map(({ message }) => message);

  const history: HistoryMessage[] = [];
  for (const { direction, spec } of ordered) {
    history.push({ direction, date: spec.date, raw: await buildMessage(spec), keptInMailbox: !rnd.chance(0.15) });
  }
  return history;
}
