// Demo domain example.it: accounts, archive settings, alias and forward, and realistic histories. Idempotent.
import MailComposer from 'nodemailer/lib/mail-composer';
import { PRODUCT, type SeedSize } from '../config';
import { parseForIndex } from '../mail/parse';
import { addMonths } from '../rules/retention';
import { archiveCopy, enableArchive } from '../services/archive-store';
import type { Services } from '../services/context';
import { deliverToMailbox } from '../services/mailbox';
import { hashPassword } from '../services/passwords';
import type { Role } from '../storage/accounts';
import { getMeta, setMeta } from '../storage/db';
import { generateHistory } from './history';

export const DEMO_PASSWORD = 'archivio-demo';
const SEED_KEY = 'seed.demo';
const DOMAIN = 'example.it';
const DAY_MS = 86_400_000;

interface DemoAccount {
  address: string;
  displayName: string;
  role: Role;
  history: { full: number; small: number; seed: number };
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { address: 'postmaster@example.it', displayName: 'Postmaster example.it', role: 'postmaster', history: { full: 12, small: 3, seed: 44 } },
  { address: 'mario.rossi@example.it', displayName: 'Mario Rossi', role: 'user', history: { full: 320, small: 40, seed: 11 } },
  { address: 'giulia.verdi@example.it', displayName: 'Giulia Verdi', role: 'user', history: { full: 260, small: 30, seed: 22 } },
  { address: 'luca.neri@example.it', displayName: 'Luca Neri', role: 'user', history: { full: 40, small: 6, seed: 33 } },
];

const MARIO = 'mario.rossi@example.it';
const GIULIA = 'giulia.verdi@example.it';

/** Seeds the demo domain unless it was seeded already (then nothing changes). Call under the write lock. */
export async function seedDemo(s: Services, size: SeedSize): Promise<boolean> {
  if (getMeta(s.db, SEED_KEY)) return false;
  const now = s.clock.now();
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));
  s.db.transaction(() => {
    DEMO_ACCOUNTS.forEach((account, i) =>
      s.accounts.insertIfMissing({
        address: account.address,
        domain: DOMAIN,
        displayName: account.displayName,
        role: account.role,
        passwordHash: hashes[i] as string,
        mailboxQuotaBytes: PRODUCT.mailboxQuotaBytes,
      }),
    );
    s.accounts.addRedirectIfMissing({ address: 'info@example.it', target: MARIO, kind: 'alias' });
    s.accounts.addRedirectIfMissing({ address: 'vendite@example.it', target: MARIO, kind: 'forward' });
  })();

  const enabledAt = new Date(addMonths(now.getTime(), -31)).toISOString();
  enableArchive(s, MARIO);
  s.archives.update(MARIO, { writable: false, imapAccess: false, retentionMonths: 24, plan: 'base', enabledAt });
  enableArchive(s, GIULIA);
  s.archives.update(GIULIA, { writable: true, imapAccess: true, retentionMonths: null, plan: 'unlimited', enabledAt });

  for (const account of DEMO_ACCOUNTS) {
    const history = await generateHistory({
      owner: { address: account.address, displayName: account.displayName },
      domain: DOMAIN,
      now,
      months: 30,
      count: account.history[size],
      seed: account.history.seed,
    });
    for (const message of history) await importMessage(s, account.address, message, now.getTime());
  }
  await seedRedirectedMail(s, now.getTime());
  setMeta(s.db, SEED_KEY, JSON.stringify({ at: now.toISOString(), size }));
  return true;
}

async function importMessage(
  s: Services,
  address: string,
  message: { direction: 'in' | 'out'; date: Date; raw: Buffer; keptInMailbox: boolean },
  nowMs: number,
): Promise<void> {
  const fields = await parseForIndex(message.raw);
  const dateMs = message.date.getTime();
  const folder = message.direction === 'in' ? 'inbox' : 'sent';
  if (message.keptInMailbox) {
    const seen = message.direction === 'out' || dateMs < nowMs - 3 * DAY_MS;
    const via = message.direction === 'in' ? 'direct' : 'submission';
    await deliverToMailbox(s, address, folder, message.raw, fields, { dateMs, via, seen });
  }
  await archiveCopy(s, address, folder, message.raw, fields, dateMs, message.direction === 'in' ? 'direct' : 'submission');
}

/** A few messages that reached Mario through info@ (alias) and vendite@ (forward): in his inbox, never in his archive. */
async function seedRedirectedMail(s: Services, nowMs: number): Promise<void> {
  const letters = [
    {
      to: 'info@example.it',
      via: 'alias',
      from: 'Anna Bianchi <anna.bianchi@clienti.example.com>',
      subject: 'Richiesta informazioni orari',
      text: 'Buongiorno,\nvorrei sapere gli orari di apertura dello sportello.\nGrazie, Anna',
      daysAgo: 2,
    },
    {
      to: 'vendite@example.it',
      via: 'forward',
      from: 'Procurement <procurement@acme.example.com>',
      subject: 'Request for quotation #4471',
      text: 'Hello,\nplease send us your best quote for 200 units.\nRegards',
      daysAgo: 5,
    },
    {
      to: 'info@example.it',
      via: 'alias',
      from: 'Paolo Greco <paolo.greco@posta.example.net>',
      subject: 'Fattura non ricevuta',
      text: 'Salve,\nnon ho ricevuto la fattura di marzo.\nCordiali saluti',
      daysAgo: 12,
    },
  ];
  for (const letter of letters) {
    const dateMs = nowMs - letter.daysAgo * DAY_MS;
    const raw = await new Promise<Buffer>((resolve, reject) =>
      new MailComposer({
        from: letter.from,
        to: letter.to,
        subject: letter.subject,
        text: letter.text,
        date: new Date(dateMs),
        messageId: `<demo-${letter.via}-${letter.daysAgo}@example.it>`,
      })
        .compile()
        .build((error, message) => (error ? reject(error) : resolve(message))),
    );
    await deliverToMailbox(s, MARIO, 'inbox', raw, await parseForIndex(raw), { dateMs, via: letter.via, seen: letter.daysAgo > 3 });
  }
}
