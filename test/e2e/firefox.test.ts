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

async function type(page: Page, selector: string, text: string): Promise<void> {
  const element = await page.waitForSelector(selector, { visible: true, timeout: 20_000 });
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
});
