// The Firefox package end to end: the store-style zip of the demo build, installed in Debian's Firefox ESR (headless,
// WebDriver BiDi), against a seeded reference provider. Run by `npm test` only when Firefox is there.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import JSZip from 'jszip';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from '../support/firefox';
import { startProvider, removeDataDir, type RunningProvider } from '../support/provider';
import { signIn } from '../support/session';

const ROOT = resolve(import.meta.dirname, '../..');
const MARIO = 'mario.rossi@example.it';
const POSTMASTER = 'postmaster@example.it';
const LUCA = 'luca.neri@example.it';

let provider: RunningProvider;
let firefox: FirefoxWithExtension;
let workDir: string;
let webmail: Page;

/** Builds the Firefox package as the store gets it (`wxt zip -b firefox`) and unpacks it. */
async function firefoxPackage(port: number): Promise<string> {
  const outDir = join(workDir, 'output');
  execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'zip', '-b', 'firefox', '--mode', 'demo'], {
    cwd: ROOT,
    env: { ...process.env, WXT_DEMO_PORT: String(port), ARCHIVIO_OUT_DIR: outDir },
    stdio: 'pipe',
  });
  const zipName = readdirSync(outDir).find((name) => name.endsWith('-firefox.zip'));
  if (!zipName) throw new Error(`no Firefox zip in ${readdirSync(outDir).join(', ')}`);
  const zip = await JSZip.loadAsync(readFileSync(join(outDir, zipName)));
  const dir = join(workDir, 'extension');
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const target = join(dir, entry.name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await entry.async('nodebuffer'));
  }
  return dir;
}

/**
 * Clicks or types through element handles: puppeteer's Locator actions stall on the webmail's password field in
 * Firefox ESR 153.8 over BiDi (its readiness checks never settle), while the same input through a handle goes through.
 */
async function click(scope: Page | Frame, selector: string): Promise<void> {
  const element = await scope.waitForSelector(selector, { visible: true, timeout: 20_000 });
  await element!.click();
}

async function type(scope: Page | Frame, selector: string, text: string): Promise<void> {
  const element = await scope.waitForSelector(selector, { visible: true, timeout: 20_000 });
  await element!.type(text);
}

async function signInOnWebmail(page: Page, address: string): Promise<void> {
  await page.goto(provider.url);
  await type(page, '#login-address', address);
  await type(page, '#login-password', 'archivio-demo');
  await click(page, '#login-form button[type=submit]');
  await page.waitForSelector(`[data-account="${address}"]`, { timeout: 15_000 });
}

async function signOut(page: Page): Promise<void> {
  await click(page, 'nav button[data-nav="esci"]');
  await page.waitForSelector('#login-form', { timeout: 15_000 });
}

/** The archive frame inside the webmail's content area. */
async function archiveFrame(page: Page): Promise<Frame> {
  const element = await page.waitForSelector('main#content iframe[title="Archivio"]', { timeout: 20_000 });
  const frame = await element!.contentFrame();
  await frame.waitForSelector('[role=tree]', { timeout: 20_000 });
  return frame;
}

/** A postmaster.html frame on the page: the mailbox's Archivio tab, or one of our dialogs (in its own shadow host). */
async function postmasterFrame(page: Page, where: 'tab' | 'dialog'): Promise<Frame> {
  let found: Frame | undefined;
  await expect
    .poll(
      async () => {
        for (const frame of page.frames()) {
          if (!frame.url().startsWith(`${firefox.extensionOrigin}/postmaster.html`)) continue;
          const element = await frame.frameElement().catch(() => null);
          const here = await element
            ?.evaluate(
              (iframe, kind) =>
                kind === 'tab'
                  ? iframe.closest('#archivio-panel') !== null
                  : ((iframe.getRootNode() as ShadowRoot).host?.hasAttribute('data-archivio-dialog') ?? false),
              where,
            )
            .catch(() => false);
          if (here) found = frame;
        }
        return found !== undefined;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}

async function archiveStatus(mailbox: string): Promise<{ enabled: boolean; retentionMonths: number | null }> {
  const session = await signIn(provider.url, POSTMASTER);
  const response = await session.fetch(new URL(`/api/archive/v1/mailboxes/${encodeURIComponent(mailbox)}/archive`, provider.url));
  expect(response.status).toBe(200);
  return (await response.json()) as { enabled: boolean; retentionMonths: number | null };
}

const switchState = (frame: Frame, name: string) =>
  frame.$eval(`::-p-aria(${name}[role="switch"])`, (element) => element.getAttribute('aria-checked'));

async function inboxCopies(messageId: string): Promise<number> {
  const session = await signIn(provider.url, MARIO);
  const response = await session.fetch(new URL('/api/mail/folders/inbox/messages?limit=200', provider.url));
  expect(response.status).toBe(200);
  const { items } = (await response.json()) as { items: { messageId: string }[] };
  return items.filter((item) => item.messageId === messageId).length;
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'archivio-firefox-'));
  provider = await startProvider({ seed: true, testMode: true });
  firefox = await launchFirefoxWithExtension(await firefoxPackage(provider.port));
  webmail = await firefox.browser.newPage();
  await webmail.setViewport({ width: 1280, height: 800 });
});

afterAll(async () => {
  await firefox?.close();
  await provider?.stop();
  if (provider) removeDataDir(provider.dataDir);
  rmSync(workDir, { recursive: true, force: true });
});

describe('the Firefox package in Firefox ESR', () => {
  it('adds the Archivio tab to the webmail navigation once signed in', async () => {
    await signInOnWebmail(webmail, MARIO);
    const item = await webmail.waitForSelector('nav.main-nav [data-archivio="nav-item"] a', { timeout: 15_000 });
    expect(await item!.evaluate((link) => link.textContent)).toBe('Archivio');
  });

  it('lists archived messages in the archive frame, opens one and restores it into the inbox', async () => {
    await click(webmail, 'nav.main-nav [data-archivio="nav-item"] a');
    const app = await archiveFrame(webmail);
    expect(await app.evaluate(() => location.href)).toMatch(new RegExp(`^${firefox.extensionOrigin}/archive\\.html`));

    const months = await app.$$eval('[role=treeitem][data-folder-id^="inbox-"]', (items) =>
      items.map((item) => item.getAttribute('data-folder-id')!),
    );
    expect(months.length).toBeGreaterThan(0);
    await click(app, `[role=treeitem][data-folder-id="${months.at(-1)}"]`);
    const first = await app.waitForSelector('[role=option][data-message-id]', { timeout: 15_000 });
    const archiveId = await first!.evaluate((row) => row.getAttribute('data-message-id')!);
    await first!.click();
    await app.waitForSelector('.reader-headers', { timeout: 15_000 });

    const session = await signIn(provider.url, MARIO);
    const response = await session.fetch(
      new URL(`/api/archive/v1/mailboxes/${encodeURIComponent(MARIO)}/archive/messages/${encodeURIComponent(archiveId)}`, provider.url),
    );
    expect(response.status).toBe(200);
    const { messageId } = (await response.json()) as { messageId: string };
    const before = await inboxCopies(messageId);

    await click(app, '[data-action="restore"]');
    const notice = await app.waitForSelector('[data-notice="success"]', { timeout: 15_000 });
    expect(await notice!.evaluate((element) => element.textContent)).toContain('Messaggio ripristinato');
    await expect.poll(() => inboxCopies(messageId), { timeout: 10_000 }).toBe(before + 1);
  });

  it('opens the popup page, which shows the signed-in mailbox and its archive', async () => {
    // WebDriver BiDi may not navigate a tab to moz-extension:// itself; an extension page may open one.
    const app = await archiveFrame(webmail);
    const before = new Set(await firefox.browser.pages());
    await app.evaluate(() => void window.open(browser.runtime.getURL('/popup.html'), '_blank'));
    await expect.poll(async () => (await firefox.browser.pages()).filter((page) => !before.has(page)).length, { timeout: 15_000 }).toBe(1);
    const popup = (await firefox.browser.pages()).find((page) => !before.has(page))!;
    await popup.waitForFunction((origin) => location.href.startsWith(`${origin}/popup.html`), { timeout: 15_000 }, firefox.extensionOrigin);
    await popup.waitForFunction((address) => document.body.innerText.includes(address), { timeout: 20_000 }, MARIO);
    expect(await popup.evaluate(() => document.body.innerText)).toContain('Archivio');
    await popup.close();
  });

  it("adds the postmaster's column to Gestione → Caselle", async () => {
    await webmail.bringToFront();
    await webmail.goto(`${provider.url}/#/posta/inbox`);
    await webmail.waitForSelector('nav.main-nav button[data-nav="esci"]', { timeout: 15_000 });
    await signOut(webmail);
    await signInOnWebmail(webmail, POSTMASTER);
    await webmail.goto(`${provider.url}/#/gestione/caselle`);
    const header = await webmail.waitForSelector('::-p-aria(Spazio archivio[role="columnheader"])', { timeout: 20_000 });
    expect(header).not.toBeNull();
  });

  it("opens a mailbox's Archivio tab, which shows the provider's settings and changes the deletion period", async () => {
    await webmail.goto(`${provider.url}/#/gestione/caselle`);
    await click(webmail, `tr[data-mailbox="${MARIO}"] a`);
    await click(webmail, '::-p-aria(Archivio[role="tab"])');
    const tab = await postmasterFrame(webmail, 'tab');
    await tab.waitForSelector('::-p-aria(Archivio attivo[role="switch"])', { timeout: 20_000 });
    expect(await switchState(tab, 'Archivio attivo')).toBe('true');
    expect(await switchState(tab, 'Archivio in scrittura')).toBe('false');
    const period = await tab.waitForSelector('select');
    expect(await period!.evaluate((select) => (select as HTMLSelectElement).value)).toBe('24');
    await period!.select('36');
    await expect.poll(async () => (await archiveStatus(MARIO)).retentionMonths, { timeout: 15_000 }).toBe(36);
    expect(await webmail.evaluate(() => location.hash)).toBe(`#/gestione/caselle/${MARIO}/archivio`);
  });

  it('turns an archive on from the column after a confirmation in our dialog frame, and off only once the address is typed', async () => {
    await webmail.goto(`${provider.url}/#/gestione/caselle`);
    expect((await archiveStatus(LUCA)).enabled).toBe(false);
    await click(webmail, `tr[data-mailbox="${LUCA}"] td[data-archivio-cell="spazio-archivio"] >>> button.enable`);
    const enable = await postmasterFrame(webmail, 'dialog');
    await enable.waitForSelector(`::-p-aria(Attivare l'archivio di ${LUCA}?[role="dialog"])`, { timeout: 20_000 });
    expect((await archiveStatus(LUCA)).enabled).toBe(false);
    await click(enable, `::-p-aria(Attiva l'archivio[role="button"])`);
    await expect.poll(() => webmail.$$eval('[data-archivio-dialog]', (hosts) => hosts.length), { timeout: 15_000 }).toBe(0);
    expect((await archiveStatus(LUCA)).enabled).toBe(true);

    await click(webmail, `tr[data-mailbox="${LUCA}"] a`);
    await click(webmail, '::-p-aria(Archivio[role="tab"])');
    const tab = await postmasterFrame(webmail, 'tab');
    await expect.poll(() => switchState(tab, 'Archivio attivo').catch(() => null), { timeout: 20_000 }).toBe('true');
    await click(tab, '::-p-aria(Archivio attivo[role="switch"])');
    const disable = await postmasterFrame(webmail, 'dialog');
    await disable.waitForSelector(`::-p-aria(Disattivare l'archivio di ${LUCA}?[role="alertdialog"])`, { timeout: 20_000 });
    const confirm = await disable.waitForSelector('::-p-aria(Disattiva e cancella tutto[role="button"])');
    const disabled = () => confirm!.evaluate((button) => (button as HTMLButtonElement).disabled);
    expect(await disabled()).toBe(true);
    await type(disable, 'input', LUCA.toUpperCase());
    expect(await disabled()).toBe(true);
    await disable.$eval('input', (input) => ((input as HTMLInputElement).value = ''));
    await type(disable, 'input', LUCA);
    await expect.poll(disabled, { timeout: 10_000 }).toBe(false);
    expect((await archiveStatus(LUCA)).enabled).toBe(true);
    await confirm!.click();
    await disable.waitForSelector('::-p-aria(Archivio disattivato[role="dialog"])', { timeout: 20_000 });
    expect((await archiveStatus(LUCA)).enabled).toBe(false);
  });
});
