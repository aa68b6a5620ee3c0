// Popup: the popup shows the reference provider's values, copies them, downloads profiles, and the badge follows the quota.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ArchiveStatus } from '../../utils/api/schemas';
import { formatBytes } from '../../utils/format/bytes';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { signIn, testControl } from '../support/session';
import { newSignedInTab } from './support';

const MARIO = 'mario.rossi@example.it';
const GIULIA = 'giulia.verdi@example.it';
let browser: ExtensionBrowser;
let baseUrl: string;

beforeAll(async () => {
  baseUrl = inject('e2eProviderUrl');
  await testControl(baseUrl, 'reset');
  browser = await launchWithExtension(inject('extensionDir'));
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

afterAll(async () => {
  await testControl(baseUrl, `mailboxes/${MARIO}/quota`, { quotaBytes: null }).catch(() => undefined);
  await browser?.close();
});

/** The provider's own answer, over HTTP with the user's session: what the popup must show. */
async function providerStatus(address: string): Promise<ArchiveStatus> {
  const session = await signIn(baseUrl, address);
  const response = await session.fetch(new URL(`/api/archive/v1/mailboxes/${encodeURIComponent(address)}/archive`, baseUrl));
  expect(response.status).toBe(200);
  return (await response.json()) as ArchiveStatus;
}

const signInAs = (address: string) => newSignedInTab(browser.context, baseUrl, address);

async function openPopup(address: string): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 360, height: 900 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?origin=${encodeURIComponent(baseUrl)}`);
  await popup.locator(`[data-account="${address}"]`).waitFor({ timeout: 15_000 });
  await popup.locator('.arc-quota').waitFor();
  return popup;
}

/** The whole popup as one image (the footer is sticky, so the viewport is made as tall as the content). */
async function snapshot(popup: Page, path: string): Promise<void> {
  const height = await popup.evaluate(() => document.documentElement.scrollHeight);
  await popup.setViewportSize({ width: 360, height });
  await popup.screenshot({ path });
}

const text = async (popup: Page, selector: string) => ((await popup.locator(selector).first().textContent()) ?? '').replace(/\u00a0/g, ' ').trim();
const clipboard = (popup: Page) => popup.evaluate(() => navigator.clipboard.readText());

/** Clicks "Copia <label>", checks the visible confirmation and what reached the clipboard. */
async function copyAndRead(popup: Page, label: string, nth = 0): Promise<string> {
  await popup.bringToFront();
  // The same element throughout: a button named by its caption is named "Copiato ✓" once it has copied.
  const button = (await popup
    .getByRole('button', { name: `Copia ${label}`, exact: true })
    .nth(nth)
    .elementHandle())!;
  await button.click();
  await expect.poll(() => button.textContent()).toBe('Copiato ✓');
  return clipboard(popup);
}

async function activeTabUrl(): Promise<string | undefined> {
  const worker = await browser.worker();
  return worker.evaluate(async () => {
    const tabs = await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ url?: string }[]> } } }).chrome.tabs.query({
      active: true,
    });
    return tabs[0]?.url;
  });
}

/** Rows in the background's IndexedDB status store (the popup's cache). */
async function cachedStatusCount(): Promise<number> {
  const worker = await browser.worker();
  return worker.evaluate(async () => {
    const open = indexedDB.open('archivio-cache');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const request = db.transaction('status').objectStore('status').count();
    const count = await new Promise<number>((resolve) => (request.onsuccess = () => resolve(request.result)));
    db.close();
    return count;
  });
}

async function badgeText(): Promise<string> {
  const worker = await browser.worker();
  return worker.evaluate(() =>
    (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}),
  );
}

describe('popup', () => {
  it("shows mario's archive as the provider has it: read-only, IMAP off, 24 months, 1 GiB", async () => {
    const status = await providerStatus(MARIO);
    expect(status).toMatchObject({ enabled: true, writable: false, imapAccess: false, retentionMonths: 24, quotaBytes: 1024 ** 3 });
    const webmail = await signInAs(MARIO);
    const popup = await openPopup(MARIO);

    expect(await text(popup, '[data-status="enabled"] dd')).toBe('Attivo');
    expect(await text(popup, '[data-status="mode"] dd')).toBe('Sola lettura');
    expect(await text(popup, '[data-status="imap"] dd')).toBe('Non attivo');
    expect(await text(popup, '[data-status="retention"] dd')).toBe('dopo 24 mesi');
    const meter = popup.getByRole('meter');
    expect((await meter.getAttribute('aria-valuetext'))!.replace(/\u00a0/g, ' ')).toContain(
      `${formatBytes(status.usedBytes, 'it-IT').replace(/\u00a0/g, ' ')} di 1 GiB`,
    );
    expect(await popup.locator('[data-imap-off]').textContent()).toContain('deve attivarlo il postmaster del dominio');
    expect(await popup.getByRole('button', { name: "Attiva l'accesso IMAP" }).count()).toBe(0);

    // Each documented value, copied exactly.
    expect(await copyAndRead(popup, 'Nome (suggerito)')).toBe('archivio casella mario.rossi');
    expect(await copyAndRead(popup, 'Indirizzo email')).toBe(status.archiveAddress);
    expect(status.archiveAddress).toBe('mario.rossi_example.it@archivio.postassl.it');
    expect(await copyAndRead(popup, 'Server posta in entrata')).toBe(status.imap.host);
    expect(await copyAndRead(popup, 'Porta', 0)).toBe(String(status.imap.port));
    expect(await copyAndRead(popup, 'Tipo di cifratura', 0)).toBe('SSL/TLS');
    expect(await copyAndRead(popup, 'Nome utente')).toBe(status.archiveAddress);
    expect(await copyAndRead(popup, 'Server posta in uscita')).toBe(status.smtp.host);
    expect(await copyAndRead(popup, 'Porta', 1)).toBe(String(status.smtp.port));
    expect([status.imap.port, status.smtp.port]).toEqual([993, 465]);

    const all = await copyAndRead(popup, 'impostazioni');
    for (const line of [
      'Nome (suggerito): archivio casella mario.rossi',
      `Indirizzo email: ${status.archiveAddress}`,
      'Tipo di protocollo: IMAP',
      `Server posta in entrata: ${status.imap.host}`,
      'Porta: 993',
      'Tipo di cifratura: SSL/TLS',
      'Autenticazione: password',
      `Nome utente: ${status.archiveAddress}`,
      `Server posta in uscita: ${status.smtp.host}`,
      'Porta: 465',
      'Nome utente e password: gli stessi della posta in entrata',
    ])
      expect(all).toContain(line);
    expect(all).not.toContain('archivio-demo');

    await snapshot(popup, '/tmp/popup-mario.png');
    await popup.close();
    await webmail.close();
  });

  it('generates both client profiles locally, for the archive account and without the password', async () => {
    const webmail = await signInAs(MARIO);
    const popup = await openPopup(MARIO);
    const [apple] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Profilo Apple (.mobileconfig)' }).click()]);
    expect(apple.suggestedFilename()).toBe('archivio-mario.rossi.mobileconfig');
    expect(apple.url()).toMatch(/^blob:chrome-extension:/);
    const plist = readFileSync((await apple.path())!, 'utf8');
    expect(plist).toContain('<string>com.apple.mail.managed</string>');
    expect(plist).toContain('<string>mario.rossi_example.it@archivio.postassl.it</string>');
    expect(plist).not.toMatch(/<key>(Incoming|Outgoing)Password<\/key>|archivio-demo/);

    const [thunderbird] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Thunderbird (config-v1.1.xml)' }).click(),
    ]);
    expect(thunderbird.suggestedFilename()).toBe('config-v1.1.xml');
    const xml = readFileSync((await thunderbird.path())!, 'utf8');
    expect(xml).toContain('<clientConfig version="1.1">');
    expect(xml).toContain('<incomingServer type="imap">');
    expect(xml).toContain('<hostname>imaps.archivio.postassl.it</hostname>');
    expect(xml).not.toMatch(/<password>|archivio-demo/);
    expect(await popup.getByRole('status').filter({ hasText: 'Scaricato: config-v1.1.xml' }).count()).toBe(1);
    await popup.close();
    await webmail.close();
  });

  it("shows giulia's archive: write mode, IMAP on, unlimited", async () => {
    const status = await providerStatus(GIULIA);
    expect(status).toMatchObject({ enabled: true, writable: true, imapAccess: true, retentionMonths: null, quotaBytes: null });
    const webmail = await signInAs(GIULIA);
    const popup = await openPopup(GIULIA);

    expect(await text(popup, '[data-status="mode"] dd')).toBe('Scrittura');
    expect(await text(popup, '[data-status="imap"] dd')).toBe('Attivo');
    expect(await text(popup, '[data-status="retention"] dd')).toBe('disattivata');
    expect(await text(popup, '.arc-quota__summary')).toBe(
      `${formatBytes(status.usedBytes, 'it-IT').replace(/\u00a0/g, ' ')} usati · spazio illimitato`,
    );
    expect(await popup.getByRole('meter').count()).toBe(0);
    expect(await popup.locator('[data-imap-off]').count()).toBe(0);
    expect(await popup.locator('[data-quota-warning]').count()).toBe(0);

    expect(await copyAndRead(popup, 'Nome (suggerito)')).toBe('archivio casella giulia.verdi');
    expect(await copyAndRead(popup, 'Indirizzo email')).toBe('giulia.verdi_example.it@archivio.postassl.it');
    expect(await copyAndRead(popup, 'Server posta in entrata')).toBe('imaps.archivio.postassl.it');
    const all = await copyAndRead(popup, 'impostazioni');
    expect(all).toContain('Indirizzo email: giulia.verdi_example.it@archivio.postassl.it');
    expect(all).toContain('Server posta in uscita: smtps.archivio.postassl.it');

    await snapshot(popup, '/tmp/popup-giulia.png');
    await popup.close();
    await webmail.close();
  });

  it('shows the toolbar badge once the quota passes 90 %, and drops it when the quota is back', async () => {
    const webmail = await signInAs(MARIO);
    const { usedBytes } = await providerStatus(MARIO);
    expect(usedBytes).toBeGreaterThan(0);
    let popup = await openPopup(MARIO);
    await expect.poll(badgeText).toBe('');
    await popup.close();

    // 93 % full.
    await testControl(baseUrl, `mailboxes/${MARIO}/quota`, { quotaBytes: Math.floor(usedBytes / 0.93) });
    try {
      popup = await openPopup(MARIO);
      await expect.poll(() => popup.locator('[data-quota-warning]').getAttribute('data-quota-warning'), { timeout: 10_000 }).toBe('warning');
      await expect.poll(badgeText, { timeout: 10_000 }).toBe('93%');
      await snapshot(popup, '/tmp/popup-mario-93.png');
      await popup.close();
    } finally {
      await testControl(baseUrl, `mailboxes/${MARIO}/quota`, { quotaBytes: null });
    }
    expect((await providerStatus(MARIO)).quotaBytes).toBe(1024 ** 3);
    popup = await openPopup(MARIO);
    await expect.poll(() => popup.locator('[data-quota-warning]').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(badgeText, { timeout: 10_000 }).toBe('');
    await popup.close();
    await webmail.close();
  });

  it('"Apri Archivio" brings the webmail tab forward and closes the popup, or opens the webmail', async () => {
    const webmail = await signInAs(MARIO);
    const popup = await openPopup(MARIO);
    await popup.bringToFront();
    await expect.poll(activeTabUrl).toMatch(/^chrome-extension:.*popup\.html/);
    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Apri Archivio' }).click();
    await closed;
    await expect.poll(activeTabUrl).toMatch(new RegExp(`^${baseUrl}/#/archivio`));
    expect(webmail.url().startsWith(baseUrl)).toBe(true);
    await webmail.locator('iframe[title="Archivio"]').waitFor();
    await webmail.close();

    // No webmail tab left: it opens the webmail in a new tab.
    const again = await openPopup(MARIO);
    const [opened] = await Promise.all([browser.context.waitForEvent('page'), again.getByRole('button', { name: 'Apri Archivio' }).click()]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(`${baseUrl}/#/archivio`);
    await opened.locator('iframe[title="Archivio"]').waitFor();
    await opened.close();
  });

  it('options: shows the provider in use, clears the cache after confirming, switches language', async () => {
    const webmail = await signInAs(MARIO);
    const popup = await openPopup(MARIO);
    await popup.close();
    expect(await cachedStatusCount()).toBeGreaterThan(0);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Provider in uso' }).waitFor();
    expect(await options.locator('[data-provider="webmail"]').textContent()).toContain(baseUrl);
    expect(await options.locator('[data-provider="imap"] dd').textContent()).toBe('127.0.0.1, porta 8993, SSL/TLS');
    await options.getByRole('button', { name: 'Svuota cache' }).click();
    expect(await cachedStatusCount()).toBeGreaterThan(0);
    await options.getByRole('button', { name: 'Sì, svuota' }).click();
    await options.getByText('Cache svuotata.').waitFor();
    expect(await cachedStatusCount()).toBe(0);

    await options.getByLabel("Lingua dell'interfaccia").selectOption('en');
    await options.getByRole('heading', { name: 'Provider in use' }).waitFor();
    await options.getByText('Language saved.', { exact: false }).waitFor();
    // Back to automatic: the browser's language (Italian in these runs).
    await options.getByLabel('Interface language').selectOption('auto');
    await options.getByRole('heading', { name: 'Provider in uso' }).waitFor();
    await options.close();
    await webmail.close();
  });

  it('with no webmail session, offers the webmail', async () => {
    await browser.context.clearCookies();
    const webmail = await browser.context.newPage();
    await webmail.goto(baseUrl);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?origin=${encodeURIComponent(baseUrl)}`);
    await popup.getByText('Nessuna sessione della webmail').waitFor({ timeout: 15_000 });
    expect(await popup.getByRole('link', { name: 'Apri la webmail' }).getAttribute('href')).toBe(`${baseUrl}/`);
    expect(await badgeText()).toBe('');
    await popup.close();
    await webmail.close();
  });
});
