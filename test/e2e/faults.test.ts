// Provider faults from its test mode, end to end: the archive shows the right state in Italian, reads retry on
// their own, a write is never sent twice without the user (counted in the mailbox), and what is cached stays shown.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Folder, MessageSummary } from '../../utils/api/schemas';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { signIn, testControl } from '../support/session';
import { callBackground, newSignedInTab, openExtensionPage } from './support';

const MARIO = 'mario.rossi@example.it';
let browser: ExtensionBrowser;
let baseUrl: string;
let webmail: Page;
let extensionPage: Page;
const clearCache = async () => expect((await callBackground(extensionPage, 'cache.clear')).ok).toBe(true);

const fault = (spec: object) => testControl(baseUrl, 'faults', spec);
const clearFaults = () => testControl(baseUrl, 'faults', {}, 'DELETE');

async function provider<T>(path: string): Promise<T> {
  const session = await signIn(baseUrl, MARIO);
  const response = await session.fetch(new URL(`/api/archive/v1/mailboxes/${encodeURIComponent(MARIO)}/archive${path}`, baseUrl));
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** How many copies of a message the mailbox's inbox holds: each applied restore adds one. */
const copiesInInbox = (messageId: string) =>
  webmail.evaluate(async (id) => {
    const reply = (await (await fetch('/api/mail/folders/inbox/messages?limit=200')).json()) as { items: { messageId: string }[] };
    return reply.items.filter((item) => item.messageId === id).length;
  }, messageId);

async function openArchive(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/archive.html#origin=${encodeURIComponent(baseUrl)}`);
  return page;
}
const tree = (page: Page) => page.getByRole('tree', { name: "Cartelle dell'archivio" });

beforeAll(async () => {
  baseUrl = inject('e2eProviderUrl');
  await testControl(baseUrl, 'reset');
  browser = await launchWithExtension(inject('extensionDir'));
  webmail = await newSignedInTab(browser.context, baseUrl, MARIO);
  extensionPage = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
});

afterEach(async () => {
  await clearFaults();
});

afterAll(async () => {
  await clearFaults().catch(() => undefined);
  await testControl(baseUrl, 'reset').catch(() => undefined);
  await browser?.close();
});

describe('provider faults in the archive', () => {
  it('reads retry by themselves through 500 and 503, and stop with a retry button when the provider keeps failing', async () => {
    await clearCache();
    // Two failures, then the provider answers: the listing comes without the user doing anything.
    await fault({ path: '/archive/folders$', status: 500, times: 1 });
    await fault({ path: '/archive/folders$', status: 503, times: 1 });
    const app = await openArchive();
    await tree(app).waitFor({ timeout: 30_000 });
    await app.close();

    // Failing for good: the retries end (the rest of the 50 stay unused) and the user gets the message and a retry.
    await clearCache();
    await fault({ path: '/archive/folders$', status: 503, times: 50 });
    const failing = await openArchive();
    await failing.locator('[data-state="error"]').waitFor({ timeout: 40_000 });
    expect(await failing.locator('[data-state="error"]').textContent()).toContain("Il server dell'archivio ha restituito un errore. Riprova.");
    await clearFaults();
    await failing.locator('[data-action="retry"]').click();
    await tree(failing).waitFor({ timeout: 20_000 });
    await failing.close();
  });

  it('429 with a long Retry-After is not hammered: the user is told to try again shortly', async () => {
    await clearCache();
    const ARMED = 6;
    await fault({ path: '/archive/folders$', status: 429, retryAfter: 120, times: ARMED });
    const app = await openArchive();
    await app.locator('[data-state="error"]').waitFor({ timeout: 30_000 });
    expect(await app.locator('[data-state="error"]').textContent()).toContain('Troppe richieste al server. Riprova tra qualche istante.');
    await app.waitForTimeout(2000);
    // A Retry-After over the wait limit is not waited for and not retried: count the 429s the browser left unused.
    const cookie = (await signIn(baseUrl, MARIO)).cookie()!;
    let unused = 0;
    for (let probe = 0; probe < ARMED; probe++) {
      const left = await fetch(new URL(`/api/archive/v1/mailboxes/${encodeURIComponent(MARIO)}/archive/folders`, baseUrl), {
        headers: { Cookie: cookie },
      });
      if (left.status !== 429) break;
      expect(left.headers.get('retry-after')).toBe('120');
      unused++;
    }
    expect(ARMED - unused).toBeLessThanOrEqual(2);
    await app.close();
  });

  it('a truncated JSON reply is reported as unexpected, and a later good one shows the folders', async () => {
    await clearCache();
    await fault({ path: '/archive/folders$', truncate: true, times: 10 });
    const app = await openArchive();
    await app.locator('[data-state="error"]').waitFor({ timeout: 30_000 });
    expect(await app.locator('[data-state="error"]').textContent()).toContain("Il server dell'archivio ha risposto in modo inatteso");
    await clearFaults();
    await app.locator('[data-action="retry"]').click();
    await tree(app).waitFor({ timeout: 20_000 });
    await app.close();
  });

  it('what is cached stays shown while the provider fails', async () => {
    const app = await openArchive();
    await tree(app).waitFor({ timeout: 20_000 });
    const folders = (await provider<{ folders: Folder[] }>('/folders')).folders;
    const month = folders.find((folder) => folder.kind === 'inbox-month' && folder.messageCount > 0)!;
    await app.locator(`[role=treeitem][data-folder-id="${month.id}"]`).click();
    await app.locator('[role=option][data-message-id]').first().waitFor({ timeout: 20_000 });
    const firstRow = await app.locator('[role=option][data-message-id]').first().getAttribute('data-message-id');
    await app.close();

    await fault({ path: '/archive/(folders|folders/[^/]+/messages)$', status: 503, times: 500 });
    const offline = await openArchive();
    await tree(offline).waitFor({ timeout: 30_000 });
    await offline.locator(`[role=treeitem][data-folder-id="${month.id}"]`).click();
    await offline.locator(`[role=option][data-message-id="${firstRow}"]`).waitFor({ timeout: 30_000 });
    await offline.close();
  });

  it("a search the provider takes and never answers, or answers only in part, ends in a timeout message within the client's 20 s, keeps the screen, and recovers", async () => {
    const month = (await provider<{ folders: Folder[] }>('/folders')).folders.find(
      (folder) => folder.kind === 'inbox-month' && folder.messageCount > 0,
    )!;
    const listed = (await provider<{ items: MessageSummary[] }>(`/folders/${month.id}/messages?limit=1`)).items[0]!;
    // A word of a message the browser has cached: the instant (local) results have something to show.
    const word = listed.subject.split(/[^\p{L}\p{N}]+/u).sort((a, b) => b.length - a.length)[0]!;
    const app = await openArchive();
    await tree(app).waitFor({ timeout: 20_000 });
    await app.locator(`[role=treeitem][data-folder-id="${month.id}"]`).click();
    const row = app.locator(`[role=option][data-message-id="${listed.id}"]`);
    await row.waitFor({ timeout: 20_000 });
    const search = app.getByRole('searchbox', { name: "Cerca nell'archivio" });
    const results = app.getByRole('listbox', { name: 'Risultati della ricerca' });
    const failed = app.locator('.folder-pane [role=alert]');

    for (const [how, stall] of [
      ['never answers', { stall: true }],
      ['stalls after the headers', { stallBody: true }],
    ] as const) {
      await fault({ path: '/archive/search$', method: 'GET', ...stall, times: 20 });
      const typed = Date.now();
      await search.fill(word);
      // What the browser holds is shown at once, while the provider keeps the request.
      await results.locator(`[role=option][data-message-id="${listed.id}"]`).waitFor({ timeout: 5_000 });
      await failed.waitFor({ timeout: 30_000 });
      console.log(`search whose reply ${how}: timeout message ${Date.now() - typed} ms after typing (client timeout 20 000 ms)`);
      expect(await failed.textContent()).toBe(
        "La ricerca sul server non è riuscita, sono mostrati solo i risultati salvati in questo browser. Il server dell'archivio non ha risposto in tempo. Riprova.",
      );
      expect(await app.locator('[data-search-status]').getAttribute('data-search-status')).toBe('done');
      expect(await results.locator(`[role=option][data-message-id="${listed.id}"]`).count()).toBe(1);
      expect(await search.inputValue()).toBe(word);

      // The provider answers again: the same search, asked again, completes without the message.
      await clearFaults();
      await search.fill('');
      await search.fill(word);
      await app.locator('[data-search-status="done"]').waitFor({ timeout: 20_000 });
      expect(await failed.count()).toBe(0);
      const fromProvider = (await provider<{ items: MessageSummary[] }>(`/search?q=${encodeURIComponent(word)}&limit=5`)).items;
      expect(await results.locator(`[role=option][data-message-id="${fromProvider[0]!.id}"]`).count()).toBe(1);

      // Leaving the search shows the folder as it was.
      await search.press('Escape');
      await row.waitFor();
    }
    await app.close();
  }, 120_000);

  it('a write that fails, stalls or loses its reply is sent once: the mailbox counts the restores', async () => {
    const target = (await provider<{ items: MessageSummary[] }>('/folders/sent/messages?limit=3')).items;
    const app = await openArchive();
    await tree(app).waitFor({ timeout: 20_000 });
    await app.locator('[role=treeitem][data-folder-id="sent"]').click();
    const restoreOf = async (summary: MessageSummary) => {
      await app.locator(`[role=option][data-message-id="${summary.id}"]`).click();
      await app.locator('.reader-headers').waitFor();
      await app.locator('[data-action="restore"]').click();
    };

    // 503 on the first attempt: were the write retried, the second attempt would succeed and add a copy.
    const first = target[0]!;
    const before = await copiesInInbox(first.messageId);
    await fault({ path: '/restore$', method: 'POST', status: 503, times: 1 });
    await restoreOf(first);
    await app.locator('[data-notice="error"]').waitFor({ timeout: 20_000 });
    expect(await app.locator('[data-notice="error"]').textContent()).toContain("Il server dell'archivio ha restituito un errore");
    await app.waitForTimeout(1500);
    expect(await copiesInInbox(first.messageId)).toBe(before);
    // The user asks again: now it is applied, once.
    await app.locator('[data-action="restore"]').click();
    await app.locator('[data-notice="success"]').waitFor({ timeout: 20_000 });
    expect(await copiesInInbox(first.messageId)).toBe(before + 1);

    // The reply is cut in half after the provider applied the restore: one copy, and no second attempt.
    const second = target[1]!;
    const beforeSecond = await copiesInInbox(second.messageId);
    await fault({ path: '/restore$', method: 'POST', truncate: true, times: 1 });
    await restoreOf(second);
    await app.locator('[data-notice]').last().waitFor({ timeout: 20_000 });
    await app.waitForTimeout(1500);
    expect(await copiesInInbox(second.messageId)).toBe(beforeSecond + 1);

    // A slow provider: the button stays busy, the write goes out once.
    const third = target[2]!;
    const beforeThird = await copiesInInbox(third.messageId);
    await fault({ path: '/restore$', method: 'POST', latencyMs: 3000, times: 1 });
    await restoreOf(third);
    await expect.poll(() => app.locator('[data-action="restore"]').getAttribute('data-state')).toBe('busy');
    await expect.poll(() => app.locator('[data-action="restore"]').getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
    expect(await copiesInInbox(third.messageId)).toBe(beforeThird + 1);
    await app.close();
  });

  it('a session that expires mid-use leads to signing in again, and the write it cut off is not applied', async () => {
    const message = (await provider<{ items: MessageSummary[] }>('/folders/sent/messages?offset=5&limit=1')).items[0]!;
    const app = await openArchive();
    await tree(app).waitFor({ timeout: 20_000 });
    await app.locator('[role=treeitem][data-folder-id="sent"]').click();
    await app.locator(`[role=option][data-message-id="${message.id}"]`).click();
    await app.locator('.reader-headers').waitFor();
    const before = await copiesInInbox(message.messageId);
    await fault({ path: '/restore$', method: 'POST', expireSession: true, times: 1 });
    await app.locator('[data-action="restore"]').click();
    await app.getByRole('link', { name: 'Accedi di nuovo alla webmail' }).waitFor({ timeout: 20_000 });
    // The old session is gone: sign in again to count.
    webmail = await newSignedInTab(browser.context, baseUrl, MARIO);
    expect(await copiesInInbox(message.messageId)).toBe(before);
    await app.close();
  });
});
