// Contract: folders by month, paging with stable cursors, changes since, detail/raw/attachments, export, search, expiring.
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archivePath,
  GIULIA,
  listAll,
  LUCA,
  MARIO,
  POSTMASTER,
  sendMail,
  startTestProvider,
  uniqueSubject,
  type Client,
  type TestProvider,
} from './helpers';

let provider: TestProvider;
let mario: Client;

const romeMonth = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit' }).format(new Date(iso)).slice(0, 7);

async function archivedBySubject(subject: string): Promise<any> {
  const reply = await mario.get(archivePath(MARIO, `/search?q=${encodeURIComponent(subject)}`));
  expect(reply.status).toBe(200);
  expect(reply.body.items).toHaveLength(1);
  return reply.body.items[0];
}

beforeAll(async () => {
  provider = await startTestProvider();
  mario = await provider.as(MARIO);
});
afterAll(async () => {
  await provider.close();
  expect(provider.errors).toEqual([]);
});

describe('folders', () => {
  it('groups received mail by month under Posta in arrivo, sent mail in Posta inviata', async () => {
    const reply = await mario.get(archivePath(MARIO, '/folders'));
    expect(reply.status).toBe(200);
    const folders = reply.body.folders as any[];
    const inbox = folders.find((f) => f.id === 'inbox');
    expect(inbox).toMatchObject({ parentId: null, name: 'Posta in arrivo', kind: 'inbox' });
    expect(folders.find((f) => f.id === 'sent')).toMatchObject({ parentId: null, name: 'Posta inviata', kind: 'sent' });
    const months = folders.filter((f) => f.kind === 'inbox-month');
    expect(months.length).toBeGreaterThan(3);
    for (const month of months) {
      expect(month.id).toBe(`inbox-${month.month}`);
      expect(month.name).toBe(month.month);
      expect(month.parentId).toBe('inbox');
    }
    expect(months.map((m) => m.month)).toEqual([...months.map((m) => m.month)].sort().reverse());
    expect(inbox.messageCount).toBe(months.reduce((n, m) => n + m.messageCount, 0));
    expect(inbox.bytes).toBe(months.reduce((n, m) => n + m.bytes, 0));

    const busiest = [...months].sort((a, b) => b.messageCount - a.messageCount)[0];
    const items = await listAll(mario, MARIO, busiest.id, 3);
    expect(items).toHaveLength(busiest.messageCount);
    for (const item of items) {
      expect(item.folderId).toBe(busiest.id);
      expect(romeMonth(item.date)).toBe(busiest.month);
    }
  });

  it('lists "inbox" as all months together, newest first', async () => {
    const folders = (await mario.get(archivePath(MARIO, '/folders'))).body.folders as any[];
    const all = await listAll(mario, MARIO, 'inbox', 7);
    expect(all).toHaveLength(folders.find((f) => f.id === 'inbox').messageCount);
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1], all[i]];
      expect(a.date > b.date || (a.date === b.date && a.id > b.id)).toBe(true);
    }
    expect(new Set(all.map((m) => m.id)).size).toBe(all.length);
  });

  it('unknown folders are not_found, malformed ones invalid_request', async () => {
    expect((await mario.get(archivePath(MARIO, '/folders/inbox-1999-01/messages'))).body.error.code).toBe('not_found');
    expect((await mario.get(archivePath(MARIO, '/folders/custom-99/messages'))).body.error.code).toBe('not_found');
    expect((await mario.get(archivePath(MARIO, '/folders/inbox-2024-13/messages'))).body.error.code).toBe('invalid_request');
    expect((await mario.get(archivePath(MARIO, '/folders/inbox/messages?limit=0'))).body.error.code).toBe('invalid_request');
    expect((await mario.get(archivePath(MARIO, '/folders/inbox/messages?limit=201'))).body.error.code).toBe('invalid_request');
    expect((await mario.get(archivePath(MARIO, '/folders/inbox/messages?cursor=%%%'))).body.error.code).toBe('invalid_request');
    expect((await mario.get(archivePath(MARIO, '/folders/inbox/messages?cursor=bm9wZQ'))).body.error.code).toBe('invalid_request');
  });
});

describe('paging', () => {
  it('cursors stay stable when mail arrives between pages', async () => {
    const first = await mario.get(archivePath(MARIO, '/folders/inbox/messages?limit=5'));
    expect(first.body.items).toHaveLength(5);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const subject = uniqueSubject('arrives while paging');
    await sendMail(provider, { from: 'news@outside.example.com', to: MARIO, subject, text: 'new' });
    const second = await mario.get(archivePath(MARIO, `/folders/inbox/messages?limit=5&cursor=${first.body.nextCursor}`));
    expect(second.body.items).toHaveLength(5);
    const seen = new Set(first.body.items.map((m: any) => m.id));
    for (const item of second.body.items) expect(seen.has(item.id)).toBe(false);
    expect(second.body.items[0].date <= first.body.items[4].date).toBe(true);
    expect(second.body.items.some((m: any) => m.subject === subject)).toBe(false);
    // A fresh first page shows the new message on top.
    const fresh = await mario.get(archivePath(MARIO, '/folders/inbox/messages?limit=5'));
    expect(fresh.body.items[0].subject).toBe(subject);
    expect(fresh.body.version).toBeGreaterThan(first.body.version);
  });
});

describe('changes since a version', () => {
  it('reports added messages per folder, nothing for the current version, 410 for unknown versions', async () => {
    const v0 = (await mario.get(archivePath(MARIO))).body.version;
    const subject = uniqueSubject('change feed');
    await sendMail(provider, { from: 'a@outside.example.com', to: MARIO, subject, text: 'x' });
    const reply = await mario.get(archivePath(MARIO, `/changes?since=${v0}`));
    expect(reply.status).toBe(200);
    expect(reply.body.version).toBeGreaterThan(v0);
    const added = (reply.body.changes as any[]).flatMap((c) => c.added.map((m: any) => ({ ...m, group: c.folderId })));
    const mine = added.find((m) => m.subject === subject);
    expect(mine.group).toBe(mine.folderId);
    expect(mine.folderId).toMatch(/^inbox-\d{4}-\d{2}$/);

    const none = await mario.get(archivePath(MARIO, `/changes?since=${reply.body.version}`));
    expect(none.body).toEqual({ version: reply.body.version, changes: [], foldersChanged: false });
    const future = await mario.get(archivePath(MARIO, `/changes?since=${reply.body.version + 1000}`));
    expect(future.status).toBe(410);
    expect(future.body.error.code).toBe('version_expired');
    expect((await mario.get(archivePath(MARIO, '/changes?since=abc'))).body.error.code).toBe('invalid_request');
    expect((await mario.get(archivePath(MARIO, '/changes'))).body.error.code).toBe('invalid_request');
  });
});

describe('message detail, raw and attachments', () => {
  it('returns headers, text, html and attachments exactly as sent', async () => {
    const subject = uniqueSubject('Preventivo è pronto');
    const pdf = Buffer.from('%PDF-1.4\n% fake but binary \x00\x01\x02\xff\n%%EOF\n', 'latin1');
    await sendMail(provider, {
      from: '"Fornitore SpA" <offerte@fornitore.example.com>',
      to: MARIO,
      cc: 'copia@altro.example.com',
      subject,
      text: 'Testo semplice del preventivo',
      html: '<p>Testo <b>HTML</b> del preventivo<script>alert(1)</script></p>',
      attachments: [
        { filename: 'preventivo.pdf', content: pdf, contentType: 'application/pdf' },
        { filename: 'pagina.html', content: '<script>alert(2)</script>', contentType: 'text/html' },
      ],
    });
    const summary = await archivedBySubject(subject);
    expect(summary).toMatchObject({ from: { name: 'Fornitore SpA', address: 'offerte@fornitore.example.com' }, hasAttachments: true });
    expect(summary.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);

    const detail = (await mario.get(archivePath(MARIO, `/messages/${summary.id}`))).body;
    expect(detail).toMatchObject({ id: summary.id, subject, text: expect.stringContaining('Testo semplice') });
    expect(detail.html).toContain('<script>alert(1)</script>');
    expect(detail.cc).toEqual([{ name: '', address: 'copia@altro.example.com' }]);
    expect(detail.headers.find((h: any) => h.name.toLowerCase() === 'subject')).toBeTruthy();
    expect(detail.attachments.map((a: any) => [a.index, a.filename, a.contentType, a.size])).toEqual([
      [0, 'preventivo.pdf', 'application/pdf', pdf.length],
      [1, 'pagina.html', 'text/html', 25],
    ]);

    const file = await fetch(`${provider.url}${archivePath(MARIO, `/messages/${summary.id}/attachments/0`)}`, {
      headers: { cookie: mario.cookie ?? '' },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="preventivo.pdf"/);
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
    // An HTML attachment is only ever a download, never a page on the webmail origin.
    const html = await mario.get(archivePath(MARIO, `/messages/${summary.id}/attachments/1`));
    expect(html.headers.get('content-type')).toBe('application/octet-stream');
    expect(html.headers.get('content-disposition')).toMatch(/^attachment/);
    expect((await mario.get(archivePath(MARIO, `/messages/${summary.id}/attachments/2`))).status).toBe(404);

    const raw = await mario.get(archivePath(MARIO, `/messages/${summary.id}/raw`));
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toBe('message/rfc822');
    expect(raw.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.eml"/);
    expect(Buffer.byteLength(raw.text)).toBe(summary.size);
    expect((await PostalMime.parse(raw.text)).subject).toBe(subject);
  });

  it('unknown ids are not_found', async () => {
    const reply = await mario.get(archivePath(MARIO, '/messages/AAAAAAAAAAAAAAAAAAAAAA'));
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('not_found');
  });
});

describe('export', () => {
  it('exports a folder as an mbox with one entry per message', async () => {
    const folders = (await mario.get(archivePath(MARIO, '/folders'))).body.folders as any[];
    const sent = folders.find((f) => f.id === 'sent');
    const reply = await mario.get(archivePath(MARIO, '/folders/sent/export'));
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/mbox');
    expect(reply.headers.get('content-disposition')).toMatch(/^attachment/);
    const entries = reply.text.split('\n').filter((line) => /^From \S+ \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/.test(line));
    expect(entries).toHaveLength(sent.messageCount);

    const inbox = folders.find((f) => f.id === 'inbox');
    const all = await mario.get(archivePath(MARIO, '/folders/inbox/export'));
    expect(all.text.split('\n').filter((line) => /^From \S+ \w{3} \w{3} /.test(line))).toHaveLength(inbox.messageCount);
  });

  it('exports the whole archive for its owner and for the postmaster (to save it before disabling), nobody else', async () => {
    const status = (await mario.get(archivePath(MARIO))).body;
    const count = (text: string) => text.split('\n').filter((line) => /^From \S+ \w{3} \w{3} [ \d]\d \d\d:/.test(line)).length;
    const own = await mario.get(archivePath(MARIO, '/export'));
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/mbox');
    expect(count(own.text)).toBe(status.messageCount);
    const postmaster = await provider.as(POSTMASTER);
    expect(count((await postmaster.get(archivePath(MARIO, '/export'))).text)).toBe(status.messageCount);
    const giulia = await provider.as(GIULIA);
    expect((await giulia.get(archivePath(MARIO, '/export'))).body.error.code).toBe('forbidden');
    expect((await postmaster.get(archivePath(LUCA, '/export'))).body.error.code).toBe('archive_disabled');
  });
});

describe('search', () => {
  const tag = Math.random().toString(36).slice(2, 8);
  beforeAll(async () => {
    await sendMail(provider, {
      from: '"Ufficio Acquisti" <acquisti@fornitori.example.com>',
      to: MARIO,
      subject: `Ordine ${tag} alfa`,
      text: `corpo con parolachiave${tag}`,
    });
    await sendMail(provider, {
      from: 'beta@other.example.org',
      to: MARIO,
      subject: `Ordine ${tag} beta`,
      text: 'niente',
      attachments: [{ filename: 'a.txt', content: 'x' }],
    });
    await sendMail(provider, { from: MARIO, to: ['cliente@clienti.example.net'], subject: `Risposta ${tag}`, text: 'ok', auth: { user: MARIO } });
  });

  const search = async (query: string) => {
    const reply = await mario.get(archivePath(MARIO, `/search?${query}`));
    expect(reply.status).toBe(200);
    return (reply.body.items as any[]).map((m) => m.subject).sort();
  };

  it('finds by subject, body text, sender, recipient, attachment and folder', async () => {
    expect(await search(`q=${tag}`)).toEqual([`Ordine ${tag} alfa`, `Ordine ${tag} beta`, `Risposta ${tag}`]);
    expect(await search(`q=PAROLACHIAVE${tag}`)).toEqual([`Ordine ${tag} alfa`]);
    expect(await search(`q=${tag}%20beta`)).toEqual([`Ordine ${tag} beta`]);
    expect(await search(`q=${tag}&from=ufficio%20acq`)).toEqual([`Ordine ${tag} alfa`]);
    expect(await search(`q=${tag}&from=other.example`)).toEqual([`Ordine ${tag} beta`]);
    expect(await search(`q=${tag}&to=clienti.example.net`)).toEqual([`Risposta ${tag}`]);
    expect(await search(`q=${tag}&hasAttachment=true`)).toEqual([`Ordine ${tag} beta`]);
    expect(await search(`q=${tag}&hasAttachment=false`)).toEqual([`Ordine ${tag} alfa`, `Risposta ${tag}`]);
    expect(await search(`q=${tag}&folderId=sent`)).toEqual([`Risposta ${tag}`]);
    expect(await search(`q=${tag}&folderId=inbox`)).toEqual([`Ordine ${tag} alfa`, `Ordine ${tag} beta`]);
  });

  it('filters by date range and pages', async () => {
    const now = Date.now();
    const after = new Date(now - 60 * 60_000).toISOString();
    expect(await search(`q=${tag}&after=${after}`)).toHaveLength(3);
    expect(await search(`q=${tag}&before=${after}`)).toEqual([]);
    const old = await mario.get(archivePath(MARIO, `/search?before=${after}&limit=5`));
    expect(old.body.items).toHaveLength(5);
    for (const item of old.body.items) expect(item.date < after).toBe(true);
    const next = await mario.get(archivePath(MARIO, `/search?before=${after}&limit=5&cursor=${old.body.nextCursor}`));
    expect(next.body.items[0].date <= old.body.items[4].date).toBe(true);
    expect((await mario.get(archivePath(MARIO, '/search?after=yesterday'))).body.error.code).toBe('invalid_request');
    expect((await mario.get(archivePath(MARIO, '/search?hasAttachment=maybe'))).body.error.code).toBe('invalid_request');
    expect((await mario.get(archivePath(MARIO, '/search?folderId=..%2F..'))).body.error.code).toBe('invalid_request');
  });
});

describe('expiring', () => {
  it('lists messages whose purge window opens within N days, with their window', async () => {
    const reply = await mario.get(archivePath(MARIO, '/expiring?days=30'));
    expect(reply.status).toBe(200);
    const items = reply.body.items as any[];
    expect(items.length).toBeGreaterThan(0);
    const limit = Date.now() + 30 * 86_400_000;
    for (const item of items) {
      expect(Date.parse(item.deleteFrom)).toBeLessThanOrEqual(limit + 60_000);
      expect(Date.parse(item.deleteTo) - Date.parse(item.deleteFrom)).toBe(6 * 86_400_000);
      const due = new Date(item.date);
      due.setUTCMonth(due.getUTCMonth() + 24);
      expect(Math.abs(Date.parse(item.deleteFrom) + 3 * 86_400_000 - due.getTime())).toBeLessThan(4 * 86_400_000);
    }
    const fewer = (await mario.get(archivePath(MARIO, '/expiring?days=1'))).body.items as any[];
    expect(fewer.length).toBeLessThanOrEqual(items.length);
    expect((await mario.get(archivePath(MARIO, '/expiring?days=0'))).body.error.code).toBe('invalid_request');
  });
});
