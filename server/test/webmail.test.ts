// Demo webmail: its bundled assets, then the real page in Chromium against a seeded provider (HTTP + SMTP).
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startProvider, type ProviderHandle } from '../app';
import { loadWebmailAssets } from '../webmail/assets';

const password = 'archivio-demo';

describe('webmail assets', () => {
  it('serves the page, styles and bundled client with their content types', async () => {
    const assets = await loadWebmailAssets();
    expect(assets.get('/')?.contentType).toBe('text/html; charset=utf-8');
    expect(assets.get('/webmail.css')?.contentType).toBe('text/css; charset=utf-8');
    expect(assets.get('/webmail.js')?.contentType).toBe('text/javascript; charset=utf-8');
    expect(assets.get('/favicon.svg')?.contentType).toBe('image/svg+xml');
    expect(await loadWebmailAssets()).toBe(assets); // built once, then cached
    const html = String(assets.get('/')?.body);
    expect(html).toContain('<main id="content"');
    expect(html).toContain('src="/webmail.js"');
    expect(html).toContain('href="/webmail.css"');
    const js = String(assets.get('/webmail.js')?.body);
    for (const label of [
      'Indirizzo email',
      'Password',
      'Accedi',
      'Navigazione principale',
      'Posta',
      'Rubrica',
      'Impostazioni',
      'Gestione',
      'Esci',
      'Caselle',
      'Spazio usato',
      'Generale',
      'Alias',
      'Inoltro',
      'Posta in arrivo',
      'Scrivi',
      'Invia',
    ]) {
      expect(js.includes(`"${label}"`) || js.includes(`'${label}'`), label).toBe(true);
    }
    expect(js).not.toMatch(/\binnerHTML\b|insertAdjacentHTML|outerHTML\s*=/);
    expect(String(assets.get('/webmail.css')?.body)).toMatch(/\[data-theme=["']dark["']\]/);
  });
});

describe('webmail in Chromium', () => {
  let provider: ProviderHandle;
  let browser: Browser;
  let dataDir: string;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'archivio-webmail-'));
    provider = await startProvider({ port: 0, smtpPort: 0, dataDir, seed: 'demo' });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    expect(pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await provider?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function openPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 820 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  async function signIn(page: Page, address: string, secret = password): Promise<void> {
    await page.goto(`${provider.url}/`);
    await page.getByLabel('Indirizzo email').fill(address);
    await page.getByLabel('Password').fill(secret);
    await page.getByRole('button', { name: 'Accedi' }).click();
  }

  const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Navigazione principale' });

  it('says so when repeated wrong passwords locked the address', async () => {
    const page = await openPage();
    for (let attempt = 0; attempt < 5; attempt++) {
      await signIn(page, 'nessuno.bloccato@example.it', `sbagliata-${attempt}`);
      await page.locator('#login-error').filter({ hasText: 'Indirizzo email o password non corretti.' }).waitFor();
    }
    await signIn(page, 'nessuno.bloccato@example.it', password);
    await page.locator('#login-error').filter({ hasText: 'accesso bloccato per qualche minuto' }).waitFor();
    expect(await mainNav(page).count()).toBe(0);
    await page.close();
  });

  it('rejects a wrong password, then signs in and shows the navigation of a user', async () => {
    const page = await openPage();
    await signIn(page, 'mario.rossi@example.it', 'sbagliata');
    await page.locator('#login-error').filter({ hasText: 'Indirizzo email o password non corretti.' }).waitFor();
    expect(await mainNav(page).count()).toBe(0);

    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await mainNav(page).waitFor();
    const items = await mainNav(page).locator('li').allInnerTexts();
    expect(items.map((text) => text.trim())).toEqual(['Posta', 'Rubrica', 'Impostazioni', 'Esci']);
    expect(await page.locator('[data-account]').getAttribute('data-account')).toBe('mario.rossi@example.it');
    expect(await page.locator('main#content').getAttribute('data-view')).toBe('posta');
    expect(new URL(page.url()).hash).toBe('#/posta/inbox');
    expect(['light', 'dark']).toContain(await page.locator('html').getAttribute('data-theme'));

    // A user typing the postmaster's route gets a refusal, not the table.
    await page.evaluate(() => {
      location.hash = '#/gestione/caselle';
    });
    await page.getByRole('heading', { name: 'Accesso non consentito' }).waitFor();
    expect(await page.locator('#mailbox-table').count()).toBe(0);
  });

  it('lists messages, reads one as text, deletes it to Cestino', async () => {
    const page = await openPage();
    await signIn(page, 'mario.rossi@example.it');
    const rows = page.locator('#message-list li[data-message-id]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(50); // first page; the seeded inbox holds more
    await page.getByRole('button', { name: 'Carica altri' }).waitFor();
    const folderCount = async (id: string) => Number(await page.locator(`a[data-folder="${id}"] .count`).innerText());
    const inboxBefore = await folderCount('inbox');
    const trashBefore = await folderCount('trash');
    expect(inboxBefore).toBeGreaterThan(50);

    const first = rows.first();
    const id = await first.getAttribute('data-message-id');
    expect((await first.locator('.sender').innerText()).length).toBeGreaterThan(0);
    expect((await first.locator('.subject').innerText()).length).toBeGreaterThan(0);
    expect((await first.locator('time.date').innerText()).length).toBeGreaterThan(0);
    await first.locator('a.message-row').click();
    const body = page.locator(`#reading-pane article[data-message-id="${id}"] .message-body`);
    await body.waitFor();
    const detail = (await (await page.request.get(`${provider.url}/api/mail/messages/${id}`)).json()) as { subject: string; text: string | null };
    expect(detail.text).toEqual(expect.any(String));
    expect(await body.textContent()).toBe(detail.text);
    expect(await page.locator('#message-subject').innerText()).toBe(detail.subject);
    expect(new URL(page.url()).hash).toBe(`#/posta/inbox/${id}`);

    await page.locator('#reading-pane').getByRole('button', { name: 'Elimina' }).click();
    await page.locator('#toast').filter({ hasText: 'Messaggio spostato nel Cestino.' }).waitFor();
    await page.locator(`#message-list li[data-message-id="${id}"]`).waitFor({ state: 'detached' });
    await page.waitForFunction(
      ([count]) => document.querySelector('a[data-folder="trash"] .count')?.textContent === String(count),
      [trashBefore + 1],
    );
    expect(await folderCount('inbox')).toBe(inboxBefore - 1);

    await page.locator('a[data-folder="trash"]').click();
    await page.locator('#list-title').filter({ hasText: 'Cestino' }).waitFor();
    await page.locator('#message-list li[data-message-id] .subject').filter({ hasText: detail.subject }).first().waitFor();
    await page.screenshot({ path: path.join(tmpdir(), 'webmail-cestino.png') });
  });

  it('never runs or loads what a hostile HTML-only message carries', async () => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: provider.smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: 'Sconosciuto <attacco@hostile-example.com>',
      to: 'giulia.verdi@example.it',
      subject: 'Messaggio ostile di prova',
      html:
        '<p>Testo visibile</p><script>document.title="pwned"</script>' +
        '<img src="https://hostile-example.com/track.png" onerror="document.title=\'pwned\'">',
    });
    transport.close();
    const page = await openPage();
    const remote: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('hostile-example.com')) remote.push(request.url());
    });
    await signIn(page, 'giulia.verdi@example.it');
    const row = page.locator('#message-list li[data-message-id]').filter({ hasText: 'Messaggio ostile di prova' });
    await row.locator('a.message-row').click();
    const body = page.locator('#reading-pane .message-body');
    await body.filter({ hasText: 'Testo visibile' }).waitFor();
    expect(await body.locator('*').count()).toBe(0); // text only: no element came from the mail
    expect(await page.title()).not.toBe('pwned');
    expect(remote).toEqual([]);
  });

  it('sends a message with Scrivi and shows it in Posta inviata', async () => {
    const page = await openPage();
    await signIn(page, 'giulia.verdi@example.it');
    await page.getByRole('link', { name: 'Scrivi' }).click();
    await page.getByLabel('A', { exact: true }).fill('mario.rossi@example.it');
    await page.getByLabel('Oggetto').fill('Prova dalla webmail');
    await page.getByLabel('Testo').fill('Ciao Mario,\nprova di invio.');
    await page.getByRole('button', { name: 'Invia' }).click();
    await page.locator('#list-title').filter({ hasText: 'Posta inviata' }).waitFor();
    await page.locator('#message-list li[data-message-id] .subject').filter({ hasText: 'Prova dalla webmail' }).first().waitFor();
    const inbox = (await (await page.request.get(`${provider.url}/api/mail/folders/inbox/messages?limit=5`)).json()) as { items: unknown[] };
    expect(inbox.items.length).toBeGreaterThan(0);
  });

  it('keeps the page alive across views, back/forward and the theme toggle', async () => {
    const page = await openPage();
    await signIn(page, 'mario.rossi@example.it');
    await page.locator('#message-list li[data-message-id]').first().waitFor();
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
    });

    await mainNav(page).getByRole('link', { name: 'Rubrica' }).click();
    await page.getByRole('heading', { name: 'Rubrica' }).waitFor();
    await page.locator('.contact').first().waitFor();
    expect(await mainNav(page).getByRole('link', { name: 'Rubrica' }).getAttribute('aria-current')).toBe('page');

    await mainNav(page).getByRole('link', { name: 'Impostazioni' }).click();
    await page.getByRole('heading', { name: 'Impostazioni' }).waitFor();
    await page.getByLabel('Scuro').check();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.goBack();
    await page.getByRole('heading', { name: 'Rubrica' }).waitFor();
    await page.goForward();
    await page.getByRole('heading', { name: 'Impostazioni' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42); // no reload happened
    await page.reload();
    await page.getByRole('heading', { name: 'Impostazioni' }).waitFor();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.getByLabel('Chiaro').check();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');

    // #/archivio is left to the extension: the app's view goes, foreign children of <main> stay.
    await page.evaluate(() => {
      const foreign = document.createElement('div');
      foreign.id = 'foreign';
      document.getElementById('content')?.append(foreign);
      location.hash = '#/archivio';
    });
    await page.waitForFunction(() => document.getElementById('content')?.dataset.view === 'archivio');
    expect(await page.locator('main#content > .view').count()).toBe(0);
    expect(await page.locator('main#content > #foreign').count()).toBe(1);
    await mainNav(page).getByRole('link', { name: 'Posta', exact: true }).click();
    await page.locator('#message-list li[data-message-id]').first().waitFor();
    expect(await page.locator('main#content > #foreign').count()).toBe(1);
  });

  it('gives the postmaster Gestione → Caselle with a table and working tabs, including appended ones', async () => {
    const page = await openPage();
    await signIn(page, 'postmaster@example.it');
    await mainNav(page).getByRole('link', { name: 'Gestione' }).click();
    await page.getByRole('navigation', { name: 'Menu Gestione' }).getByRole('link', { name: 'Caselle' }).waitFor();
    const table = page.locator('table#mailbox-table');
    await table.locator('tbody tr[data-mailbox]').first().waitFor();
    expect((await table.locator('thead th').allInnerTexts()).map((t) => t.trim())).toEqual(['Casella', 'Nome', 'Spazio usato']);
    const addresses = await table.locator('tbody tr[data-mailbox]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-mailbox')));
    expect(addresses.sort()).toEqual(['giulia.verdi@example.it', 'luca.neri@example.it', 'mario.rossi@example.it', 'postmaster@example.it']);
    await page.screenshot({ path: path.join(tmpdir(), 'webmail-caselle.png') });

    await table.locator('tr[data-mailbox="mario.rossi@example.it"] td[data-column="nome"]').click();
    const detail = page.locator('section#mailbox-detail[data-mailbox="mario.rossi@example.it"]');
    await detail.waitFor();
    expect(new URL(page.url()).hash).toBe('#/gestione/caselle/mario.rossi@example.it/generale');
    const tabs = detail.getByRole('tab');
    expect((await tabs.allInnerTexts()).map((t) => t.trim())).toEqual(['Generale', 'Alias', 'Inoltro']);
    expect(await detail.getByRole('tabpanel').innerText()).toContain('Spazio usato');

    await detail.getByRole('tab', { name: 'Alias' }).click();
    await detail.getByRole('tabpanel').filter({ hasText: 'info@example.it' }).waitFor();
    expect(await detail.getByRole('tab', { name: 'Alias' }).getAttribute('aria-selected')).toBe('true');
    expect(new URL(page.url()).hash).toBe('#/gestione/caselle/mario.rossi@example.it/alias');
    await page.keyboard.press('ArrowRight');
    expect(await detail.getByRole('tab', { name: 'Inoltro' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Inoltro');
    await detail.getByRole('tabpanel').filter({ hasText: 'vendite@example.it' }).waitFor();
    expect(await page.locator('#panel-alias').isHidden()).toBe(true);

    // What the extension does: append its own tab and panel; the app's delegation must handle them.
    const appendTab = () =>
      page.evaluate(() => {
        const tablist = document.querySelector('#mailbox-tabs');
        const tab = document.createElement('button');
        Object.assign(tab, { type: 'button', id: 'tab-archivio', textContent: 'Archivio', tabIndex: -1 });
        tab.setAttribute('role', 'tab');
        tab.setAttribute('data-tab', 'archivio');
        tab.setAttribute('aria-controls', 'panel-archivio');
        tab.setAttribute('aria-selected', 'false');
        const panel = document.createElement('div');
        Object.assign(panel, { id: 'panel-archivio', hidden: true, textContent: 'Pannello archivio' });
        panel.setAttribute('role', 'tabpanel');
        tablist?.append(tab);
        document.querySelector('#mailbox-tabpanels')?.append(panel);
      });
    await appendTab();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#tab-archivio').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#panel-archivio').isVisible()).toBe(true);
    expect(await page.locator('#panel-inoltro').isHidden()).toBe(true);
    expect(new URL(page.url()).hash).toBe('#/gestione/caselle/mario.rossi@example.it/archivio');
    await detail.getByRole('tab', { name: 'Generale' }).click();
    expect(await page.locator('#panel-archivio').isHidden()).toBe(true);
    await page.locator('#tab-archivio').click();
    expect(await page.locator('#panel-generale').isHidden()).toBe(true);

    // Reload on the appended tab's route: it is selected as soon as it is added again.
    await page.reload();
    await page.locator('section#mailbox-detail #tab-generale').waitFor();
    await appendTab();
    await page.waitForFunction(() => document.getElementById('tab-archivio')?.getAttribute('aria-selected') === 'true');
    expect(await page.locator('#panel-generale').isHidden()).toBe(true);

    await page.goBack();
    await table.locator('tbody tr[data-mailbox]').first().waitFor();
    expect(await page.locator('section#mailbox-detail').count()).toBe(0);
  });

  it('signs out with Esci', async () => {
    const page = await openPage();
    await signIn(page, 'luca.neri@example.it');
    await mainNav(page).getByRole('button', { name: 'Esci' }).click();
    await page.getByRole('button', { name: 'Accedi' }).waitFor();
    expect(await mainNav(page).count()).toBe(0);
    expect(await page.locator('[data-account]').count()).toBe(0);
    expect((await page.request.get(`${provider.url}/api/session`)).status()).toBe(401);
  });

  it('sends an expired session back to the login, then returns to the same view', async () => {
    const page = await openPage();
    await signIn(page, 'luca.neri@example.it');
    await page.locator('a[data-folder="sent"]').waitFor();
    const signOut = await page.request.delete(`${provider.url}/api/session`, { headers: { Origin: provider.url }, data: {} });
    expect(signOut.status()).toBe(204);
    await page.locator('a[data-folder="sent"]').click();
    await page.getByRole('status').filter({ hasText: 'La sessione è scaduta: accedi di nuovo.' }).waitFor();
    expect(await mainNav(page).count()).toBe(0);
    await page.getByLabel('Indirizzo email').fill('luca.neri@example.it');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.locator('#list-title').filter({ hasText: 'Posta inviata' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/posta/sent');
  });

  it('looks right: screenshot of the inbox', async () => {
    const page = await openPage();
    await signIn(page, 'mario.rossi@example.it');
    await page.locator('#message-list li[data-message-id] a.message-row').first().click();
    await page.locator('#reading-pane .message-body').waitFor();
    const file = path.join(tmpdir(), 'webmail-inbox.png');
    await page.screenshot({ path: file });
    expect(statSync(file).size).toBeGreaterThan(10_000);
  });
});
