// The extension's service worker stopped by the browser in the middle of work: the views recover or offer a retry,
// a listing cut short ends with every message once recovered, and a write under way is applied at most once.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Folder, MessageSummary } from '../../utils/api/schemas';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { signIn, testControl } from '../support/session';
import { newSignedInTab } from './support';

const MARIO = 'mario.rossi@example.it';
let browser: ExtensionBrowser;
let baseUrl: string;
let webmail: Page;

async function provider<T>(path: string): Promise<T> {
  const session = await signIn(baseUrl, MARIO);
  const response = await session.fetch(new URL(`/api/archive/v1/mailboxes/${encodeURIComponent(MARIO)}/archive${path}`, baseUrl));
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** Stops every service worker through the DevTools protocol, as the browser does to an idle or busy extension. */
async function stopWorkers(): Promise<void> {
  const cdp = await browser.context.newCDPSession(webmail);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

beforeAll(async () => {
  baseUrl = inject('e2eProviderUrl');
  await testControl(baseUrl, 'reset');
  browser = await launchWithExtension(inject('extensionDir'));
  webmail = await newSignedInTab(browser.context, baseUrl, MARIO);
});

afterAll(async () => {
  await testControl(baseUrl, 'faults', {}, 'DELETE').catch(() => undefined);
  await testControl(baseUrl, 'reset').catch(() => undefined);
  await browser?.close();
});

describe('service worker stopped mid-operation', () => {
  it('a listing being filled when the worker stops recovers or offers "Riprova", then shows every message down to the last', async () => {
    const inbox = (await provider<{ folders: Folder[] }>('/folders')).folders.find((folder) => folder.id === 'inbox')!;
    const app = await browser.context.newPage();
    await app.goto(`chrome-extension://${browser.extensionId}/archive.html#origin=${encodeURIComponent(baseUrl)}`);
    await app.getByRole('tree', { name: "Cartelle dell'archivio" }).waitFor({ timeout: 20_000 });
    await testControl(baseUrl, 'faults', { path: '/folders/inbox/messages', latencyMs: 2500, times: 3 });
    await app.locator('[role=treeitem][data-folder-id="inbox"]').click();
    await app.waitForTimeout(800);
    await stopWorkers();
    let retried = 0;
    const done = async () => {
      const retry = app.getByRole('button', { name: 'Riprova' });
      if ((await retry.count()) > 0) {
        retried++;
        await retry.first().click();
      }
      return Number(
        (await app
          .locator('[role=option][data-message-id]')
          .first()
          .getAttribute('aria-setsize', { timeout: 1_000 })
          .catch(() => '0')) ?? 0,
      );
    };
    await expect.poll(done, { timeout: 60_000, interval: 1000 }).toBe(inbox.messageCount);
    const list = app.getByRole('listbox', { name: 'Messaggi in Posta in arrivo' });
    await list.focus();
    await app.keyboard.press('End');
    await expect
      .poll(() => app.locator(`[role=option][aria-posinset="${inbox.messageCount}"][data-message-id]`).count(), { timeout: 30_000 })
      .toBe(1);
    // Recovering took at most a few retries by the user, never an endless loop of them.
    expect(retried).toBeLessThanOrEqual(3);
    await app.close();
  });

  it('a restore under way when the worker stops is applied at most once, and the view does not hang', async () => {
    const message = (await provider<{ items: MessageSummary[] }>('/folders/sent/messages?limit=1')).items[0]!;
    const copies = () =>
      webmail.evaluate(async (id) => {
        const reply = (await (await fetch('/api/mail/folders/inbox/messages?limit=200')).json()) as { items: { messageId: string }[] };
        return reply.items.filter((item) => item.messageId === id).length;
      }, message.messageId);
    const before = await copies();
    const app = await browser.context.newPage();
    await app.goto(`chrome-extension://${browser.extensionId}/archive.html#origin=${encodeURIComponent(baseUrl)}`);
    await app.getByRole('tree', { name: "Cartelle dell'archivio" }).waitFor({ timeout: 20_000 });
    await app.locator('[role=treeitem][data-folder-id="sent"]').click();
    await app.locator(`[role=option][data-message-id="${message.id}"]`).click();
    await app.locator('.reader-headers').waitFor();
    await testControl(baseUrl, 'faults', { path: '/restore$', method: 'POST', latencyMs: 2500, times: 1 });
    await app.locator('[data-action="restore"]').click();
    await app.waitForTimeout(800);
    await stopWorkers();
    // The button leaves "busy": either done, or an error the user can act on.
    await expect.poll(() => app.locator('[data-action="restore"]').getAttribute('data-state'), { timeout: 40_000 }).not.toBe('busy');
    await app.waitForTimeout(3000);
    expect(await copies()).toBeLessThanOrEqual(before + 1);
    await app.close();
  });
});
