// The archive app end to end: browse months, read safely, restore, read-only vs write mode, search, expiring, export, states.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import nodemailer from 'nodemailer';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Folder, MessageSummary } from '../../utils/api/schemas';
import { monthLabel } from '../../utils/rules/months';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { signIn, testControl } from '../support/session';
import { callBackground, newSignedInTab } from './support';

const MARIO = 'mario.rossi@example.it';
const GIULIA = 'giulia.verdi@example.it';
const LUCA = 'luca.neri@example.it';
const SHOTS = '/tmp';
let browser: ExtensionBrowser;
let baseUrl: string;

// The browser's proxy for everything but loopback: every attempt to fetch remote content (a delivered mail's images,
// scripts and frames, the seeded phishing mail's) reaches this server, which counts it and goes no further.
let counter: Server;
const proxied: string[] = [];
/** The browser's own services (autofill, accounts) also use the proxy; they are not the mail's content. */
const BROWSER_OWN = /(^|\.)(google|googleapis|gstatic|gvt1)\.com$/;
const hostOf = (target: string) => (target.includes('://') ? new URL(target).hostname : target.replace(/:\d+$/, ''));
/** Hosts the mail made the browser contact, in order. */
const mailHosts = () => proxied.map(hostOf).filter((host) => !BROWSER_OWN.test(host));

beforeAll(async () => {
  baseUrl = inject('e2eProviderUrl');
  await testControl(baseUrl, 'reset');
  counter = createServer((request, response) => {
    proxied.push(request.url ?? '');
    response.writeHead(502).end();
  });
  counter.on('connect', (request: IncomingMessage, socket: Duplex) => {
    proxied.push(request.url ?? '');
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => counter.listen(0, '127.0.0.1', resolve));
  browser = await launchWithExtension(inject('extensionDir'), { proxy: { server: `http://127.0.0.1:${(counter.address() as AddressInfo).port}` } });
});

afterAll(async () => {
  await testControl(baseUrl, 'faults', {}, 'DELETE').catch(() => undefined);
  await testControl(baseUrl, 'reset').catch(() => undefined);
  await browser?.close();
  await new Promise((resolve) => counter?.close(resolve));
});

/** The provider's own view, with the user's session over HTTP: what the app must show. */
async function provider<T>(address: string, path: string): Promise<T> {
  const session = await signIn(baseUrl, address);
  const response = await session.fetch(new URL(`/api/archive/v1/mailboxes/${encodeURIComponent(address)}/archive${path}`, baseUrl));
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

const signInAs = (address: string) => newSignedInTab(browser.context, baseUrl, address);

async function openArchive(theme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`chrome-extension://${browser.extensionId}/archive.html#origin=${encodeURIComponent(baseUrl)}&scheme=${theme}`);
  return page;
}

/** The user switches back to the archive's tab (headless Chromium keeps every tab "visible", so focus is what tells). */
async function comeBack(page: Page): Promise<void> {
  await page.bringToFront();
  await page.evaluate(() => window.dispatchEvent(new FocusEvent('focus')));
}

const tree = (page: Page) => page.getByRole('tree', { name: "Cartelle dell'archivio" });
const folderItem = (page: Page, id: string) => page.locator(`[role=treeitem][data-folder-id="${id}"]`);
/** Selects a folder by a click, first opening the year a month sits under when the tree groups months by year. */
async function openFolder(page: Page, id: string): Promise<void> {
  const year = /^inbox-(\d{4})-\d{2}$/.exec(id)?.[1];
  const group = page.locator(`[role=treeitem][data-folder-id="year-${year}"]`);
  if (year && (await group.count()) === 1 && (await group.getAttribute('aria-expanded')) === 'false') await group.click();
  await folderItem(page, id).click();
}
const rows = (page: Page) => page.locator('[role=option][data-message-id]');
const row = (page: Page, id: string) => page.locator(`[role=option][data-message-id="${id}"]`);
const action = (page: Page, name: string) => page.locator(`[data-action="${name}"]`);

/** Delivers a real HTML mail through the provider's SMTP intake, as from the internet, and returns its archived summary. */
async function deliverHtml(to: string, subject: string, html: string): Promise<MessageSummary> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: inject('e2eSmtpPort'), secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ from: 'Offerte Speciali <offerte@promo.example.org>', to, subject, html });
  } finally {
    transport.close();
  }
  const token = subject.split(' ').at(-1)!;
  const found = (await provider<{ items: MessageSummary[] }>(to, `/search?q=${encodeURIComponent(token)}&limit=2`)).items;
  expect(found.map((item) => item.subject)).toEqual([subject]);
  return found[0]!;
}

async function openMessage(page: Page, folderId: string, id: string): Promise<void> {
  await openFolder(page, folderId);
  await page.getByRole('listbox', { name: /^Messaggi in / }).waitFor();
  await row(page, id).click();
  await page.locator('.reader-headers').waitFor();
}

describe('archive app, read-only (mario)', () => {
  let webmail: Page;
  let app: Page;
  let folders: Folder[];

  beforeAll(async () => {
    webmail = await signInAs(MARIO);
    folders = (await provider<{ folders: Folder[] }>(MARIO, '/folders')).folders;
    app = await openArchive();
    await tree(app).waitFor({ timeout: 20_000 });
  });

  it('shows the folders with months named in Italian and their counts, and browses them', async () => {
    const months = folders.filter((folder) => folder.kind === 'inbox-month');
    expect(months.length).toBeGreaterThan(3);
    for (const month of months.slice(0, 4)) {
      const item = folderItem(app, month.id);
      const count = month.messageCount === 1 ? '1 messaggio' : `${month.messageCount} messaggi`;
      expect(await item.getAttribute('aria-label')).toBe(`${monthLabel(month.month!, 'it')}, ${count}`);
    }
    expect(await folderItem(app, 'inbox').getAttribute('aria-label')).toMatch(/^Posta in arrivo, \d+ messaggi$/);
    expect(await folderItem(app, 'sent').getAttribute('aria-label')).toMatch(/^Posta inviata, \d+ messaggi$/);
    expect(await app.locator('[data-mode="read-only"]').textContent()).toContain('solo il postmaster può attivare');

    for (const month of [months[0]!, months[2]!]) {
      await openFolder(app, month.id);
      const list = app.getByRole('listbox', { name: `Messaggi in ${monthLabel(month.month!, 'it')}` });
      await list.waitFor();
      await expect.poll(async () => Number(await rows(app).first().getAttribute('aria-setsize'))).toBe(month.messageCount);
      const expected = (await provider<{ items: MessageSummary[] }>(MARIO, `/folders/${month.id}/messages?limit=3`)).items;
      expect(await rows(app).first().getAttribute('data-message-id')).toBe(expected[0]!.id);
      expect(await rows(app).first().textContent()).toContain(expected[0]!.subject);
    }
    await app.screenshot({ path: `${SHOTS}/archive-app-month.png` });
  });

  it('keeps the DOM rows bounded on the largest listing and moves with the keyboard', async () => {
    await folderItem(app, 'inbox').click();
    const list = app.getByRole('listbox', { name: 'Messaggi in Posta in arrivo' });
    await list.waitFor();
    await rows(app).first().waitFor();
    const total = Number(await rows(app).first().getAttribute('aria-setsize'));
    expect(total).toBeGreaterThan(100);
    expect(await app.locator('[role=option]').count()).toBeLessThan(45);
    await list.focus();
    await app.keyboard.press('End');
    await expect.poll(() => app.locator(`[role=option][aria-posinset="${total}"][data-message-id]`).count()).toBe(1);
    expect(await app.locator('[role=option]').count()).toBeLessThan(45);
    await app.keyboard.press('Home');
    await app.keyboard.press('ArrowDown');
    expect(await list.getAttribute('aria-activedescendant')).toBe('row-1');
    await app.keyboard.press('Enter');
    await app.locator('.reader-headers').waitFor();
    expect(await app.locator('.row-open').getAttribute('aria-posinset')).toBe('2');
    await app.keyboard.press('Escape');
    await expect.poll(() => app.locator('.reader').count()).toBe(0);
  });

  it('blocks remote content until "Mostra contenuti esterni", and never runs the message\'s scripts', async () => {
    // A real HTML mail, just delivered over SMTP: every remote reference names a host unique to this run.
    const token = randomBytes(4).toString('hex');
    const host = (what: string) => `${what}-${token}.example.org`;
    const hostile = await deliverHtml(
      MARIO,
      `Offerta riservata ${token}`,
      `<!doctype html><html><head><title>Offerta</title>
      <meta http-equiv="refresh" content="0;url=https://${host('refresh')}/">
      <link rel="stylesheet" href="https://${host('css')}/s.css">
      <style>body { background-image: url(https://${host('bg')}/bg.png); }</style></head>
      <body onload="document.title = 'pwned'">
      <p>Gentile Mario, ecco la nostra offerta.</p>
      <img src="https://${host('img')}/banner.png" width="600" height="120" alt="Offerta">
      <script>document.title = 'pwned'; parent.document.title = 'pwned'; fetch('https://${host('js')}/x');</script>
      <iframe src="https://${host('frame')}/"></iframe>
      <img src="data:," onerror="fetch('https://${host('onerror')}/')">
      </body></html>`,
    );
    const ours = () => mailHosts().filter((name) => name.endsWith(`-${token}.example.org`));
    const phishing = (await provider<{ items: MessageSummary[] }>(MARIO, '/search?q=verifica&limit=5')).items;
    const title = await app.title();
    proxied.length = 0;
    // The mail arrived while the archive was open, possibly as the first of a new month: coming back to the tab shows
    // it (a list fetched under 5 s ago counts as current, so the user may have to come back once more).
    const month = (await provider<{ folders: Folder[] }>(MARIO, '/folders')).folders.find((folder) => folder.id === hostile.folderId)!;
    await expect
      .poll(
        async () => {
          await comeBack(app);
          return folderItem(app, hostile.folderId).getAttribute('aria-label');
        },
        { timeout: 20_000, interval: 2_000 },
      )
      .toMatch(new RegExp(`, ${month.messageCount} messagg[io]$`));
    await openMessage(app, hostile.folderId, hostile.id);
    const frame = app.locator('iframe.body-frame');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox');
    await app.frameLocator('iframe.body-frame').getByText('Gentile Mario').waitFor();
    await app.waitForTimeout(1500);
    expect(mailHosts()).toEqual([]);
    expect(await action(app, 'show-remote').count()).toBe(1);
    await app.screenshot({ path: `${SHOTS}/archive-app-remote-blocked.png` });

    await action(app, 'show-remote').click();
    await expect.poll(ours, { timeout: 10_000 }).toContain(host('img'));
    await app.waitForTimeout(1000);
    // Consent lets images load, nothing else: no script, handler, frame, stylesheet or redirect ever ran.
    expect(ours().filter((name) => name !== host('img') && name !== host('bg'))).toEqual([]);
    expect(await app.title()).toBe(title);

    // Opening the message again asks again: consent was for that render only.
    proxied.length = 0;
    await action(app, 'close-message').click();
    await row(app, hostile.id).click();
    await app.frameLocator('iframe.body-frame').getByText('Gentile Mario').waitFor();
    await app.waitForTimeout(1000);
    expect(mailHosts()).toEqual([]);

    // The seeded phishing mail too.
    for (const message of phishing) {
      await openMessage(app, message.folderId, message.id);
      await app.frameLocator('iframe.body-frame').locator('html').waitFor({ state: 'attached' });
    }
    await app.waitForTimeout(1000);
    expect(await app.title()).toBe(title);
    expect(mailHosts()).toEqual([]);
    const frameTitle = await app.frameLocator('iframe.body-frame').locator('title').count();
    expect(frameTitle).toBeLessThanOrEqual(1);
  });

  it('restores a message into the mailbox inbox (read-only too), shown by the webmail afterwards', async () => {
    const oldest = folders.filter((folder) => folder.kind === 'inbox-month').at(-1)!;
    const target = (await provider<{ items: MessageSummary[] }>(MARIO, `/folders/${oldest.id}/messages?limit=1`)).items[0]!;
    const inbox = () =>
      webmail.evaluate(
        async () =>
          ((await (await fetch('/api/mail/folders/inbox/messages?limit=200')).json()) as { items: { messageId: string; subject: string }[] }).items,
      );
    const before = (await inbox()).filter((item) => item.messageId === target.messageId).length;
    await openMessage(app, oldest.id, target.id);
    await action(app, 'restore').click();
    await app.locator('[data-notice="success"]').waitFor();
    expect(await app.locator('[data-notice="success"]').textContent()).toContain('Messaggio ripristinato');
    expect(await action(app, 'restore').getAttribute('data-state')).toBe('done');
    await app.screenshot({ path: `${SHOTS}/archive-app-restored.png` });
    await expect.poll(async () => (await inbox()).filter((item) => item.messageId === target.messageId).length).toBe(before + 1);
    expect((await inbox()).find((item) => item.messageId === target.messageId)?.subject).toBe(target.subject);
  });

  it('does not offer write actions in read-only mode, explains why, and the background refuses them anyway', async () => {
    const message = (await provider<{ items: MessageSummary[] }>(MARIO, '/folders/sent/messages?limit=1')).items[0]!;
    await openMessage(app, 'sent', message.id);
    expect(await action(app, 'move').count()).toBe(0);
    expect(await action(app, 'delete').count()).toBe(0);
    expect(await action(app, 'empty-folder').count()).toBe(0);
    expect(await app.locator('[data-read-only-note]').textContent()).toContain("Solo il postmaster può attivare l'Archivio in scrittura");
    const refused = await callBackground(app, 'message.delete', { origin: baseUrl, id: message.id, folderId: 'sent' });
    expect(refused.ok).toBe(false);
    expect(refused.error?.kind).toBe('read_only');
    expect((await provider<{ id: string }>(MARIO, `/messages/${message.id}`)).id).toBe(message.id);

    // No button that can only refuse: the folder's menu says what cannot be done, and Delete in the tree explains.
    expect(await action(app, 'delete-folder').count()).toBe(0);
    expect(await app.locator('[data-folder-note="read-only"]').textContent()).toBe(
      'Archivio in sola lettura: le cartelle non si possono svuotare né eliminare.',
    );
    const dialog = app.getByRole('dialog', { name: 'Le cartelle non si possono eliminare' });
    await folderItem(app, 'sent').focus();
    await app.keyboard.press('Delete');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Ho capito' }).click();
  });

  it('searches cached summaries and the provider, without duplicates', async () => {
    const search = app.getByRole('searchbox', { name: "Cerca nell'archivio" });
    await search.fill('fattura');
    await app.getByRole('listbox', { name: 'Risultati della ricerca' }).waitFor();
    await app.locator('[data-search-status="done"]').waitFor({ timeout: 15_000 });
    const ids = await rows(app).evaluateAll((elements) => elements.map((element) => element.getAttribute('data-message-id')));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    const fromProvider = (await provider<{ items: MessageSummary[] }>(MARIO, '/search?q=fattura&limit=5')).items;
    expect(ids).toContain(fromProvider[0]!.id);
    await app.screenshot({ path: `${SHOTS}/archive-app-search.png` });
    await search.press('Escape');
    await app.getByRole('listbox', { name: /^Messaggi in / }).waitFor();
  });

  it('lists the messages due for deletion in the next 30 days with their window', async () => {
    const due = (await provider<{ items: MessageSummary[] }>(MARIO, '/expiring?days=30')).items;
    expect(due.length).toBeGreaterThan(0);
    await folderItem(app, 'expiring').click();
    await app.getByRole('listbox', { name: 'In scadenza' }).waitFor();
    // A virtual list: the rows in view, each telling the whole list's length.
    await expect.poll(() => rows(app).first().getAttribute('aria-setsize')).toBe(String(due.length));
    expect(await rows(app).count()).toBeGreaterThan(0);
    expect(await rows(app).count()).toBeLessThanOrEqual(due.length);
    expect(await rows(app).first().textContent()).toMatch(/prevista tra (il |l').+ e (il |l').+/);
    await app.screenshot({ path: `${SHOTS}/archive-app-expiring.png` });
  });

  it('exports a folder as .mbox through a browser download, with a progress bar, and can cancel one', async () => {
    const month = folders.filter((folder) => folder.kind === 'inbox-month').at(-1)!;
    await openFolder(app, month.id);
    await app.getByRole('listbox', { name: /^Messaggi in / }).waitFor();
    // The export of a small folder may end within a frame: remember whether the progress bar was ever shown.
    await app.evaluate(() => {
      const seen: string[] = [];
      (globalThis as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('.export-bar [role=progressbar]');
        if (bar) seen.push(bar.getAttribute('aria-labelledby') ?? '');
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await action(app, 'export').click();
    await app.locator('[data-notice="success"]').filter({ hasText: 'Esportazione' }).waitFor({ timeout: 30_000 });
    expect(await app.evaluate(() => (globalThis as unknown as { progressSeen: string[] }).progressSeen.length)).toBeGreaterThan(0);
    const lastDownload = () =>
      app.evaluate(async () => {
        const downloads = (
          globalThis as unknown as {
            chrome: { downloads: { search(q: object): Promise<{ url: string; state: string; bytesReceived: number; error?: string }[]> } };
          }
        ).chrome.downloads;
        return (await downloads.search({ orderBy: ['-startTime'], limit: 1 }))[0];
      });
    const exported = await lastDownload();
    expect(exported?.url).toContain(`/folders/${month.id}/export`);
    expect(exported?.state).toBe('complete');
    expect(exported?.bytesReceived).toBeGreaterThan(0);

    // The provider is slow to start answering: the user cancels while the export is being prepared.
    await testControl(baseUrl, 'faults', { path: '/folders/inbox/export$', latencyMs: 2500, times: 1 });
    try {
      await folderItem(app, 'inbox').click();
      await action(app, 'export').click();
      await app.locator('.export-bar').waitFor();
      await action(app, 'cancel-export').click();
      await app.locator('[data-notice="info"]').filter({ hasText: 'Esportazione annullata' }).waitFor();
      expect(await app.locator('.export-bar').count()).toBe(0);
      await expect.poll(async () => (await lastDownload())?.url ?? '', { timeout: 15_000 }).toContain('/folders/inbox/export');
      await expect.poll(async () => (await lastDownload())?.state, { timeout: 15_000 }).toBe('interrupted');
      expect((await lastDownload())?.error).toBe('USER_CANCELED');
    } finally {
      await testControl(baseUrl, 'faults', {}, 'DELETE');
    }
  });

  it('reports a provider error with a retry, and a session that expired with a way to sign in again', async () => {
    // Nothing cached, so the provider's failure is all there is to show.
    expect((await callBackground(app, 'cache.clear')).ok).toBe(true);
    await testControl(baseUrl, 'faults', { path: '/archive/folders$', status: 503, times: 50 });
    try {
      const failing = await openArchive('dark');
      await failing.locator('[data-state="error"]').waitFor({ timeout: 30_000 });
      expect(await failing.locator('[data-state="error"]').textContent()).toContain("Il server dell'archivio ha restituito un errore");
      await failing.screenshot({ path: `${SHOTS}/archive-app-provider-error-dark.png` });
      await testControl(baseUrl, 'faults', {}, 'DELETE');
      await action(failing, 'retry').click();
      await tree(failing).waitFor({ timeout: 20_000 });
      await rows(failing).first().waitFor({ timeout: 20_000 });
      await failing.screenshot({ path: `${SHOTS}/archive-app-dark.png` });

      await testControl(baseUrl, 'faults', { path: '/api/archive/v1/', expireSession: true, times: 1 });
      await failing.reload();
      const signInLink = failing.getByRole('link', { name: 'Accedi di nuovo alla webmail' });
      await signInLink.waitFor({ timeout: 20_000 });
      expect(await signInLink.getAttribute('href')).toBe(`${baseUrl}/`);
      await failing.screenshot({ path: `${SHOTS}/archive-app-signed-out.png` });
    } finally {
      await testControl(baseUrl, 'faults', {}, 'DELETE');
    }
  });
});

describe('archive app, archive off (luca)', () => {
  it('says the archive is off and that only the postmaster can turn it on', async () => {
    await signInAs(LUCA);
    const app = await openArchive();
    await app.locator('[data-state="off"]').waitFor({ timeout: 20_000 });
    expect(await app.locator('[data-state="off"]').textContent()).toContain('Solo il postmaster del dominio può attivarlo');
  });
});

describe('archive app, write mode (giulia)', () => {
  let app: Page;

  beforeAll(async () => {
    await signInAs(GIULIA);
    app = await openArchive();
    await tree(app).waitFor({ timeout: 20_000 });
  });

  afterAll(async () => {
    await testControl(baseUrl, 'reset');
  });

  it('offers move, delete and empty, each confirmed, and the provider reflects them', async () => {
    expect(await app.locator('[data-mode="write"]').count()).toBe(1);
    const months = (await provider<{ folders: Folder[] }>(GIULIA, '/folders')).folders.filter(
      (folder) => folder.kind === 'inbox-month' && folder.messageCount >= 3,
    );
    const month = months[0]!;
    const [first, second] = (await provider<{ items: MessageSummary[] }>(GIULIA, `/folders/${month.id}/messages?limit=2`)).items;

    await openMessage(app, month.id, first!.id);
    expect(await action(app, 'move').count()).toBe(1);
    await app.screenshot({ path: `${SHOTS}/archive-app-write-mode.png` });
    await action(app, 'delete').click();
    const confirm = app.getByRole('alertdialog', { name: "Eliminare il messaggio dall'archivio?" });
    await confirm.waitFor();
    await confirm.locator('[data-action="confirm"]').click();
    await app.locator('[data-notice="success"]').filter({ hasText: 'eliminato' }).waitFor();
    await expect.poll(() => row(app, first!.id).count()).toBe(0);
    const gone = await (
      await signIn(baseUrl, GIULIA)
    ).fetch(new URL(`/api/archive/v1/mailboxes/${encodeURIComponent(GIULIA)}/archive/messages/${first!.id}`, baseUrl));
    expect(gone.status).toBe(404);

    await row(app, second!.id).click();
    await action(app, 'move').click();
    const move = app.getByRole('dialog', { name: 'Sposta il messaggio' });
    await move.getByLabel('Cartella di destinazione').selectOption('sent');
    await move.locator('[data-action="confirm"]').click();
    await app.locator('[data-notice="success"]').filter({ hasText: 'spostato' }).waitFor();
    expect((await provider<{ folderId: string }>(GIULIA, `/messages/${second!.id}`)).folderId).toBe('sent');

    const small = (await provider<{ folders: Folder[] }>(GIULIA, '/folders')).folders
      .filter((folder) => folder.kind === 'inbox-month' && folder.messageCount > 0)
      .at(-1)!;
    await openFolder(app, small.id);
    await action(app, 'empty-folder').click();
    const empty = app.getByRole('alertdialog', { name: /^Svuotare/ });
    await empty.locator('[data-action="confirm"]').click();
    await app.locator('[data-notice="success"]').filter({ hasText: 'svuotata' }).waitFor();
    await expect
      .poll(async () => (await provider<{ folders: Folder[] }>(GIULIA, '/folders')).folders.find((f) => f.id === small.id)?.messageCount ?? 0)
      .toBe(0);
  });
});
