// The store build as users get it: `npm run build` and the Chrome zip of `npm run zip`, loaded in Chromium on the
// provider's real host name (webmail.aruba.it, served on loopback with the webmail's markup; the archive API passed
// through to the reference provider). No demo build, no demo port: the manifest is the one that ships.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import JSZip from 'jszip';
import nodemailer from 'nodemailer';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveStatus, MessageSummary } from '../../utils/api/schemas';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { startProvider, type RunningProvider } from '../support/provider';
import { signIn } from '../support/session';
import { manifestPatternProblems } from '../unit/build/chrome-match-pattern';
import { STORE_ORIGIN, startStoreWebmail, type StoreWebmail } from './store-webmail';

const ROOT = resolve(import.meta.dirname, '../..');
const MARIO = 'mario.rossi@example.it';
const GIULIA = 'giulia.verdi@example.it';
const LUCA = 'luca.neri@example.it';
const POSTMASTER = 'postmaster@example.it';

const work = mkdtempSync(join(tmpdir(), 'archivio-store-'));
const builtDir = join(work, 'build', 'chrome-mv3');
const zippedDir = join(work, 'from-zip');
let webmail: StoreWebmail;
let provider: RunningProvider;
let baseUrl: string;

function npmRun(script: string, outDir: string): void {
  execFileSync('npm', ['run', script], { cwd: ROOT, env: { ...process.env, ARCHIVIO_OUT_DIR: outDir, WXT_DEMO_PORT: '' }, stdio: 'pipe' });
}

/** Unpacks a zip as a user's browser gets it from the store, with a reader of its own (not the tool that wrote it). */
async function unzip(file: string, into: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const target = resolve(into, entry.name);
    if (!target.startsWith(into)) throw new Error(`zip entry outside the folder: ${entry.name}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await entry.async('nodebuffer'));
  }
}

beforeAll(async () => {
  // A provider deployed behind the webmail's host, as a real one is: it takes writes from that origin (and the extension).
  provider = await startProvider({ seed: true, testMode: true, publicOrigin: STORE_ORIGIN });
  baseUrl = provider.url;
  webmail = await startStoreWebmail(baseUrl);
  npmRun('build', join(work, 'build'));
  npmRun('zip', join(work, 'zip'));
  const chromeZip = readdirSync(join(work, 'zip')).find((name) => name.endsWith('-chrome.zip'));
  if (!chromeZip) throw new Error(`npm run zip wrote no Chrome zip: ${readdirSync(join(work, 'zip')).join(', ')}`);
  await unzip(join(work, 'zip', chromeZip), zippedDir);
});

afterAll(async () => {
  await webmail?.close();
  rmSync(work, { recursive: true, force: true });
  await provider?.stop();
});

/** Signs in on the webmail host through the provider's sign-in (passed through), then opens `path` there. */
async function signedInPage(context: BrowserContext, address: string, path: string): Promise<Page> {
  await context.clearCookies();
  const page = await context.newPage();
  await page.goto(`${STORE_ORIGIN}/new/mail/inbox`);
  const status = await page.evaluate(async (account) => {
    const response = await fetch('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ address: account, password: 'archivio-demo' }),
    });
    return response.status;
  }, address);
  expect(status).toBe(200);
  await page.goto(`${STORE_ORIGIN}${path}`);
  return page;
}

/** A real mail through the provider's SMTP intake, and its archived summary as the provider lists it. */
async function deliver(to: string, subject: string, text: string): Promise<MessageSummary> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: provider.smtpPort, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ from: 'Studio Bianchi <studio@bianchi.example.org>', to, subject, text });
  } finally {
    transport.close();
  }
  const session = await signIn(baseUrl, to);
  const token = subject.split(' ').at(-1)!;
  const response = await session.fetch(
    new URL(`/api/archive/v1/mailboxes/${encodeURIComponent(to)}/archive/search?q=${encodeURIComponent(token)}&limit=2`, baseUrl),
  );
  const found = ((await response.json()) as { items: MessageSummary[] }).items;
  expect(found.map((item) => item.subject)).toEqual([subject]);
  return found[0]!;
}

async function providerStatus(address: string): Promise<ArchiveStatus> {
  const session = await signIn(baseUrl, address);
  const response = await session.fetch(new URL(`/api/archive/v1/mailboxes/${encodeURIComponent(address)}/archive`, baseUrl));
  return (await response.json()) as ArchiveStatus;
}

/** The extension's content-script worlds in a page (DevTools lists every execution context when asked). */
async function extensionWorlds(page: Page, extensionId: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const origins: string[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => origins.push(context.origin));
  await cdp.send('Runtime.enable');
  await cdp.detach();
  return origins.filter((origin) => origin === `chrome-extension://${extensionId}`);
}

const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe.each([
  { source: 'npm run build', folder: () => builtDir },
  { source: 'the Chrome zip of npm run zip', folder: () => zippedDir },
])('the store build from $source', ({ folder }) => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension(folder(), { args: webmail.chromiumArgs });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is the store manifest, accepted by Chrome: its service worker runs', async () => {
    const manifest = JSON.parse(readFileSync(join(folder(), 'manifest.json'), 'utf8'));
    expect(manifest.content_scripts[0].matches).toEqual(['https://webmail.aruba.it/new/*']);
    expect(manifest.host_permissions).toEqual(['https://webmail.aruba.it/*']);
    expect(manifestPatternProblems(manifest)).toEqual([]);
    const worker = await browser.worker();
    expect(worker.url()).toBe(`chrome-extension://${browser.extensionId}/background.js`);
    expect(await worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { id: string } } }).chrome.runtime.id)).toBe(
      browser.extensionId,
    );
  });

  it('adds "Archivio" to the webmail navigation; the archive lists a message delivered over SMTP and opens it', async () => {
    const token = randomBytes(4).toString('hex');
    const mail = await deliver(MARIO, `Preventivo lavori ${token}`, `Gentile Mario, in allegato il preventivo ${token}.`);
    // A page of the same host outside /new/, opened first: the content script must never run there.
    const outside = await browser.context.newPage();
    await outside.goto(`${STORE_ORIGIN}/classic/`);
    const page = await signedInPage(browser.context, MARIO, '/new/mail/inbox');

    // Injected into the navbar's own list (inside its shadow root), as a sibling of the host's items.
    const item = page.locator('aru-navbar nav ul > [data-archivio="nav-item"]');
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
    expect(plain(await item.textContent())).toBe('Archivio');
    const labels = await page.locator('aru-navbar nav ul > li').allTextContents();
    expect(labels.map(plain)).toEqual(['Posta', 'Contatti', 'Calendario', 'Impostazioni', 'Archivio']);
    expect(await outside.locator('[data-archivio]').count()).toBe(0);
    expect(await extensionWorlds(outside, browser.extensionId)).toEqual([]);
    expect(await extensionWorlds(page, browser.extensionId)).toHaveLength(1);
    expect(await outside.locator('aru-navbar nav ul > li').count()).toBe(4);
    await outside.close();

    await item.locator('[data-archivio-control]').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#archivio');
    const frameElement = page.locator('main iframe[data-archivio="archive-frame"]');
    await frameElement.waitFor();
    const src = new URL((await frameElement.getAttribute('src'))!);
    expect(`${src.protocol}${src.pathname}`).toBe('chrome-extension:/archive.html');
    // `use_dynamic_url`: this session's address, not the extension's fixed id.
    expect(src.host).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const app = page.frameLocator('main iframe[data-archivio="archive-frame"]');
    await app.getByRole('tree', { name: "Cartelle dell'archivio" }).waitFor({ timeout: 20_000 });
    await app.locator(`[role=treeitem][data-folder-id="${mail.folderId}"]`).click();
    const row = app.locator(`[role=option][data-message-id="${mail.id}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain(mail.subject);
    await row.click();
    expect(plain(await app.locator('.reader-headers').textContent())).toContain(mail.subject);
    // A plain-text mail is shown as text, never as markup.
    expect(plain(await app.locator('.body-text').textContent())).toBe(`Gentile Mario, in allegato il preventivo ${token}.`);

    // Everything went to the webmail's own host, which handed the archive API to the provider.
    expect(webmail.requests).toContain('GET /api/archive/v1/me');
    expect(webmail.requests.some((line) => line.startsWith(`GET /api/archive/v1/mailboxes/${encodeURIComponent(MARIO)}/archive/folders`))).toBe(true);
    await page.close();
  });

  it("gives the postmaster the archive column in the mailbox list and the mailbox's Archivio tab", async () => {
    const list = await signedInPage(browser.context, POSTMASTER, '/new/management/mailboxes');
    const states = () =>
      list
        .locator('td[data-archivio-cell="spazio-archivio"] [data-archivio-host]')
        .evaluateAll((hosts) => hosts.map((host) => `${(host as HTMLElement).dataset.mailbox}:${(host as HTMLElement).dataset.state}`));
    await expect.poll(states, { timeout: 15_000 }).toEqual([`${MARIO}:on`, `${GIULIA}:on`, `${LUCA}:off`]);
    await list.close();

    const detail = await browser.context.newPage();
    await detail.goto(`${STORE_ORIGIN}/new/management/mailboxes/${encodeURIComponent(GIULIA)}`);
    const tab = detail.locator('[role=tablist] [data-archivio-tab]');
    await tab.waitFor({ timeout: 15_000 });
    await tab.click();
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    const settings = detail.frameLocator('[data-archivio-panel] iframe');
    const enabled = settings.getByRole('switch', { name: 'Archivio attivo' });
    await enabled.waitFor({ timeout: 15_000 });
    expect(await enabled.getAttribute('aria-checked')).toBe('true');
    expect(await settings.getByRole('switch', { name: "Accesso all'Archivio tramite IMAP" }).getAttribute('aria-checked')).toBe(
      String((await providerStatus(GIULIA)).imapAccess),
    );
    await detail.close();
  });

  it("shows the signed-in user's archive status and client settings in the popup", async () => {
    const webmailPage = await signedInPage(browser.context, MARIO, '/new/mail/inbox');
    const status = await providerStatus(MARIO);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?origin=${encodeURIComponent(STORE_ORIGIN)}`);
    await popup.locator(`[data-account="${MARIO}"]`).waitFor({ timeout: 15_000 });
    expect(plain(await popup.locator('[data-status="enabled"] dd').textContent())).toBe('Attivo');
    expect(plain(await popup.locator('[data-status="mode"] dd').textContent())).toBe('Sola lettura');
    const text = plain(await popup.locator('body').textContent());
    expect(text).toContain(status.imap.host);
    expect(text).toContain(status.smtp.host);
    await popup.close();
    await webmailPage.close();
  });

  it('links the options page to the privacy notice packaged with the extension', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const opened = browser.context.waitForEvent('page');
    await options.getByRole('link', { name: 'Informativa completa sulla privacy' }).click();
    const notice = await opened;
    await notice.waitForLoadState();
    expect(notice.url()).toBe(`chrome-extension://${browser.extensionId}/privacy.html`);
    expect(await notice.getByRole('heading', { level: 1 }).textContent()).toBe('Archivio — privacy');
    expect(await notice.locator('section[lang="en"] h2').textContent()).toBe('English');
    expect(plain(await notice.locator('section[lang="it"]').textContent())).toContain('nessuna telemetria');
    await notice.close();
    await options.close();
  });
});
