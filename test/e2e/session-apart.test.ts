// The archive API apart from the webmail, in Chromium: the demo webmail on `localhost`, the archive API on
// `127.0.0.1` (another origin and cookie jar, as behind a third-party webmail). One sign-in in the archive frame
// serves every tab; the webmail's sign-out signs the archive out and clears its cache.
import { join, resolve } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDemoExtension } from '../support/build';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { expectClean } from './axe';
import { openExtensionPage, signInOnWebmail } from './support';

const MARIO = 'mario.rossi@example.it';
const ROOT = resolve(import.meta.dirname, '../..');
let browser: ExtensionBrowser;
let webmail: string;
let apiOrigin: string;
let inspector: Page;

beforeAll(async () => {
  const port = inject('e2ePort');
  webmail = `http://localhost:${port}`;
  apiOrigin = `http://127.0.0.1:${port}`;
  const extensionDir = buildDemoExtension(port, join(ROOT, '.output', `e2e-apart-${process.pid}`), 'demo-apart');
  browser = await launchWithExtension(extensionDir);
  inspector = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
});

afterAll(async () => {
  await browser?.close();
});

const archiveItem = (page: Page) =>
  page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Archivio', exact: true });
const archive = (page: Page): FrameLocator => page.frameLocator('main#content iframe[title="Archivio"]');

async function openArchive(page: Page): Promise<FrameLocator> {
  await expect.poll(() => archiveItem(page).count(), { timeout: 15_000 }).toBe(1);
  await archiveItem(page).click();
  return archive(page);
}

/** Accounts with anything in the archive cache, read from an extension page (never creating the database). */
function cachedAccounts(): Promise<string[]> {
  return inspector.evaluate(async () => {
    if (!(await indexedDB.databases()).some((info) => info.name === 'archivio-cache')) return [];
    const open = indexedDB.open('archivio-cache');
    const db: IDBDatabase = await new Promise((done, fail) => {
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });
    const request = db.transaction('folders').objectStore('folders').getAllKeys();
    const keys = await new Promise<IDBValidKey[]>((done) => (request.onsuccess = () => done(request.result)));
    db.close();
    return keys.map(String);
  });
}

/** The background's session storage: which archive session is confirmed for whom. */
function sessionStorage(): Promise<Record<string, unknown>> {
  return inspector.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.session.get(
      null,
    ),
  );
}

async function providerSays(cookie: string): Promise<number> {
  return (await fetch(new URL('/api/session', apiOrigin), { headers: { Cookie: `archivio_session=${cookie}` } })).status;
}

describe('the archive API apart from the webmail, in Chromium', () => {
  it('signs in once in the archive frame for every tab, and signs out with the webmail', async () => {
    const first = await browser.context.newPage();
    await signInOnWebmail(first, webmail, MARIO);
    // The webmail's own session is on its host; the archive's origin has none yet.
    expect((await browser.context.cookies(apiOrigin)).some((cookie) => cookie.name === 'archivio_session' && cookie.domain === '127.0.0.1')).toBe(
      false,
    );

    const frame = await openArchive(first);
    const form = frame.getByRole('form', { name: "Accedi all'Archivio di sicurezza" });
    await form.waitFor({ timeout: 15_000 });
    // The address the webmail shows is prefilled (a hint); the password starts empty and is focused.
    expect(await frame.getByLabel('Indirizzo email').inputValue()).toBe(MARIO);
    expect(await frame.getByLabel('Password').inputValue()).toBe('');

    await frame.getByLabel('Password').fill('sbagliata');
    await frame.getByRole('button', { name: 'Accedi' }).click();
    await expect.poll(() => frame.getByRole('alert').textContent()).toBe('Indirizzo o password non corretti.');
    expect(await frame.getByLabel('Password').inputValue()).toBe('');
    // The form, with its error on screen, passes axe-core (serious and critical findings), in its own document.
    const frameDocument = await (await first.locator('main#content iframe[title="Archivio"]').elementHandle())!.contentFrame();
    await expectClean(frameDocument!, 'archive sign-in');

    await frame.getByLabel('Password').fill('archivio-demo');
    await frame.getByRole('button', { name: 'Accedi' }).click();
    await frame.getByRole('tree', { name: "Cartelle dell'archivio" }).waitFor({ timeout: 15_000 });

    // Measured: the background's sign-in left the provider's cookie at the API origin, HttpOnly and SameSite=Lax.
    const cookie = (await browser.context.cookies(apiOrigin)).find((entry) => entry.name === 'archivio_session' && entry.domain === '127.0.0.1');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', expires: -1 });
    expect(await providerSays(cookie!.value)).toBe(200);
    expect(Object.values(await sessionStorage())).toContainEqual(expect.objectContaining({ address: MARIO }));
    expect(JSON.stringify(await sessionStorage())).not.toContain('archivio-demo');

    // A second tab of the same browser session: the archive opens straight away, no second sign-in.
    const second = await browser.context.newPage();
    await second.goto(`${webmail}/?second#/posta/inbox`);
    const secondFrame = await openArchive(second);
    await secondFrame.getByRole('tree', { name: "Cartelle dell'archivio" }).waitFor({ timeout: 15_000 });
    expect(await secondFrame.getByLabel('Password').count()).toBe(0);
    // And the popup shows the archive, not a sign-in.
    const popup = await openExtensionPage(browser.context, browser.extensionId, 'popup.html');
    await popup.locator(`[data-account="${MARIO}"]`).waitFor({ timeout: 15_000 });
    expect(await popup.locator('[data-state="sign-in-archive"]').count()).toBe(0);
    await expect.poll(cachedAccounts, { timeout: 15_000 }).toContain(MARIO);

    // Signing out of the webmail signs the archive out: its cookie is dead at the provider, its cache is gone.
    await second.close();
    await first.getByRole('button', { name: 'Esci' }).click();
    await first.getByLabel('Indirizzo email').waitFor();
    await expect.poll(() => providerSays(cookie!.value), { timeout: 15_000 }).toBe(401);
    await expect.poll(cachedAccounts, { timeout: 15_000 }).toEqual([]);
    await expect.poll(async () => Object.entries(await sessionStorage()).filter(([key]) => key.startsWith('identity:')).length).toBe(0);
    // The popup, reopened, sends the user to the archive's own sign-in.
    await popup.reload();
    await popup.locator('[data-state="sign-in-archive"]').waitFor({ timeout: 15_000 });
  });
});
