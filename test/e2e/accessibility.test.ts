// Accessibility end to end: axe-core finds no serious or critical violation on any screen of the product (popup,
// archive list, reader, search, "In scadenza", every dialog, the postmaster tab and bulk panel), in both schemes.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { testControl } from '../support/session';
import { expectClean } from './axe';
import { dialogFrame, newSignedInTab, signInOnWebmail } from './support';

const MARIO = 'mario.rossi@example.it';
const GIULIA = 'giulia.verdi@example.it';
const LUCA = 'luca.neri@example.it';
const POSTMASTER = 'postmaster@example.it';
let browser: ExtensionBrowser;
let baseUrl: string;

beforeAll(async () => {
  baseUrl = inject('e2eProviderUrl');
  await testControl(baseUrl, 'reset');
  browser = await launchWithExtension(inject('extensionDir'));
});

afterAll(async () => {
  await browser?.close();
});

/** The frame object behind an iframe element of the page. */
async function frameOf(page: Page, selector: string): Promise<Frame> {
  const element = await page.locator(selector).elementHandle({ timeout: 15_000 });
  const frame = await element!.contentFrame();
  if (!frame) throw new Error(`no frame in ${selector}`);
  await frame.waitForLoadState();
  return frame;
}

async function openArchive(scheme: 'light' | 'dark'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`chrome-extension://${browser.extensionId}/archive.html#origin=${encodeURIComponent(baseUrl)}&scheme=${scheme}`);
  await page.locator('[role=tree]').waitFor({ timeout: 20_000 });
  await page.locator('[role=option][data-message-id]').first().waitFor({ timeout: 20_000 });
  return page;
}

describe('axe-core on every screen', () => {
  it('popup', async () => {
    const webmail = await newSignedInTab(browser.context, baseUrl, GIULIA);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 900 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?origin=${encodeURIComponent(baseUrl)}`);
    await popup.locator(`[data-account="${GIULIA}"]`).waitFor({ timeout: 15_000 });
    await popup.locator('.arc-quota').waitFor();
    await expectClean(popup, 'popup');
    await popup.close();
    await webmail.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`archive (${scheme}): list, reader, search results, "In scadenza", dialogs`, async () => {
      const webmail = await newSignedInTab(browser.context, baseUrl, GIULIA);
      const app = await openArchive(scheme);
      await expectClean(app, 'archive list');

      await app.locator('[role=option][data-message-id]').first().click();
      await app.locator('.reader-headers').waitFor();
      await expectClean(app, 'reader');

      await app.locator('[data-action="delete"]').click();
      await app.getByRole('alertdialog').waitFor();
      await expectClean(app, 'delete message dialog');
      await app.keyboard.press('Escape');
      await app.getByRole('alertdialog').waitFor({ state: 'detached' });

      await app.locator('[data-action="move"]').click();
      await app.getByRole('dialog').waitFor();
      await expectClean(app, 'move dialog');
      await app.keyboard.press('Escape');
      await app.getByRole('dialog').waitFor({ state: 'detached' });

      await app.locator('[data-action="close-message"]').click();
      await app.locator('[data-action="empty-folder"]').click();
      await app.getByRole('alertdialog').waitFor();
      await expectClean(app, 'empty folder dialog');
      await app.keyboard.press('Escape');
      await app.getByRole('alertdialog').waitFor({ state: 'detached' });

      await app.locator('[role=treeitem][data-folder-id="sent"]').focus();
      await app.keyboard.press('Delete');
      await app.getByRole('dialog').waitFor();
      await expectClean(app, 'folder cannot be deleted dialog');
      await app.keyboard.press('Escape');
      await app.getByRole('dialog').waitFor({ state: 'detached' });

      await app.getByRole('searchbox').fill('fattura');
      await app.locator('[data-search-status="done"]').waitFor({ timeout: 15_000 });
      await expectClean(app, 'search results');
      await app.getByRole('searchbox').fill('');

      await app.close();
      await webmail.close();

      // Giulia keeps everything; Mario's archive deletes after 24 months, so his has "In scadenza".
      const marioWebmail = await newSignedInTab(browser.context, baseUrl, MARIO);
      const marioApp = await openArchive(scheme);
      await marioApp.locator('[role=treeitem][data-folder-id="expiring"]').click();
      await marioApp.locator('#expiring-title').waitFor({ timeout: 15_000 });
      await expectClean(marioApp, '"In scadenza"');
      await marioApp.close();
      await marioWebmail.close();
    });
  }

  it('postmaster tab, its dialogs and the bulk panel', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInOnWebmail(page, baseUrl, POSTMASTER);
    await page.goto(`${baseUrl}/#/gestione/caselle`);
    await page.getByRole('columnheader', { name: 'Spazio archivio' }).waitFor();

    await page.locator(`tr[data-mailbox="${MARIO}"] a`).first().click();
    await page.getByRole('tab', { name: 'Archivio', exact: true }).click();
    const tab = await frameOf(page, '#archivio-panel iframe');
    await tab.getByRole('switch', { name: 'Archivio attivo' }).waitFor();
    await expectClean(tab, 'postmaster tab');

    await tab.getByRole('switch', { name: 'Archivio attivo' }).click();
    const disable = await dialogFrame(page);
    await disable.getByRole('alertdialog').waitFor();
    await expectClean(disable, 'disable dialog');
    await disable.getByRole('button', { name: 'Annulla' }).click();
    await page.locator('[data-archivio-dialog]').waitFor({ state: 'detached' });

    await page.goto(`${baseUrl}/#/gestione/caselle`);
    await page.getByRole('columnheader', { name: 'Spazio archivio' }).waitFor();
    await page.getByRole('button', { name: `Attiva l'archivio di ${LUCA}` }).click();
    const enable = await dialogFrame(page);
    await enable.getByRole('dialog').waitFor();
    await expectClean(enable, 'enable dialog');
    await enable.getByRole('button', { name: 'Annulla' }).click();
    await page.locator('[data-archivio-dialog]').waitFor({ state: 'detached' });

    for (const mailbox of [MARIO, GIULIA]) await page.getByRole('checkbox', { name: `Seleziona ${mailbox}` }).check();
    await page.getByRole('button', { name: "Gestisci l'archivio…" }).click();
    const bulk = await dialogFrame(page);
    await bulk.getByRole('dialog').waitFor();
    await expectClean(bulk, 'bulk panel');
    await page.close();
  });
});

interface FocusState {
  where: 'page' | 'frame';
  description: string;
  onBody: boolean;
  visible: boolean;
}

/** Where keyboard focus is (inside our archive frame when the frame has it), and whether it can be seen. */
async function focusState(page: Page): Promise<FocusState> {
  const inspect = () => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body || element === document.documentElement) {
      return { description: 'body', onBody: true, visible: false, isFrame: false };
    }
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? '';
    return {
      description: `${element.tagName.toLowerCase()}${element.getAttribute('role') ? `[role=${element.getAttribute('role')}]` : ''} "${name}"`,
      onBody: false,
      visible: outline || shadow,
      isFrame: element.tagName === 'IFRAME',
    };
  };
  const outer = await page.evaluate(inspect);
  if (!outer.isFrame) return { where: 'page', description: outer.description, onBody: outer.onBody, visible: outer.visible };
  const frame = await frameOf(page, 'iframe[data-archivio="archive-frame"]');
  const inner = await frame.evaluate(inspect);
  return { where: 'frame', description: inner.description, onBody: inner.onBody, visible: inner.visible };
}

/** Presses a key and checks focus lands on a visible-focused element; returns where it is. */
async function press(page: Page, key: string, steps: string[]): Promise<FocusState> {
  await page.keyboard.press(key);
  await page.waitForTimeout(60); // let the app move focus (requestAnimationFrame) before looking
  const state = await focusState(page);
  steps.push(`${key} → ${state.where} ${state.description}${state.visible ? '' : ' (NO VISIBLE FOCUS)'}`);
  expect(state.onBody, steps.join('\n')).toBe(false);
  expect(state.visible, steps.join('\n')).toBe(true);
  return state;
}

/** Tabs until `matches` says focus is where we want (at most `limit` presses), each stop visibly focused. */
async function tabTo(page: Page, matches: (state: FocusState) => boolean, steps: string[], limit = 25): Promise<void> {
  if (matches(await focusState(page))) return;
  for (let i = 0; i < limit; i++) {
    if (matches(await press(page, 'Tab', steps))) return;
  }
  throw new Error(`not reached with Tab:\n${steps.join('\n')}`);
}

describe('keyboard only', () => {
  it('opens the archive, picks a month, opens and restores a message, closes with Esc, focus visible throughout and back on the webmail', async () => {
    const page = await newSignedInTab(browser.context, baseUrl, MARIO);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${baseUrl}/#/posta/inbox`);
    await page.locator('[data-archivio-control]').first().waitFor({ timeout: 15_000 });
    const steps: string[] = [];

    // Alt+Shift+A opens the archive from anywhere in the webmail; focus moves into it, visibly.
    await page.locator('li[data-message-id] a').first().focus();
    await page.keyboard.press('Alt+Shift+KeyA');
    const frame = await frameOf(page, 'iframe[data-archivio="archive-frame"]');
    await frame.locator('[role=tree]').waitFor({ timeout: 20_000 });
    await frame.locator('[role=option][data-message-id]').first().waitFor({ timeout: 20_000 });
    await expect.poll(async () => (await focusState(page)).description).toContain('[role=treeitem]');
    expect((await focusState(page)).visible).toBe(true);

    // Into the folder tree, down to the newest month, select it.
    await tabTo(page, (state) => state.where === 'frame' && state.description.includes('[role=treeitem]'), steps);
    const MONTH = /(gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre) 20\d\d/;
    let state = await focusState(page);
    for (let i = 0; i < 5 && !MONTH.test(state.description); i++) state = await press(page, 'ArrowDown', steps);
    const month = MONTH.exec(state.description)?.[0];
    expect(month, steps.join('\n')).toBeDefined();
    await press(page, 'Enter', steps);
    await frame.getByRole('listbox', { name: `Messaggi in ${month}` }).waitFor();

    // Into the list, open the first message.
    await tabTo(page, (s) => s.where === 'frame' && s.description.includes('[role=listbox]'), steps);
    await press(page, 'Enter', steps);
    await frame.locator('.reader-headers').waitFor();

    // To "Ripristina" and press it: the message goes back to the mailbox, focus stays visible on the button.
    await tabTo(page, (s) => s.where === 'frame' && s.description.includes('"Ripristina'), steps);
    await press(page, 'Enter', steps);
    await frame.locator('[data-action="restore"][data-state="done"]').waitFor({ timeout: 15_000 });
    state = await focusState(page);
    expect(state.onBody, steps.join('\n')).toBe(false);
    expect(state.visible, steps.join('\n')).toBe(true);

    // Esc closes the message (focus back in the list), Esc again closes the archive: focus on the webmail's item.
    await press(page, 'Escape', steps);
    await frame.locator('.reader').waitFor({ state: 'detached' });
    state = await press(page, 'Escape', steps);
    await page.locator('iframe[data-archivio="archive-frame"]').waitFor({ state: 'detached' });
    state = await focusState(page);
    expect(state.where, steps.join('\n')).toBe('page');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-archivio="nav-item"]') !== null)).toBe(true);
    expect(state.visible, steps.join('\n')).toBe(true);
    await page.close();
  });
});

describe('a long archive', () => {
  afterAll(async () => {
    await testControl(baseUrl, 'reset');
  });

  it('groups thirty months by year, this year open, and keeps "Posta inviata" and "In scadenza" on screen', async () => {
    for (let i = 0; i < 30; i++) {
      const date = new Date(Date.UTC(2026, 10 - i, 1));
      const month = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
      await testControl(baseUrl, `mailboxes/${MARIO}/bulk`, { count: 2, month });
    }
    const webmail = await newSignedInTab(browser.context, baseUrl, MARIO);
    const app = await openArchive('light');
    const years = app.locator('[role=treeitem][aria-level="2"][aria-expanded]');
    await expect.poll(() => years.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    const thisYear = String(new Date().getFullYear());
    for (const year of await years.all()) {
      const label = (await year.locator('.tree-label').textContent()) ?? '';
      expect(await year.getAttribute('aria-expanded'), label).toBe(label === thisYear ? 'true' : 'false');
    }
    await app.locator('[role=treeitem][data-folder-id="expiring"]').waitFor();
    // Both lie inside the window and inside the tree's scroll box, which has not been scrolled.
    for (const id of ['sent', 'expiring']) {
      const inView = await app.locator(`[role=treeitem][data-folder-id="${id}"]`).evaluate((item) => {
        const box = item.getBoundingClientRect();
        let scroller: HTMLElement | null = item.parentElement;
        while (scroller && !(scroller.scrollHeight > scroller.clientHeight && getComputedStyle(scroller).overflowY !== 'visible'))
          scroller = scroller.parentElement;
        const frame = scroller?.getBoundingClientRect() ?? { top: 0, bottom: innerHeight };
        return box.top >= Math.max(0, frame.top) && box.bottom <= Math.min(innerHeight, frame.bottom) && (scroller?.scrollTop ?? 0) === 0;
      });
      expect(inView, id).toBe(true);
    }
    // An older year opens with the keyboard and shows its months.
    const older = years.nth(1);
    await older.focus();
    await app.keyboard.press('Enter');
    await expect.poll(() => older.getAttribute('aria-expanded')).toBe('true');
    expect(await app.locator('[role=treeitem][aria-level="3"]').count()).toBeGreaterThan(12);
    await expectClean(app, 'long archive tree');
    await app.close();
    await webmail.close();
  });
});
