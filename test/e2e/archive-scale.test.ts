// The archive at scale: a listing of 20,000 messages scrolls with a bounded number of rows in the DOM.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { monthLabel } from '../../utils/rules/months';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { testControl } from '../support/session';
import { newSignedInTab } from './support';

const GIULIA = 'giulia.verdi@example.it';
let browser: ExtensionBrowser;
let baseUrl: string;

beforeAll(async () => {
  baseUrl = inject('e2eProviderUrl');
  browser = await launchWithExtension(inject('extensionDir'));
});

afterAll(async () => {
  await browser?.close();
});

const signInAs = (address: string) => newSignedInTab(browser.context, baseUrl, address);

describe('archive app, a listing of 20,000 messages (giulia)', () => {
  // A month older than the seeded history, filled by the test API; the data is re-seeded afterwards.
  const MONTH = '2023-01';
  const COUNT = 20_000;
  const MAX_ROWS = 60;
  let app: Page;

  beforeAll(async () => {
    const bulk = (await testControl(baseUrl, `mailboxes/${GIULIA}/bulk`, { count: COUNT, month: MONTH })) as { inserted: number; folderId: string };
    expect(bulk).toMatchObject({ inserted: COUNT, folderId: `inbox-${MONTH}` });
    await signInAs(GIULIA);
    app = await browser.context.newPage();
    await app.setViewportSize({ width: 1280, height: 800 });
    await app.goto(`chrome-extension://${browser.extensionId}/archive.html#origin=${encodeURIComponent(baseUrl)}&view=inbox-${MONTH}`);
  });

  afterAll(async () => {
    await app?.close();
    await testControl(baseUrl, 'reset');
  });

  const optionCount = () => app.locator('[role=option]').count();
  /** The loaded row at a 1-based position, once it is rendered. */
  const rowAt = (position: number) => app.locator(`[role=option][aria-posinset="${position}"][data-message-id]`);
  /** Message n of the batch (1 = the oldest) sits at position COUNT + 1 - n, newest first. */
  const subjectAt = (position: number) => new RegExp(`di prova n\\. ${String(COUNT + 1 - position).padStart(5, '0')}`);

  it('keeps the DOM row count bounded from the top to the middle and the end, where the oldest message is', async () => {
    const list = app.getByRole('listbox', { name: `Messaggi in ${monthLabel(MONTH, 'it')}` });
    await list.waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => Number(await app.locator('[role=option][data-message-id]').first().getAttribute('aria-setsize')), { timeout: 20_000 })
      .toBe(COUNT);
    expect(await rowAt(1).textContent()).toMatch(subjectAt(1));
    expect(await optionCount()).toBeLessThanOrEqual(MAX_ROWS);

    const started = Date.now();
    await list.evaluate((element) => (element.scrollTop = element.scrollHeight / 2));
    const middle = COUNT / 2;
    await expect.poll(() => rowAt(middle).count(), { timeout: 60_000 }).toBe(1);
    expect(await rowAt(middle).textContent()).toMatch(subjectAt(middle));
    expect(await optionCount()).toBeLessThanOrEqual(MAX_ROWS);
    const toMiddleMs = Date.now() - started;

    await list.focus();
    await app.keyboard.press('End');
    await expect.poll(() => rowAt(COUNT).count(), { timeout: 60_000 }).toBe(1);
    const oldest = rowAt(COUNT);
    expect(await oldest.textContent()).toMatch(/Fattura di prova n\. 00001/);
    expect(await oldest.getAttribute('aria-setsize')).toBe(String(COUNT));
    expect(await list.getAttribute('aria-activedescendant')).toBe(`row-${COUNT - 1}`);
    expect(await optionCount()).toBeLessThanOrEqual(MAX_ROWS);
    console.info(`20,000-row listing: middle after ${toMiddleMs} ms, end after ${Date.now() - started} ms (one run, noisy)`);
    await app.screenshot({ path: '/tmp/archive-app-20000.png' });

    await app.keyboard.press('Home');
    await expect.poll(() => rowAt(1).count(), { timeout: 10_000 }).toBe(1);
    expect(await rowAt(1).textContent()).toMatch(subjectAt(1));
    expect(await optionCount()).toBeLessThanOrEqual(MAX_ROWS);
  });
});
