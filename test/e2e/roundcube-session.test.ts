// The archive's own session inside a real Roundcube 1.6 (elastic), in Chromium: Roundcube signs its user in to IMAP,
// the archive API stays on the provider's origin. One sign-in in the Archivio frame serves every tab of the browser
// session; signing out of Roundcube signs the archive out at the provider and clears its cache.
import { join, resolve } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoExtension } from '../support/build';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { freePort, roundcubeInstalled, startRoundcubeStack, type RoundcubeStack } from '../support/roundcube';
import { dialogFrame, openExtensionPage } from './support';

const MARIO = 'mario.rossi@example.it';
const GIULIA = 'giulia.verdi@example.it';
const LUCA = 'luca.neri@example.it';
const POSTMASTER = 'postmaster@example.it';
const PASSWORD = 'archivio-demo';
const ROOT = resolve(import.meta.dirname, '../..');
let stack: RoundcubeStack;
let browser: ExtensionBrowser;
let inspector: Page;
let roundcube: string;
let apiOrigin: string;

beforeAll(async () => {
  if (!roundcubeInstalled()) throw new Error('Roundcube is not installed: npm test installs it (scripts/ensure-roundcube.mjs).');
  const providerPort = await freePort();
  const roundcubePort = await freePort();
  stack = await startRoundcubeStack({ providerPort, roundcubePort });
  roundcube = `http://127.0.0.1:${roundcubePort}`;
  apiOrigin = `http://127.0.0.1:${providerPort}`;
  const outDir = join(ROOT, '.output', `e2e-roundcube-session-${process.pid}`);
  const extensionDir = buildDemoExtension(providerPort, outDir, 'roundcube-demo', { WXT_ROUNDCUBE_PORT: String(roundcubePort) });
  browser = await launchWithExtension(extensionDir);
  inspector = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function signInToRoundcube(page: Page, address = MARIO): Promise<void> {
  await page.goto(`${roundcube}/?_task=mail`);
  await page.locator('#rcmloginuser').fill(address);
  await page.locator('#rcmloginpwd').fill(PASSWORD);
  await page.locator('#rcmloginsubmit').click();
  await page.locator('#taskmenu[role="navigation"]').waitFor({ timeout: 30_000 });
}

async function openArchive(page: Page): Promise<FrameLocator> {
  const item = page.locator('#taskmenu [data-archivio="nav-item"]');
  await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
  await item.click();
  return page.frameLocator('iframe[data-archivio="archive-frame"]');
}

/** What the archive cache holds: the accounts with a folder list, and the rows of every store (all accounts). */
function cacheContents(): Promise<{ accounts: string[]; rows: number }> {
  return inspector.evaluate(async () => {
    if (!(await indexedDB.databases()).some((info) => info.name === 'archivio-cache')) return { accounts: [], rows: 0 };
    const open = indexedDB.open('archivio-cache');
    const db: IDBDatabase = await new Promise((done, fail) => {
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });
    const ask = <T>(request: IDBRequest<T>) => new Promise<T>((done) => (request.onsuccess = () => done(request.result)));
    const stores = ['folders', 'status', 'messages'].filter((name) => db.objectStoreNames.contains(name));
    const counts = await Promise.all(stores.map((name) => ask(db.transaction(name).objectStore(name).count())));
    const accounts = await ask(db.transaction('folders').objectStore('folders').getAllKeys());
    db.close();
    return { accounts: accounts.map(String), rows: counts.reduce((sum, count) => sum + count, 0) };
  });
}

function confirmedIdentities(): Promise<string[]> {
  return inspector.evaluate(async () => {
    const area = (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, { address?: string }>> } } } })
      .chrome.storage.session;
    const stored = await area.get(null);
    return Object.entries(stored)
      .filter(([key]) => key.startsWith('identity:'))
      .map(([key, me]) => `${key}=${me.address}`);
  });
}

async function providerSays(cookie: string): Promise<number> {
  return (await fetch(new URL('/api/session', apiOrigin), { headers: { Cookie: `archivio_session=${cookie}` } })).status;
}

describe('the archive session inside Roundcube', () => {
  it('signs in once in the Archivio frame, serves a second tab without asking, and signs out with Roundcube', async () => {
    const first = await browser.context.newPage();
    await signInToRoundcube(first);
    const frame = await openArchive(first);
    await frame.getByRole('form', { name: "Accedi all'Archivio di sicurezza" }).waitFor({ timeout: 15_000 });
    // Roundcube shows the user above its folder list: the address is prefilled from there, the password is not.
    expect(await frame.getByLabel('Indirizzo email').inputValue()).toBe(MARIO);
    await frame.getByLabel('Password').fill(PASSWORD);
    await frame.getByRole('button', { name: 'Accedi' }).click();
    await frame.getByRole('tree', { name: "Cartelle dell'archivio" }).waitFor({ timeout: 20_000 });
    expect(await confirmedIdentities()).toEqual([`identity:${apiOrigin}=${MARIO}`]);

    const cookie = (await browser.context.cookies(apiOrigin)).find((entry) => entry.name === 'archivio_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await providerSays(cookie!.value)).toBe(200);
    await expect.poll(async () => (await cacheContents()).accounts, { timeout: 15_000 }).toContain(MARIO);

    // A second Roundcube tab: Roundcube's own session and the archive's are both there, no second sign-in.
    const second = await browser.context.newPage();
    await second.goto(`${roundcube}/?_task=mail&_mbox=INBOX`);
    await second.locator('#taskmenu[role="navigation"]').waitFor({ timeout: 30_000 });
    const secondFrame = await openArchive(second);
    await secondFrame.getByRole('tree', { name: "Cartelle dell'archivio" }).waitFor({ timeout: 20_000 });
    expect(await secondFrame.getByLabel('Password').count()).toBe(0);
    await second.close();

    // Signing out of Roundcube: its login page tells the content script, the background ends the archive session.
    await first.locator('#taskmenu a.logout').click();
    await first.locator('#rcmloginuser').waitFor({ timeout: 30_000 });
    await expect.poll(() => providerSays(cookie!.value), { timeout: 15_000 }).toBe(401);
    await expect.poll(cacheContents, { timeout: 15_000 }).toEqual({ accounts: [], rows: 0 });
    await expect.poll(confirmedIdentities).toEqual([]);

    // Signed in to Roundcube again, the archive asks for its own sign-in again.
    await signInToRoundcube(first);
    const again = await openArchive(first);
    await again.getByRole('form', { name: "Accedi all'Archivio di sicurezza" }).waitFor({ timeout: 15_000 });
  });
});

describe("the postmaster's domain archive in Roundcube's settings", () => {
  it('lists the domain in a settings section with the archive column, opens a mailbox, disables with the typed address, and bulk-edits', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signInToRoundcube(page, POSTMASTER);
    const frame = await openArchive(page);
    expect(await frame.getByLabel('Indirizzo email').inputValue()).toBe(POSTMASTER);
    await frame.getByLabel('Password').fill(PASSWORD);
    await frame.getByRole('button', { name: 'Accedi' }).click();
    // The postmaster's own archive is off in the demo data: the frame says so instead of the form.
    await frame.locator('[data-state="off"]').waitFor({ timeout: 20_000 });

    await page.goto(`${roundcube}/?_task=settings`);
    const entry = page.locator('#settings-menu li.listitem.archivio a');
    await entry.waitFor({ timeout: 15_000 });
    expect(await entry.textContent()).toBe('Archivio del dominio');
    await entry.click();
    const section = page.getByRole('region', { name: 'Archivio del dominio' });
    await section.waitFor();
    expect(await page.locator('#layout-content').isHidden()).toBe(true);
    await section.getByRole('columnheader', { name: 'Spazio archivio' }).waitFor({ timeout: 15_000 });
    for (const mailbox of [MARIO, GIULIA, LUCA]) await section.getByRole('checkbox', { name: `Seleziona ${mailbox}` }).waitFor();
    // The demo data leaves Luca's archive off: the column offers to turn it on.
    await section.getByRole('button', { name: `Attiva l'archivio di ${LUCA}` }).waitFor({ timeout: 15_000 });

    // One mailbox's archive settings: the same postmaster frame as the mailbox detail's tab, shown at once.
    await section.getByRole('button', { name: `Impostazioni dell'archivio di ${MARIO}` }).click();
    const settings = page.frameLocator('#archivio-panel iframe');
    const active = settings.getByRole('switch', { name: 'Archivio attivo' });
    await active.waitFor({ timeout: 15_000 });
    expect(await active.getAttribute('aria-checked')).toBe('true');

    // Turning it off asks for the address typed exactly, in the page-wide dialog frame.
    await active.click();
    const dialog = (await dialogFrame(page)).getByRole('alertdialog', { name: `Disattivare l'archivio di ${MARIO}?` });
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: 'Disattiva e cancella tutto' });
    const typed = dialog.getByLabel(/Per confermare, digita l'indirizzo della casella/);
    await typed.fill('MARIO.ROSSI@EXAMPLE.IT');
    expect(await confirm.isDisabled()).toBe(true);
    await typed.fill(MARIO);
    await expect.poll(() => confirm.isDisabled()).toBe(false);
    await confirm.click();
    await (await dialogFrame(page)).getByRole('dialog', { name: 'Archivio disattivato' }).waitFor();
    await (await dialogFrame(page)).getByRole('button', { name: 'Chiudi' }).click();
    await expect.poll(() => active.getAttribute('aria-checked'), { timeout: 15_000 }).toBe('false');
    // The column follows: Mario's archive can now be turned on again from the list.
    await section.getByRole('button', { name: `Attiva l'archivio di ${MARIO}` }).waitFor({ timeout: 15_000 });

    // Several mailboxes at once: the selection bar and the bulk panel.
    for (const mailbox of [GIULIA, LUCA]) await section.getByRole('checkbox', { name: `Seleziona ${mailbox}` }).check();
    await expect
      .poll(() => section.getByRole('region', { name: 'Caselle selezionate' }).getByRole('status').textContent())
      .toBe('2 caselle selezionate');
    await section.getByRole('button', { name: "Gestisci l'archivio…" }).click();
    await (await dialogFrame(page)).getByRole('dialog', { name: 'Archivio di 2 caselle' }).waitFor();
  });
});
