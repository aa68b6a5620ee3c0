// Foundation: the background reaches the provider with the webmail session, caches folders, answers offline from cache.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { startProvider } from '../support/provider';
import { callBackground, openExtensionPage, signInOnWebmail } from './support';

const MARIO = 'mario.rossi@example.it';
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension(inject('extensionDir'));
});

afterAll(async () => {
  await browser?.close();
});

interface FolderReply {
  value: { folders: { id: string; kind: string; messageCount: number }[] };
  freshness: { source: string; offline: boolean; stale: boolean; fetchedAt: number };
}

let inspector: Page | null = null;

/**
 * Mario's folder list as the cache stores it, read from an extension page (same origin as the worker). A page is
 * used because a worker handle goes dead when the browser stops an idle worker, and evaluating on it then hangs;
 * options.html asks the background nothing, so reading does not fill the cache.
 */
async function cachedFolders(): Promise<{ id: string }[] | null> {
  inspector ??= await openExtensionPage(browser.context, browser.extensionId, 'options.html');
  return inspector.evaluate(async (account) => {
    // Never create the database here: that is the background's job (an empty one would be in its way).
    if (!(await indexedDB.databases()).some((info) => info.name === 'archivio-cache')) return null;
    const open = indexedDB.open('archivio-cache');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    if (!db.objectStoreNames.contains('folders')) return null;
    const request = db.transaction('folders').objectStore('folders').get(account);
    const record = await new Promise<{ folders: { id: string }[] } | undefined>((resolve) => (request.onsuccess = () => resolve(request.result)));
    db.close();
    return record ? record.folders : null;
  }, MARIO);
}

/** Stops the extension's service worker the way the browser does when it idles (measured recipe: TOOLING.md). */
async function stopServiceWorker(): Promise<void> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const before = await browser.worker();
  await before.evaluate(() => ((globalThis as { marker?: string }).marker = 'old worker'));
  const closed = new Promise((resolve) => before.once('close', resolve));
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  await page.close();
}

/** The marker set before the stop is gone: the answer came from a new worker, with none of the old globals. */
async function workerIsFresh(): Promise<boolean> {
  const workers = browser.context.serviceWorkers();
  const current = workers[workers.length - 1]!;
  const marker = await Promise.race([
    current.evaluate(() => (globalThis as { marker?: string }).marker ?? 'none'),
    new Promise<string>((resolve) => setTimeout(() => resolve('unanswered'), 3_000)),
  ]);
  return marker === 'none';
}

describe('foundation end to end', () => {
  it('opens the first-run page once on install, saying what to do next', async () => {
    const welcomeUrl = `chrome-extension://${browser.extensionId}/welcome.html`;
    await expect.poll(() => browser.context.pages().filter((page) => page.url() === welcomeUrl).length).toBe(1);
    const welcome = browser.context.pages().find((page) => page.url() === welcomeUrl)!;
    await welcome.getByRole('heading', { name: 'Archivio è pronto' }).waitFor();
    expect(await welcome.getByRole('link', { name: /^Apri / }).getAttribute('href')).toBe(`${inject('e2eProviderUrl')}/`);
    await welcome.close();
  });

  it("clears the account's cache when the user signs out of the webmail", async () => {
    const webmail = await browser.context.newPage();
    await signInOnWebmail(webmail, inject('e2eProviderUrl'), MARIO);
    await expect.poll(cachedFolders, { timeout: 15_000 }).not.toBeNull();
    await webmail.getByRole('button', { name: 'Esci' }).click();
    await webmail.getByLabel('Indirizzo email').waitFor();
    await expect.poll(cachedFolders, { timeout: 15_000 }).toBeNull();
    await webmail.close();
  });

  it('signs in, caches the folders on one visit, and answers from the cache once the provider is gone', async () => {
    const baseUrl = inject('e2eProviderUrl');
    const webmail = await browser.context.newPage();
    await signInOnWebmail(webmail, baseUrl, MARIO);

    // One visit is enough: the background warmed the cache without any view asking for folders.
    await expect.poll(cachedFolders, { timeout: 15_000 }).not.toBeNull();
    const visited = await cachedFolders();

    // The content script announced the session; the background asked the provider who it is.
    const extensionPage = await openExtensionPage(browser.context, browser.extensionId);
    await expect
      .poll(async () => (await callBackground<{ me: { address: string } | null }>(extensionPage, 'session.get')).value?.me?.address)
      .toBe(MARIO);

    const online = (await callBackground<FolderReply>(extensionPage, 'folders.list')).value!;
    expect(online.freshness.offline).toBe(false);
    expect(online.value.folders).toEqual(visited);
    const ids = online.value.folders.map((folder) => folder.id);
    expect(ids).toContain('inbox');
    expect(ids).toContain('sent');
    expect(ids.some((id) => /^inbox-\d{4}-\d{2}$/.test(id))).toBe(true);

    // The worker may be stopped at any moment: a request still gets its answer from a fresh worker.
    await stopServiceWorker();
    const afterRestart = await callBackground<FolderReply>(extensionPage, 'folders.list');
    expect(afterRestart.ok).toBe(true);
    expect(afterRestart.value!.value.folders).toEqual(online.value.folders);
    expect(await workerIsFresh()).toBe(true);
    expect((await callBackground<{ me: { address: string } | null }>(extensionPage, 'session.get')).value?.me?.address).toBe(MARIO);

    // Stop the provider while the webmail page stays open.
    process.kill(inject('e2ePid'), 'SIGTERM');
    await expect
      .poll(async () => {
        try {
          await fetch(`${baseUrl}/api/health`);
          return 'up';
        } catch {
          return 'down';
        }
      })
      .toBe('down');

    // Answered at once from the cache (within its few seconds of freshness not even asked again); marked offline as
    // soon as the background's next attempt has failed.
    const first = await callBackground<FolderReply>(extensionPage, 'folders.list');
    expect(first.ok).toBe(true);
    expect(first.value!.freshness).toMatchObject({ source: 'cache' });
    expect(first.value!.value.folders).toEqual(online.value.folders);
    await expect
      .poll(async () => (await callBackground<FolderReply>(extensionPage, 'folders.list')).value?.freshness, { timeout: 15_000 })
      .toMatchObject({ source: 'cache', offline: true, stale: true });
    expect(webmail.isClosed()).toBe(false);
  });

  afterAll(async () => {
    // Bring the provider back on the same ports and data for the scenarios that follow.
    const restarted = await startProvider({
      port: inject('e2ePort'),
      smtpPort: inject('e2eSmtpPort'),
      dataDir: inject('e2eDataDir'),
      seed: false,
      testMode: true,
    });
    writeFileSync(join(inject('e2eDataDir'), 'restarted.pid'), String(restarted.process.pid));
  });
});
