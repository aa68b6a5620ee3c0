// An update as Chrome applies it to an installed extension: the browser, started again on the same profile, finds
// the extension's folder holding a newer version and loads it as an update (`onInstalled` with reason `update`). Settings in `storage.local` stay,
// a cache left by an older schema is migrated by the new worker, and no first-run page opens again.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { callBackground, openExtensionPage, signInOnWebmail } from './support';

const MARIO = 'mario.rossi@example.it';

/** The extension API of an extension page, as the page sees it (Node's types do not describe it). */
interface PageRuntime {
  chrome: { runtime: { getManifest(): { version: string }; reload(): void } };
}
let folder: string;
let profile: string;
let browser: ExtensionBrowser;

function setManifestVersion(version: string): string {
  const file = join(folder, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
  const shipped = manifest.version;
  writeFileSync(file, JSON.stringify({ ...manifest, version }));
  return shipped;
}

let shippedVersion: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'archivio-update-'));
  cpSync(inject('extensionDir'), folder, { recursive: true });
  shippedVersion = setManifestVersion('0.0.1');
  profile = mkdtempSync(join(tmpdir(), 'archivio-update-profile-'));
  browser = await launchWithExtension(folder, { profileDir: profile });
});

afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
});

const welcomeUrl = () => `chrome-extension://${browser.extensionId}/welcome.html`;

/** The cache database as an earlier release left it: schema version 2, a summary and a folder list of Mario's. */
async function leaveVersion2Cache(page: Page): Promise<void> {
  await page.evaluate(async (account) => {
    const done = (request: IDBRequest | IDBOpenDBRequest) =>
      new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    await done(indexedDB.deleteDatabase('archivio-cache'));
    const open = indexedDB.open('archivio-cache', 2);
    open.onupgradeneeded = () => {
      const db = open.result;
      // Versions 1 and 2 as released (utils/cache/schema.ts: never edited, only added to).
      db.createObjectStore('status', { keyPath: 'key' }).createIndex('byAccount', 'account');
      db.createObjectStore('folders', { keyPath: 'account' });
      const messages = db.createObjectStore('messages', { keyPath: ['account', 'id'] });
      messages.createIndex('byFolderDate', ['account', 'folderId', 'date']);
      messages.createIndex('byAccount', 'account');
      const meta = db.createObjectStore('meta', { keyPath: 'key' });
      meta.createIndex('byAccount', 'account');
      meta.createIndex('byLastUsed', 'lastUsed');
    };
    const db = (await done(open)) as IDBDatabase;
    const tx = db.transaction(['messages', 'folders'], 'readwrite');
    tx.objectStore('messages').put({
      account,
      folderId: 'sent',
      id: 'old-row',
      subject: 'Riga di una versione vecchia',
      date: '2026-01-01T00:00:00Z',
    });
    tx.objectStore('folders').put({ account, version: 1, folders: [{ id: 'sent', kind: 'sent', messageCount: 1 }], fetchedAt: 1 });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, MARIO);
}

async function cacheState(page: Page) {
  return page.evaluate(async () => {
    const open = indexedDB.open('archivio-cache');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const count = (store: string) =>
      new Promise<number>((resolve) => {
        const request = db.transaction(store).objectStore(store).count();
        request.onsuccess = () => resolve(request.result);
      });
    const state = { version: db.version, stores: [...db.objectStoreNames].sort(), oldRows: await count('messages') };
    db.close();
    return state;
  });
}

describe('updating the installed extension', () => {
  it('keeps the language chosen and migrates an older cache; the first-run page does not open again', async () => {
    await expect.poll(() => browser.context.pages().filter((page) => page.url() === welcomeUrl()).length).toBe(1);
    for (const page of browser.context.pages()) if (page.url() === welcomeUrl()) await page.close();

    // As the user left the earlier release: English chosen in the options, an older cache on disk.
    const options = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
    await options.getByLabel("Lingua dell'interfaccia").selectOption('en');
    await options.getByLabel('Interface language').waitFor();
    await leaveVersion2Cache(options);
    const before = await options.evaluate(() => (globalThis as unknown as PageRuntime).chrome.runtime.getManifest().version);
    expect(before).toBe('0.0.1');

    // The browser closes; the new release's files replace the old ones; it starts again on the same profile.
    await browser.close();
    setManifestVersion(shippedVersion);
    browser = await launchWithExtension(folder, { profileDir: profile });

    const page = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
    expect(await page.evaluate(() => (globalThis as unknown as PageRuntime).chrome.runtime.getManifest().version)).toBe(shippedVersion);
    await page.getByLabel('Interface language').waitFor();
    expect(await page.getByLabel('Interface language').inputValue()).toBe('en');

    // The new worker opens the cache on its first call: version 2's rows go (fetched again), its stores stay usable.
    const webmail = await browser.context.newPage();
    await signInOnWebmail(webmail, inject('e2eProviderUrl'), MARIO);
    await expect.poll(async () => (await callBackground<{ me: { address: string } | null }>(page, 'session.get')).value?.me?.address).toBe(MARIO);
    // The folder list kept through the migration answers first; the provider's own replaces it.
    const folderIds = async () =>
      ((await callBackground<{ value: { folders: { id: string }[] } }>(page, 'folders.list')).value?.value.folders ?? []).map((entry) => entry.id);
    await expect.poll(folderIds, { timeout: 15_000 }).toContain('inbox');
    const state = await cacheState(page);
    expect(state.version).toBe(3);
    expect(state.stores).toEqual(['folders', 'messages', 'meta', 'status']);
    const rows = await page.evaluate(async () => {
      const open = indexedDB.open('archivio-cache');
      const db: IDBDatabase = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)));
      const request = db.transaction('messages').objectStore('messages').getAll();
      const all = await new Promise<Array<{ id: string }>>((resolve) => (request.onsuccess = () => resolve(request.result as Array<{ id: string }>)));
      db.close();
      return all.map((row) => row.id);
    });
    expect(rows).not.toContain('old-row');

    // The archive speaks the language kept through the update.
    const archive = await openExtensionPage(
      browser.context,
      browser.extensionId,
      `archive.html#origin=${encodeURIComponent(inject('e2eProviderUrl'))}`,
    );
    await archive.getByRole('tree', { name: 'Archive folders' }).waitFor({ timeout: 15_000 });

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(browser.context.pages().filter((open) => open.url() === welcomeUrl())).toHaveLength(0);
  });
});
